#include "sim/peer_lists.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace score::sim {
namespace {

// The end of a firm's sorted peers as the engine has always listed them:
// std::unique applied until the end it returns stops moving. A list without
// repeats is unchanged. With repeats, the first call leaves some of the
// list's values past its end, and a later call can take them back in: [1 1 2
// 2 3] becomes [1 2 3 2 3]. Kept so that results stay the same.
std::uint32_t* repeated_unique(std::uint32_t* b, std::uint32_t* e) {
  std::uint32_t* end = std::unique(b, e);
  if (end == e) return e;  // no repeats: the list is unchanged, and so is a second pass
  for (std::uint32_t* again = std::unique(b, e); again != end; again = std::unique(b, e)) end = again;
  return end;
}

// Appends the local ids in [b, end) as firm ids.
void append(const std::uint32_t* b, const std::uint32_t* end, std::uint32_t first,
            std::vector<std::uint32_t>& column) {
  for (const std::uint32_t* t = b; t != end; ++t) column.push_back(first + *t);
}

// Firm v's peers in order, each as often as it was drawn, for a firm with
// repeats: from its masks when no peer was drawn three times or more (rare),
// else from the links themselves.
void repeated_peers(const DrawnLinks& drawn, std::uint32_t v, std::uint64_t once, std::uint64_t twice,
                    std::uint64_t thrice, std::vector<std::uint32_t>& out) {
  out.clear();
  if (thrice == 0) {
    for (std::uint64_t bits = once; bits != 0; bits &= bits - 1) {
      const auto t = static_cast<std::uint32_t>(std::countr_zero(bits));
      out.push_back(t);
      if ((twice >> t & 1U) != 0) out.push_back(t);
    }
    return;
  }
  for (const auto& [a, b] : drawn) {
    if (a == v) out.push_back(b);
    if (b == v) out.push_back(a);
  }
  std::sort(out.begin(), out.end());
}

}  // namespace

// The links are sorted by two counting sorts (ids are dense): by target,
// then, keeping that order, by source. A firm has as many links out as in,
// so one count serves both.
void peer_lists_by_sorting(const DrawnLinks& drawn, std::uint32_t n, std::uint32_t first, PeerListScratch& w,
                           std::vector<std::uint32_t>& column, std::uint32_t* degree) {
  w.start.assign(static_cast<std::size_t>(n) + 1, 0);
  for (const auto& [a, b] : drawn) {
    ++w.start[a + 1];
    ++w.start[b + 1];
  }
  for (std::size_t v = 0; v < n; ++v) w.start[v + 1] += w.start[v];
  // By target: each link's source, in its target's bucket.
  w.at.assign(w.start.begin(), w.start.end() - 1);
  w.by_target.resize(w.start[n]);
  for (const auto& [a, b] : drawn) {
    w.by_target[w.at[b]++] = a;
    w.by_target[w.at[a]++] = b;
  }
  // By source, targets visited in order: each bucket comes out sorted.
  w.at.assign(w.start.begin(), w.start.end() - 1);
  w.sorted.resize(w.start[n]);
  for (std::uint32_t t = 0; t < n; ++t)
    for (std::uint32_t e = w.start[t]; e < w.start[t + 1]; ++e) w.sorted[w.at[w.by_target[e]]++] = t;
  for (std::uint32_t v = 0; v < n; ++v) {
    std::uint32_t* const b = w.sorted.data() + w.start[v];
    const std::uint32_t* const end = repeated_unique(b, w.sorted.data() + w.start[v + 1]);
    degree[v] = static_cast<std::uint32_t>(end - b);
    append(b, end, first, column);
  }
}

// Bit t of once[v] says t is v's peer; of twice[v] and thrice[v], that the
// link was drawn two or three times or more. Most firms have no repeats, and
// their peers in order are the set bits of one word.
void peer_lists_by_masks(const DrawnLinks& drawn, std::uint32_t n, std::uint32_t first, PeerListScratch& w,
                         std::vector<std::uint32_t>& column, std::uint32_t* degree) {
  std::array<std::uint64_t, kMaskedClusterMax> once{}, twice{}, thrice{};
  const auto link = [&](std::uint32_t v, std::uint32_t t) {
    const std::uint64_t bit = std::uint64_t{1} << t;
    thrice[v] |= twice[v] & bit;
    twice[v] |= once[v] & bit;
    once[v] |= bit;
  };
  for (const auto& [a, b] : drawn) {
    link(a, b);
    link(b, a);
  }
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::size_t before = column.size();
    if (twice[v] == 0) {
      for (std::uint64_t bits = once[v]; bits != 0; bits &= bits - 1)
        column.push_back(first + static_cast<std::uint32_t>(std::countr_zero(bits)));
    } else {
      repeated_peers(drawn, v, once[v], twice[v], thrice[v], w.repeated);
      std::uint32_t* const b = w.repeated.data();
      append(b, repeated_unique(b, b + w.repeated.size()), first, column);
    }
    degree[v] = static_cast<std::uint32_t>(column.size() - before);
  }
}

}  // namespace score::sim
