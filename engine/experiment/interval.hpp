#pragma once
// A two-sided confidence interval, lo <= hi (or both NaN when undefined).

namespace score::experiment {

struct Interval {
  double lo = 0, hi = 0;
};

}  // namespace score::experiment
