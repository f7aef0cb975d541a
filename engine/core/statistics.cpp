#include "core/statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace score {
namespace {

std::vector<double> finite(std::span<const double> xs) {
  std::vector<double> out;
  out.reserve(xs.size());
  for (double x : xs)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}
}  // namespace

const char* statistic_name(Statistic s) {
  static constexpr std::array<const char*, kStatisticCount> names{"mean", "sd", "p05", "p50", "p95"};
  return names[static_cast<std::size_t>(s)];
}

double statistic_quantile(Statistic s) {
  static constexpr std::array<double, kStatisticCount> quantiles{kNaN, kNaN, 0.05, 0.5, 0.95};
  return quantiles[static_cast<std::size_t>(s)];
}

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
  std::sort(v.begin(), v.end());
  return quantile_sorted(v, q);
}

double quantile_sorted(std::span<const double> sorted, double q) {
  if (sorted.empty()) return kNaN;
  const double position = static_cast<double>(sorted.size() - 1) * q;
  const double below = std::floor(position);
  const auto lo = static_cast<std::size_t>(below);
  if (lo + 1 >= sorted.size()) return sorted.back();
  return interpolate_order_statistics(sorted[lo], sorted[lo + 1], position - below);
}

double interpolate_order_statistics(double a, double b, double t) {
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

}  // namespace score
