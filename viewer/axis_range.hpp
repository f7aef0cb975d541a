#pragma once
// The value range of a chart, apart from the drawing so it can be tested:
// from zero (or the lowest value) to the highest, leaving off only an
// isolated outlier (a start-up transient), never a sustained rise.
#include <vector>

namespace score::viewer {

// One series: its mid line and its band (either may be empty; NaN is a gap).
struct RangeSeries {
  const std::vector<double>* mid = nullptr;
  const std::vector<double>* lo = nullptr;
  const std::vector<double>* hi = nullptr;
};

struct ValueRange {
  double lo = 0, hi = 0;  // of the values kept, before headroom and ticks
  bool cut = false;       // an outlier above hi was left off
};

// The range of the series. With `robust`, a run of months whose value (mid
// or band) is more than four times the median of all mid values is left off
// when the series comes back down after it and the run is either short (at
// most max(3, 1/20 of the months)) or where the series starts (up to a
// quarter of the months): the start-up months of donor cost per firm, not
// a programme that grows and stays up (buyer_led's Phase III).
ValueRange value_range(const std::vector<RangeSeries>& series, bool robust);

}  // namespace score::viewer
