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

namespace {
// The statistics of cells [first, first + width) of `block`, at most kTile of
// them; `tile` and `sample` are scratch.
void tile_statistics(const StatisticsBlock& block, std::size_t replications, std::size_t first,
                     std::size_t width, std::vector<double>& tile, std::vector<double>& sample) {
  const std::size_t cells = block.values.size() / replications;
  for (std::size_t r = 0; r < replications; ++r)
    for (std::size_t c = 0; c < width; ++c) tile[c * replications + r] = block.values[r * cells + first + c];
  for (std::size_t c = 0; c < width; ++c) {
    const auto begin = tile.begin() + static_cast<std::ptrdiff_t>(c * replications);
    sample.assign(begin, begin + static_cast<std::ptrdiff_t>(replications));
    const auto stats = sample_statistics(sample);
    for (std::size_t s = 0; s < stats.size(); ++s) block.out[s * cells + first + c] = stats[s];
  }
}
}  // namespace

void block_statistics(std::span<const double> block, std::size_t replications, std::span<double> out) {
  const StatisticsBlock one{block, out};
  blocks_statistics({&one, 1}, replications);
}

void blocks_statistics(std::span<const StatisticsBlock> blocks, std::size_t replications) {
  assert(replications > 0);
  // Tiles numbered across the blocks: block b holds tiles [first_tile[b], first_tile[b + 1]).
  std::vector<std::size_t> first_tile{0};
  for (const auto& b : blocks) {
    assert(b.values.size() % replications == 0);
    const std::size_t cells = b.values.size() / replications;
    assert(b.out.size() == cells * kStatistics);
    first_tile.push_back(first_tile.back() + (cells + kTile - 1) / kTile);
  }
  // Cells are independent, so tiles run in parallel (the run's threads are
  // idle by now: statistics come after the last replication); each cell's
  // result is the same whatever thread computes it.
  threads::for_ranges(
      std::size_t{0}, first_tile.back(), std::size_t{1}, [&](std::size_t first, std::size_t end) {
        std::vector<double> tile(kTile * replications), sample;
        sample.reserve(replications);
        auto b = static_cast<std::size_t>(std::upper_bound(first_tile.begin(), first_tile.end(), first) -
                                          first_tile.begin() - 1);
        for (std::size_t t = first; t != end; ++t) {
          while (t >= first_tile[b + 1]) ++b;
          const std::size_t cells = blocks[b].values.size() / replications;
          const std::size_t cell = (t - first_tile[b]) * kTile;
          tile_statistics(blocks[b], replications, cell, std::min(kTile, cells - cell), tile, sample);
        }
      });
}

}  // namespace score::output
