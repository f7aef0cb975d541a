#include "axis_range.hpp"

#include <algorithm>
#include <cmath>

namespace score::viewer {
namespace {

double median_of_mids(const std::vector<RangeSeries>& series) {
  std::vector<double> mids;
  for (const RangeSeries& s : series)
    if (s.mid)
      for (double x : *s.mid)
        if (std::isfinite(x)) mids.push_back(x);
  if (mids.size() <= 10) return NAN;  // too few months to call anything an outlier
  std::nth_element(mids.begin(), mids.begin() + static_cast<std::ptrdiff_t>(mids.size() / 2), mids.end());
  return mids[mids.size() / 2];
}

// A month's highest value over the mid line and its band; NaN when none.
std::vector<double> month_tops(const RangeSeries& s) {
  std::size_t n = 0;
  for (const auto* v : {s.mid, s.lo, s.hi})
    if (v) n = std::max(n, v->size());
  std::vector<double> top(n, NAN);
  for (const auto* v : {s.mid, s.lo, s.hi})
    for (std::size_t t = 0; v && t < v->size(); ++t)
      if (std::isfinite((*v)[t])) top[t] = std::isfinite(top[t]) ? std::max(top[t], (*v)[t]) : (*v)[t];
  return top;
}

// The months of a series to leave off: a run above `limit` followed by a
// month back under it, that is short or is where the series starts (the
// start-up months, up to a quarter of the run). A run reaching the last
// month, or a long one later on, is a rise the reader must see.
std::vector<bool> outlier_months(const std::vector<double>& top, double limit) {
  std::vector<bool> off(top.size(), false);
  const std::size_t n = top.size(), short_run = std::max<std::size_t>(3, n / 20);
  const std::size_t first = static_cast<std::size_t>(
      std::find_if(top.begin(), top.end(), [](double x) { return std::isfinite(x); }) - top.begin());
  for (std::size_t t = first; t < n;) {
    if (!(top[t] > limit)) {
      ++t;
      continue;
    }
    std::size_t end = t;
    while (end < n && !(top[end] <= limit)) ++end;  // NaN gaps inside stay in the run
    const bool start_up = t == first && end - t <= n / 4;
    if (end < n && (end - t <= short_run || start_up)) std::fill(off.begin() + t, off.begin() + end, true);
    t = end;
  }
  return off;
}

}  // namespace

ValueRange value_range(const std::vector<RangeSeries>& series, bool robust) {
  const double median = robust ? median_of_mids(series) : NAN;
  const bool may_cut = median > 0;
  ValueRange r;
  double highest = 0;
  for (const RangeSeries& s : series) {
    const std::vector<bool> off = may_cut ? outlier_months(month_tops(s), 4 * median) : std::vector<bool>{};
    for (const auto* v : {s.mid, s.lo, s.hi}) {
      if (!v) continue;
      for (std::size_t t = 0; t < v->size(); ++t) {
        const double x = (*v)[t];
        if (!std::isfinite(x)) continue;
        highest = std::max(highest, x);
        r.lo = std::min(r.lo, x);
        if (t >= off.size() || !off[t]) r.hi = std::max(r.hi, x);
      }
    }
  }
  r.cut = highest > r.hi;
  return r;
}

}  // namespace score::viewer
