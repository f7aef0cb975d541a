#pragma once
// Deterministic parallel loops over agents.
//
// Work is cut into fixed chunks whatever the thread count, each chunk
// accumulates in index order, and chunk results are combined in chunk order:
// floating-point sums therefore come out bit-identical with 1 or 16 threads.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "core/threads.hpp"
#include "sim/active_set.hpp"

namespace score::sim {

constexpr int kChunk = 8192;
// collect_listed keeps list order whatever the chunking, so its chunks can be
// small: a month's few thousand candidates still spread over every thread.
constexpr int kListChunk = 512;

// body(i) for every i in [begin, end), in parallel. body must only write
// state owned by agent i.
template <class Body>
void for_each_agent(int begin, int end, Body&& body) {
  threads::for_ranges(begin, end, kChunk, [&](int lo, int hi) {
    for (int i = lo; i != hi; ++i) body(i);
  });
}

// Sums body(i, acc) contributions into a vector of `width` doubles.
template <class Body>
std::vector<double> reduce_agents(int begin, int end, std::size_t width, Body&& body) {
  const int chunks = std::max(1, (end - begin + kChunk - 1) / kChunk);
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(chunks));
  threads::for_each(0, chunks, [&](int c) {
    auto& acc = partial[static_cast<std::size_t>(c)];
    acc.assign(width, 0.0);
    const int lo = begin + c * kChunk, hi = std::min(end, lo + kChunk);
    for (int i = lo; i < hi; ++i) body(i, acc);
  });
  std::vector<double> total(width, 0.0);
  for (const auto& acc : partial)
    for (std::size_t k = 0; k < width; ++k) total[k] += acc[k];
  return total;
}

// The same over a list of agent ids (the active set): chunks are fixed runs
// of list positions, so sums are as deterministic as over an id range.
template <class Body>
void for_each_listed(const std::vector<std::int32_t>& ids, Body&& body) {
  for_each_agent(0, static_cast<int>(ids.size()),
                 [&](int k) { body(static_cast<int>(ids[static_cast<std::size_t>(k)])); });
}

template <class Body>
std::vector<double> reduce_listed(const std::vector<std::int32_t>& ids, std::size_t width, Body&& body) {
  return reduce_agents(0, static_cast<int>(ids.size()), width, [&](int k, std::vector<double>& acc) {
    body(static_cast<int>(ids[static_cast<std::size_t>(k)]), acc);
  });
}

// Runs body(i, out) for every listed agent in parallel, where out is a
// vector of T the body may append to; returns the appended items in list
// order, whatever the thread count.
template <class T, class Body>
std::vector<T> collect_listed(const std::vector<std::int32_t>& ids, Body&& body) {
  const int n = static_cast<int>(ids.size());
  const int chunks = std::max(1, (n + kListChunk - 1) / kListChunk);
  std::vector<std::vector<T>> partial(static_cast<std::size_t>(chunks));
  threads::for_each(0, chunks, [&](int c) {
    const int lo = c * kListChunk, hi = std::min(n, lo + kListChunk);
    for (int k = lo; k < hi; ++k)
      body(static_cast<int>(ids[static_cast<std::size_t>(k)]), partial[static_cast<std::size_t>(c)]);
  });
  std::vector<T> all;
  for (const auto& part : partial) all.insert(all.end(), part.begin(), part.end());
  return all;
}

// Sorted id lists, changed in pieces in parallel. A list this long or
// longer is cut into pieces of about kListPiece ids at fixed positions; the
// result is the one sorted list whatever the pieces and threads.
constexpr std::size_t kListPiece = 16384;

namespace detail {
// The pieces of a sorted list: piece k holds the values in
// [bound(k), bound(k + 1)), bound(0) the lowest value and bound(n) past the highest.
struct Pieces {
  const Ids& list;
  std::size_t count;
  explicit Pieces(const Ids& l) : list(l), count(std::max<std::size_t>(1, l.size() / kListPiece)) {}
  std::size_t first(std::size_t k) const { return k * list.size() / count; }
  // Position in `ids` (sorted) of the first id of piece k.
  std::size_t first_of(const Ids& ids, std::size_t k) const {
    if (k == 0) return 0;
    if (k == count) return ids.size();
    return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), list[first(k)]) - ids.begin());
  }
};
}  // namespace detail

// add_sorted (active_set.hpp), merging piece by piece in parallel; `ids`
// are not in the list yet. Short lists are merged in place.
inline void add_sorted_parallel(Ids& list, Ids ids) {
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  if (list.size() < 2 * kListPiece) {
    add_sorted(list, std::move(ids));
    return;
  }
  const detail::Pieces pieces(list);
  Ids out(list.size() + ids.size());
  threads::for_each(std::size_t{0}, pieces.count, [&](std::size_t k) {
    const std::size_t lo = pieces.first(k), hi = pieces.first(k + 1);
    const std::size_t id_lo = pieces.first_of(ids, k), id_hi = pieces.first_of(ids, k + 1);
    std::merge(list.begin() + static_cast<std::ptrdiff_t>(lo), list.begin() + static_cast<std::ptrdiff_t>(hi),
               ids.begin() + static_cast<std::ptrdiff_t>(id_lo),
               ids.begin() + static_cast<std::ptrdiff_t>(id_hi),
               out.begin() + static_cast<std::ptrdiff_t>(lo + id_lo));
  });
  list.swap(out);
}

// remove_sorted (active_set.hpp), piece by piece in parallel: each piece
// counts what it keeps, then copies it to its place.
inline void remove_sorted_parallel(Ids& list, Ids ids) {
  if (ids.empty()) return;
  if (list.size() < 2 * kListPiece) {
    remove_sorted(list, std::move(ids));
    return;
  }
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  const detail::Pieces pieces(list);
  // Each piece's kept ids, as runs (first, last) between the removed ones.
  const auto each_kept = [&](std::size_t k, auto&& keep) {
    auto in = list.cbegin() + static_cast<std::ptrdiff_t>(pieces.first(k));
    const auto end = list.cbegin() + static_cast<std::ptrdiff_t>(pieces.first(k + 1));
    const auto gone_end = ids.cbegin() + static_cast<std::ptrdiff_t>(pieces.first_of(ids, k + 1));
    for (auto gone = ids.cbegin() + static_cast<std::ptrdiff_t>(pieces.first_of(ids, k)); gone != gone_end;
         ++gone) {
      const auto at = std::lower_bound(in, end, *gone);
      keep(in, at);
      in = at;
      if (in != end && *in == *gone) ++in;
    }
    keep(in, end);
  };
  std::vector<std::size_t> offset(pieces.count + 1, 0);
  threads::for_each(std::size_t{0}, pieces.count, [&](std::size_t k) {
    std::size_t n = 0;
    each_kept(k, [&](auto first, auto last) { n += static_cast<std::size_t>(last - first); });
    offset[k + 1] = n;
  });
  for (std::size_t k = 0; k < pieces.count; ++k) offset[k + 1] += offset[k];
  Ids out(offset.back());
  threads::for_each(std::size_t{0}, pieces.count, [&](std::size_t k) {
    auto at = out.begin() + static_cast<std::ptrdiff_t>(offset[k]);
    each_kept(k, [&](auto first, auto last) { at = std::copy(first, last, at); });
  });
  list.swap(out);
}

}  // namespace score::sim
