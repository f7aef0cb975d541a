#pragma once
// The firms the programme has touched, kept so that a month costs what
// happens in it rather than what exists: sorted id lists of who waits and
// who comes back for more, the links trained firms talk along, and
// calendars of what falls due
// (a module's last visit, a firm giving up). Unaware firms are reached
// through the channels of spread_awareness without a scan.
#include <algorithm>
#include <cstdint>
#include <vector>

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

struct ActiveSet {
  Ids waiting;    // aware, no module taken yet
  Ids returning;  // aware again after a module, wanting another
  Ids keen;       // this month: want a seat in their next module (module in Firms::module)
  // Per country, the peers of its trained firms, one entry per link, in the
  // order the firms were trained: word of mouth samples links from here.
  std::vector<Ids> told_peers;
  Calendar module_ends;  // a module's last follow-up visit
  Calendar gives_up;     // an aware firm's patience runs out (checked against Firms::since)
};

// Adds sorted ids to a sorted list.
inline void add_sorted(Ids& list, Ids ids) {
  std::sort(ids.begin(), ids.end());
  const auto middle = static_cast<std::ptrdiff_t>(list.size());
  list.insert(list.end(), ids.begin(), ids.end());
  std::inplace_merge(list.begin(), list.begin() + middle, list.end());
}

// Removes ids (any order) from a sorted list.
inline void remove_sorted(Ids& list, Ids ids) {
  if (ids.empty()) return;
  std::sort(ids.begin(), ids.end());
  // In place, from the first id removed on: one pass, no allocation.
  auto out = std::lower_bound(list.begin(), list.end(), ids.front());
  auto gone = ids.cbegin();
  for (auto in = out; in != list.end(); ++in) {
    while (gone != ids.cend() && *gone < *in) ++gone;
    if (gone != ids.cend() && *gone == *in) continue;
    *out++ = *in;
  }
  list.erase(out, list.end());
}

// The run of a sorted list that falls in [first, end): one country's firms.
inline std::pair<Ids::const_iterator, Ids::const_iterator> id_range(const Ids& list, std::int32_t first,
                                                                    std::int32_t end) {
  const auto lo = std::lower_bound(list.begin(), list.end(), first);
  return {lo, std::lower_bound(lo, list.end(), end)};
}

}  // namespace score::sim
