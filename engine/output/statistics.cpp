#include "output/statistics.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/statistics.hpp"
#include "core/threads.hpp"

namespace score::output {

namespace {
// Cells whose samples are gathered together, so that reading a block
// replication-major stays sequential.
constexpr std::size_t kTile = 64;
// Samples up to this size are sorted whole rather than selected from.
constexpr std::size_t kSortBelow = 256;

}  // namespace

std::array<double, kStatistics> sample_statistics(std::vector<double>& sample) {
  std::erase_if(sample, [](double v) { return std::isnan(v); });
  std::array<double, kStatistics> out;
  out.fill(kNaN);
  const std::size_t n = sample.size();
  if (n == 0) return out;
  double sum = 0;
  for (double v : sample) sum += v;
  out[stored_index(Statistic::mean)] = sum / static_cast<double>(n);
  const auto [low, high] = std::minmax_element(sample.begin(), sample.end());
  if (*low == *high) {
    // Common in practice (months before a country starts, a stock at zero):
    // every quantile is that value, as the general case below would find.
    for (const auto s : {Statistic::p05, Statistic::p50, Statistic::p95}) out[stored_index(s)] = *low;
    return out;
  }
  if (n <= kSortBelow) {
    // Few replications: one sort beats three selections, and the quantiles
    // come from the function a sweep's statistics use (core/statistics.hpp).
    std::sort(sample.begin(), sample.end());
    for (const auto s : {Statistic::p05, Statistic::p50, Statistic::p95})
      out[stored_index(s)] = quantile_sorted(sample, statistic_quantile(s));
    return out;
  }
  // Selection instead of a full sort: quantiles in increasing order, each
  // searched only among the values above the previous one's rank.
  std::size_t from = 0;
  for (const auto s : {Statistic::p05, Statistic::p50, Statistic::p95}) {
    const double position = static_cast<double>(n - 1) * statistic_quantile(s);
    const double below = std::floor(position);
    const auto lo = static_cast<std::size_t>(below);
    const auto begin = sample.begin() + static_cast<std::ptrdiff_t>(from);
    const auto nth = sample.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(begin, nth, sample.end());
    const double b = lo + 1 < n ? *std::min_element(nth + 1, sample.end()) : *nth;
    out[stored_index(s)] = interpolate_order_statistics(*nth, b, position - below);
    from = lo;
  }
  return out;
}

void block_statistics(std::span<const double> block, std::size_t replications, std::span<double> out) {
  assert(replications > 0 && block.size() % replications == 0);
  const std::size_t cells = block.size() / replications;
  assert(out.size() == cells * kStatistics);
  // Cells are independent, so tiles run in parallel (the run's threads are
  // idle by now: statistics come after the last replication); each cell's
  // result is the same whatever thread computes it.
  const std::size_t tiles = (cells + kTile - 1) / kTile;
  threads::for_ranges(std::size_t{0}, tiles, std::size_t{1},
                      [&](std::size_t first_tile, std::size_t end_tile) {
                        std::vector<double> tile(kTile * replications), sample;
                        sample.reserve(replications);
                        for (std::size_t t = first_tile; t != end_tile; ++t) {
                          const std::size_t first = t * kTile, width = std::min(kTile, cells - first);
                          for (std::size_t r = 0; r < replications; ++r)
                            for (std::size_t c = 0; c < width; ++c)
                              tile[c * replications + r] = block[r * cells + first + c];
                          for (std::size_t c = 0; c < width; ++c) {
                            const auto begin = tile.begin() + static_cast<std::ptrdiff_t>(c * replications);
                            sample.assign(begin, begin + static_cast<std::ptrdiff_t>(replications));
                            const auto stats = sample_statistics(sample);
                            for (std::size_t s = 0; s < stats.size(); ++s)
                              out[s * cells + first + c] = stats[s];
                          }
                        }
                      });
}

}  // namespace score::output
