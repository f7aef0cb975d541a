// Percentile and BCa bootstrap intervals (Efron 1987).
#include "experiment/bootstrap_interval.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "core/statistics.hpp"
#include "experiment/sensitivity.hpp"

namespace score::experiment {
namespace {

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

std::vector<double> sorted_finite(std::span<const double> xs) {
  std::vector<double> out;
  out.reserve(xs.size());
  for (double v : xs)
    if (!std::isnan(v)) out.push_back(v);
  std::sort(out.begin(), out.end());
  return out;
}

// z0: how far the replicates' median sits from the estimate, in normal
// units. Ties count half (as SciPy does), so replicates that all equal the
// estimate give 0; a share of 0 or 1 is pulled in by half a replicate.
double bias_correction(double estimate, const std::vector<double>& sorted) {
  const auto below = std::lower_bound(sorted.begin(), sorted.end(), estimate) - sorted.begin();
  const auto up_to = std::upper_bound(sorted.begin(), sorted.end(), estimate) - sorted.begin();
  const double b = static_cast<double>(sorted.size());
  const double share = (static_cast<double>(below) + static_cast<double>(up_to)) / (2.0 * b);
  return normal_quantile(std::clamp(share, 0.5 / b, 1.0 - 0.5 / b));
}

// a: the skewness of the jackknife values, which measures how fast the
// estimator's standard error changes with the true value (Efron &
// Tibshirani 1993, eq. 14.15). Without spread there is nothing to correct.
double acceleration(std::span<const double> jackknife) {
  const std::vector<double> jk = sorted_finite(jackknife);
  if (jk.empty()) return 0.0;
  const double centre = mean(jk);
  double squares = 0, cubes = 0;
  for (double v : jk) {
    const double d = centre - v;
    squares += d * d;
    cubes += d * d * d;
  }
  return squares > 0 ? cubes / (6.0 * std::pow(squares, 1.5)) : 0.0;
}

// The level whose replicate quantile is the BCa end for normal quantile z.
// Where 1 - a (z0 + z) reaches 0 the adjusted level has run off to 0 or 1.
double adjusted_level(double z0, double a, double z) {
  const double w = z0 + z, denominator = 1.0 - a * w;
  if (!(denominator > 0)) return w > 0 ? 1.0 : 0.0;
  return normal_cdf(z0 + w / denominator);
}

}  // namespace

const char* interval_method_name(IntervalMethod m) { return m == IntervalMethod::bca ? "bca" : "percentile"; }

Interval percentile_interval(std::span<const double> replicates, double confidence) {
  const std::vector<double> sorted = sorted_finite(replicates);
  return {quantile_sorted(sorted, (1.0 - confidence) / 2.0),
          quantile_sorted(sorted, (1.0 + confidence) / 2.0)};
}

Interval bca_interval(double estimate, std::span<const double> replicates, std::span<const double> jackknife,
                      double confidence) {
  const std::vector<double> sorted = sorted_finite(replicates);
  if (std::isnan(estimate) || sorted.empty()) return {kNaN, kNaN};
  if (sorted.front() == sorted.back()) return {sorted.front(), sorted.front()};
  const double z0 = bias_correction(estimate, sorted), a = acceleration(jackknife);
  const double z = normal_quantile((1.0 + confidence) / 2.0);
  return {quantile_sorted(sorted, adjusted_level(z0, a, -z)),
          quantile_sorted(sorted, adjusted_level(z0, a, z))};
}

}  // namespace score::experiment
