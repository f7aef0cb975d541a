// Summaries of replications and how many replications a precision needs.
#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <numbers>
#include <span>
#include <stdexcept>
#include <vector>

#include "core/statistics.hpp"
#include "experiment/sensitivity.hpp"

namespace score::experiment {
namespace {

double polynomial(std::span<const double> coefficients, double x) {
  double value = 0;
  for (double c : coefficients) value = value * x + c;
  return value;
}

// P. J. Acklam's rational approximation of the normal quantile (relative
// error below 1.15e-9), highest-degree coefficient first; the denominators'
// constant term 1 is appended.
constexpr std::array<double, 6> kCentralNumerator{-3.969683028665376e+01, 2.209460984245205e+02,
                                                  -2.759285104469687e+02, 1.383577518672690e+02,
                                                  -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 6> kCentralDenominator{-5.447609879822406e+01, 1.615858368580409e+02,
                                                    -1.556989798598866e+02, 6.680131188771972e+01,
                                                    -1.328068155288572e+01, 1.0};
constexpr std::array<double, 6> kTailNumerator{-7.784894002430293e-03, -3.223964580411365e-01,
                                               -2.400758277161838e+00, -2.549732539343734e+00,
                                               4.374664141464968e+00,  2.938163982698783e+00};
constexpr std::array<double, 5> kTailDenominator{7.784695709041462e-03, 3.224671290700398e-01,
                                                 2.445134137142996e+00, 3.754408661907416e+00, 1.0};

double acklam(double p) {
  constexpr double tail = 0.02425;
  if (p < tail || p > 1.0 - tail) {
    const double q = std::sqrt(-2.0 * std::log(std::min(p, 1.0 - p)));
    const double x = polynomial(kTailNumerator, q) / polynomial(kTailDenominator, q);
    return p < tail ? x : -x;
  }
  const double q = p - 0.5, r = q * q;
  return q * polynomial(kCentralNumerator, r) / polynomial(kCentralDenominator, r);
}

}  // namespace

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("normal_quantile: p must lie in (0, 1)");
  const double x = acklam(p);
  // One Halley step on Phi(x) - p brings the 1e-9 approximation to about
  // machine precision (Acklam's own recommendation).
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
  return x - u / (1.0 + x * u / 2.0);
}

Summary summarise_replications(std::span<const double> values) {
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) sorted.push_back(v);
  std::sort(sorted.begin(), sorted.end());
  return Summary{mean(sorted),
                 standard_deviation(sorted),
                 quantile_sorted(sorted, 0.05),
                 quantile_sorted(sorted, 0.50),
                 quantile_sorted(sorted, 0.95),
                 static_cast<int>(sorted.size())};
}

int replications_needed(double sd, double half_width, double confidence) {
  if (!(std::isfinite(sd) && sd >= 0.0))
    throw std::invalid_argument("replications_needed: sd must be finite and >= 0");
  if (!(std::isfinite(half_width) && half_width > 0.0))
    throw std::invalid_argument("replications_needed: half_width must be finite and > 0");
  if (!(confidence > 0.0 && confidence < 1.0))
    throw std::invalid_argument("replications_needed: confidence must lie in (0, 1)");
  const double z = normal_quantile((1.0 + confidence) / 2.0);
  const double ratio = z * sd / half_width;
  const double n = std::ceil(ratio * ratio);
  if (n > static_cast<double>(INT_MAX))
    throw std::overflow_error("replications_needed: more than INT_MAX replications");
  return std::max(2, static_cast<int>(n));
}

}  // namespace score::experiment
