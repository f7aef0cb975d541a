#include "core/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace score {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> finite(std::span<const double> xs) {
  std::vector<double> out;
  out.reserve(xs.size());
  for (double x : xs)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}
}  // namespace

double mean(std::span<const double> xs) {
  const auto v = finite(xs);
  if (v.empty()) return kNaN;
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

double standard_deviation(std::span<const double> xs) {
  const auto v = finite(xs);
  if (v.size() < 2) return v.empty() ? kNaN : 0.0;
  const double m = mean(v);
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

double quantile(std::span<const double> xs, double q) {
  auto v = finite(xs);
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace score
