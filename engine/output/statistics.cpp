#include "output/statistics.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace score::output {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double percentile(std::span<const double> sorted, double q) {
  if (sorted.empty()) return kNaN;
  // numpy's "linear" method, including its choice of which end to interpolate
  // from, so the results match numpy to the last bit where possible.
  const double position = static_cast<double>(sorted.size() - 1) * q;
  const double below = std::floor(position);
  const auto lo = static_cast<std::size_t>(below);
  if (lo + 1 >= sorted.size()) return sorted.back();
  const double a = sorted[lo], b = sorted[lo + 1], t = position - below;
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

std::array<double, kStatistics> sample_statistics(std::vector<double>& sample) {
  std::erase_if(sample, [](double v) { return std::isnan(v); });
  std::array<double, kStatistics> out;
  out.fill(kNaN);
  if (sample.empty()) return out;
  std::sort(sample.begin(), sample.end());
  double sum = 0;
  for (double v : sample) sum += v;
  out[static_cast<int>(Statistic::mean)] = sum / static_cast<double>(sample.size());
  for (const auto s : {Statistic::p05, Statistic::p50, Statistic::p95})
    out[static_cast<int>(s)] = percentile(sample, statistic_quantile(s));
  return out;
}

void block_statistics(std::span<const double> block, std::size_t replications, std::span<double> out) {
  assert(replications > 0 && block.size() % replications == 0);
  const std::size_t cells = block.size() / replications;
  assert(out.size() == cells * kStatistics);
  std::vector<double> sample;
  sample.reserve(replications);
  for (std::size_t cell = 0; cell < cells; ++cell) {
    sample.clear();
    for (std::size_t r = 0; r < replications; ++r) sample.push_back(block[r * cells + cell]);
    const auto stats = sample_statistics(sample);
    for (std::size_t s = 0; s < stats.size(); ++s) out[s * cells + cell] = stats[s];
  }
}

}  // namespace score::output
