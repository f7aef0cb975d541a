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

// Adds ids (any order, none in the list yet) to a sorted list. From the
// back: each id finds its place by binary search and the run of the list
// after it moves up in one block, so the cost is that of the ids and of the
// part of the list after the first of them.
inline void add_sorted(Ids& list, Ids ids) {
  if (ids.empty()) return;
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  const auto old_size = static_cast<std::ptrdiff_t>(list.size());
  list.resize(list.size() + ids.size());
  auto end = list.begin() + old_size;  // the old list not yet moved is [begin, end)
  auto out = list.end();               // filled from the back
  for (auto id = ids.crbegin(); id != ids.crend(); ++id) {
    const auto at = std::upper_bound(list.begin(), end, *id);
    out = std::move_backward(at, end, out);
    *--out = *id;
    end = at;
  }
}

// Removes ids (any order) from a sorted list. Each id is found by binary
// search and the run of kept ids before it moves down in one block: no
// allocation, and the ids before the first removed one stay where they are.
inline void remove_sorted(Ids& list, Ids ids) {
  if (ids.empty()) return;
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  auto in = std::lower_bound(list.begin(), list.end(), ids.front());
  auto out = in;
  for (const std::int32_t id : ids) {
    const auto at = std::lower_bound(in, list.end(), id);
    out = out == in ? at : std::move(in, at, out);
    in = at;
    if (in != list.end() && *in == id) ++in;
  }
  out = out == in ? list.end() : std::move(in, list.end(), out);
  list.erase(out, list.end());
}

// The run of a sorted list that falls in [first, end): one country's firms.
inline std::pair<Ids::const_iterator, Ids::const_iterator> id_range(const Ids& list, std::int32_t first,
                                                                    std::int32_t end) {
  const auto lo = std::lower_bound(list.begin(), list.end(), first);
  return {lo, std::lower_bound(lo, list.end(), end)};
}

}  // namespace score::sim
