#pragma once
// Descriptive statistics across replications. NaN values (undefined ratios)
// are skipped; an empty or all-NaN sample gives NaN.
#include <span>
#include <vector>

namespace score {

double mean(std::span<const double> xs);
double standard_deviation(std::span<const double> xs);  // sample (n - 1)
// Quantile q in [0, 1] by linear interpolation between closest ranks (the
// default of numpy.percentile), so Python users can check our figures.
double quantile(std::span<const double> xs, double q);
// The same on values already sorted and free of NaN (no copy).
double quantile_sorted(std::span<const double> sorted, double q);
// numpy's "linear" step between neighbouring order statistics a <= b at
// fraction t, including which end it starts from, so results match numpy to
// the last bit.
double interpolate_order_statistics(double a, double b, double t);

}  // namespace score
