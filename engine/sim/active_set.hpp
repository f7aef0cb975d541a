#pragma once
// The firms the programme has touched, kept so that a month costs what
// happens in it rather than what exists: sets of who waits and who comes
// back for more, the links trained firms talk along, and
// calendars of what falls due
// (a module's last visit, a firm giving up). Unaware firms are reached
// through the channels of spread_awareness without a scan.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "core/bits.hpp"

namespace score::sim {

using Ids = std::vector<std::int32_t>;

// Firm ids due at given steps: the step's list is taken when it comes.
class Calendar {
 public:
  void add(int step, std::int32_t firm) {
    if (step < 0) return;
    if (static_cast<std::size_t>(step) >= due_.size()) due_.resize(static_cast<std::size_t>(step) + 1);
    due_[static_cast<std::size_t>(step)].push_back(firm);
  }
  // The firms due at `step`, in the order they were added; the calendar lets go of them.
  Ids take(int step) {
    if (step < 0 || static_cast<std::size_t>(step) >= due_.size()) return {};
    return std::move(due_[static_cast<std::size_t>(step)]);
  }

 private:
  std::vector<Ids> due_;
};

// A set of firms as one bit per firm of the population. Adding and removing
// cost what is added and removed, whatever the set holds; members come out in
// id order, 64 firms a word, so "the k-th waiting firm of a country" is the
// firm a sorted list of ids would hold at k.
class FirmSet {
 public:
  class Ranks;

  // Room for firms [0, firms), none of them in the set.
  void resize(std::size_t firms) { words_.assign((firms + 63) / 64, 0); }
  void insert(std::int32_t id) { words_[word(id)] |= bit(id); }
  void erase(std::int32_t id) { words_[word(id)] &= ~bit(id); }
  bool contains(std::int32_t id) const { return (words_[word(id)] & bit(id)) != 0; }
  // How many members lie in [first, end).
  std::int64_t count(std::int32_t first, std::int32_t end) const {
    std::int64_t n = 0;
    for (std::size_t w = word(first); first < end && w <= word(end - 1); ++w)
      n += count_bits(in_range(w, first, end));
    return n;
  }
  // How many members there are.
  std::int64_t size() const {
    std::int64_t n = 0;
    for (const std::uint64_t w : words_) n += count_bits(w);
    return n;
  }
  // visit(id) for every member, in id order.
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (std::size_t w = 0; w < words_.size(); ++w)
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
        visit(static_cast<std::int32_t>(64 * w + static_cast<std::size_t>(std::countr_zero(bits))));
  }
  // Every member, in id order.
  Ids ids() const {
    Ids out;
    for_each([&](std::int32_t id) { out.push_back(id); });
    return out;
  }

 private:
  static std::size_t word(std::int32_t id) { return static_cast<std::size_t>(id) >> 6; }
  static std::uint64_t bit(std::int32_t id) { return std::uint64_t{1} << (static_cast<unsigned>(id) & 63U); }
  // The members of word w that lie in [first, end).
  std::uint64_t in_range(std::size_t w, std::int32_t first, std::int32_t end) const {
    const auto base = static_cast<std::int64_t>(64 * w);
    const std::int64_t lo = std::max<std::int64_t>(first - base, 0),
                       hi = std::min<std::int64_t>(end - base, 64);
    if (hi <= lo) return 0;
    const std::uint64_t below_hi = hi == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
    return words_[w] & below_hi & ~((std::uint64_t{1} << lo) - 1);
  }
  std::vector<std::uint64_t> words_;
};

// The members of [first, end) by rank, for ranks that never decrease (the
// successes of a run of Bernoulli trials): each call goes on from the word
// where the last one stopped, so a pass costs the words of the range.
class FirmSet::Ranks {
 public:
  Ranks(const FirmSet& set, std::int32_t first, std::int32_t end)
      : set_(set), first_(first), end_(end), word_(word(first)) {}
  // The member of rank k (0-based, below count(first, end)).
  std::int32_t at(std::int64_t k) {
    for (;; ++word_) {
      std::uint64_t bits = set_.in_range(word_, first_, end_);
      const int n = count_bits(bits);
      if (k < before_ + n) {
        for (std::int64_t skip = k - before_; skip > 0; --skip) bits &= bits - 1;
        return static_cast<std::int32_t>(64 * word_ + static_cast<std::size_t>(std::countr_zero(bits)));
      }
      before_ += n;
    }
  }

 private:
  const FirmSet& set_;
  std::int32_t first_, end_;
  std::size_t word_;
  std::int64_t before_ = 0;  // members of the range in the words before word_
};

struct ActiveSet {
  FirmSet waiting;    // aware, no module taken yet
  FirmSet returning;  // aware again after a module, wanting another
  Ids keen;           // this month: want a seat in their next module (module in Firms::module)
  // Per country, the peers of its trained firms, one entry per link, in the
  // order the firms were trained: word of mouth samples links from here.
  std::vector<Ids> told_peers;
  Calendar module_ends;  // a module's last follow-up visit
  Calendar gives_up;     // an aware firm's patience runs out (checked against Firms::since)
};

}  // namespace score::sim
