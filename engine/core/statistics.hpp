#pragma once
// Descriptive statistics across replications. NaN values (undefined ratios)
// are skipped; an empty or all-NaN sample gives NaN.
#include <limits>
#include <span>
#include <vector>

namespace score {

// An undefined value (a ratio over zero, an empty sample).
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// num / den, NaN when den is not positive (nothing to divide by).
inline double ratio_or_nan(double num, double den) { return den > 0 ? num / den : kNaN; }

// The statistics of an outcome across replications: one list for every
// file that stores them. A sweep file keeps all five; a run's results file
// the four of output::kStoredStatistics (output/format.hpp).
enum class Statistic : int { mean, sd, p05, p50, p95 };
inline constexpr int kStatisticCount = 5;
const char* statistic_name(Statistic s);  // "mean", "sd", "p05", "p50", "p95"
// The quantile in [0, 1] a percentile statistic stands for; NaN for the
// mean and the standard deviation.
double statistic_quantile(Statistic s);

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
