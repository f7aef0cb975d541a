#include "output/statistics.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <optional>

#include "core/statistics.hpp"
#include "core/threads.hpp"

namespace score::output {

namespace {
// Cells whose samples are gathered together, so that reading a block
// replication-major stays sequential.
constexpr std::size_t kTile = 64;
// Samples up to this size are sorted whole rather than selected from.
constexpr std::size_t kSortBelow = 256;
// Replications up to this many go through a sorting network (tile_statistics):
// it has O(n log² n) comparators, so for many more a sort per cell wins.
constexpr std::size_t kNetworkUpTo = 256;

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

SortingNetwork::SortingNetwork(std::size_t n) {
  std::size_t size = 1;
  while (size < n) size *= 2;
  // Batcher's odd-even merge sort (Batcher 1968) for a power of two; the
  // comparators that reach past n are left out, as if the keys beyond n were
  // +infinity, which never move.
  for (std::size_t p = 1; p < size; p *= 2)
    for (std::size_t k = p; k >= 1; k /= 2)
      for (std::size_t j = k % p; j + k < size; j += 2 * k)
        for (std::size_t i = 0; i < k && i + j + k < n; ++i)
          if ((i + j) / (2 * p) == (i + j + k) / (2 * p))
            pairs_.emplace_back(static_cast<std::uint32_t>(i + j), static_cast<std::uint32_t>(i + j + k));
}

namespace {
// Two rows of one network, which never alias: each pass is a vector min and
// max (every key is a number here, so either order of a tie is the same).
void compare_exchange(double* __restrict low, double* __restrict high, std::size_t lanes) {
  for (std::size_t c = 0; c < lanes; ++c) {
    const double a = low[c], b = high[c];
    low[c] = std::min(a, b);
    high[c] = std::max(a, b);
  }
}
}  // namespace

void SortingNetwork::sort(double* rows, std::size_t lanes) const {
  for (const auto& [i, j] : pairs_) compare_exchange(rows + i * lanes, rows + j * lanes, lanes);
}

namespace {
// Where a quantile of n sorted keys lies: between keys lo and lo + 1, at
// `fraction` of the way (or at key lo alone when it is the last).
struct QuantileAt {
  std::size_t lo;
  double fraction;
  bool last;
};

std::array<QuantileAt, 3> quantiles_at(std::size_t n) {
  std::array<QuantileAt, 3> at{};
  std::size_t k = 0;
  for (const auto q : {Statistic::p05, Statistic::p50, Statistic::p95}) {
    const double position = static_cast<double>(n - 1) * statistic_quantile(q);
    const double below = std::floor(position);
    const auto lo = static_cast<std::size_t>(below);
    at[k++] = {lo, position - below, lo + 1 >= n};
  }
  return at;
}

constexpr std::array<Statistic, 3> kQuantiles{Statistic::p05, Statistic::p50, Statistic::p95};

// 1 when x is 0, else 0, in integer operations only, so that a loop over
// lanes stays vector code on any x86-64 (SSE2 has no 64-bit compare).
inline std::uint64_t is_zero(std::uint64_t x) { return (~x & (x - 1)) >> 63; }

struct Scratch {
  std::vector<double> rows;            // [replication][lane], kTile lanes
  std::vector<double> sorted;          // the lanes that vary, [replication][lane], packed
  std::vector<double> sums;            // per lane, in replication order
  std::vector<std::uint64_t> odd;      // per lane: nonzero if a value is not finite or is -0
  std::vector<std::uint64_t> differ;   // per lane: nonzero if a value's bits differ from the first's
  std::vector<std::uint32_t> varying;  // the lanes to sort
  std::vector<double> sample;
};

// The statistics of one cell from its own sample: NaNs, infinities and
// signed zeros, which the network path leaves to it.
void cell_statistics(const StatisticsBlock& block, std::size_t replications, std::size_t cell,
                     std::vector<double>& sample) {
  const std::size_t cells = block.values.size() / replications;
  sample.clear();
  for (std::size_t r = 0; r < replications; ++r) sample.push_back(block.values[r * cells + cell]);
  const auto stats = sample_statistics(sample);
  for (std::size_t s = 0; s < stats.size(); ++s) block.out[s * cells + cell] = stats[s];
}

// Copies cells [first, first + width) of every replication into s.rows and
// notes, per lane, the sum in replication order, whether a value is not
// finite or is -0, and whether any differs from the first replication's.
void gather_tile(const StatisticsBlock& block, std::size_t replications, std::size_t first, std::size_t width,
                 Scratch& s) {
  constexpr std::uint64_t kExponent = 0x7ff0000000000000ULL, kNegativeZero = 0x8000000000000000ULL;
  const std::size_t cells = block.values.size() / replications;
  std::fill(s.sums.begin(), s.sums.end(), 0.0);
  std::fill(s.odd.begin(), s.odd.end(), 0);
  std::fill(s.differ.begin(), s.differ.end(), 0);
  const double* head = block.values.data() + first;
  for (std::size_t r = 0; r < replications; ++r) {
    const double* from = block.values.data() + r * cells + first;
    double* row = s.rows.data() + r * kTile;
    for (std::size_t c = 0; c < width; ++c) {
      const double v = from[c];
      const auto bits = std::bit_cast<std::uint64_t>(v);
      row[c] = v;
      s.sums[c] += v;
      s.odd[c] |= is_zero((bits & kExponent) ^ kExponent) | is_zero(bits ^ kNegativeZero);
      s.differ[c] |= bits ^ std::bit_cast<std::uint64_t>(head[c]);
    }
  }
}

// The statistics of cells [first, first + width) of `block`, at most kTile of
// them. The values are those of sample_statistics bit for bit: the same sum
// in the same order, the same order statistics and the same interpolation
// between them. Most cells of a run's series hold one value in every
// replication (months before a country starts, budgets, stocks no draw
// moved): their keys are in order already, and every quantile is that value,
// as interpolating between equal keys gives. Only the cells that vary go
// through `network` (which sorts `replications` keys), packed side by side.
void tile_statistics(const StatisticsBlock& block, std::size_t replications, std::size_t first,
                     std::size_t width, const SortingNetwork& network, const std::array<QuantileAt, 3>& at,
                     Scratch& s) {
  const std::size_t cells = block.values.size() / replications;
  gather_tile(block, replications, first, width, s);
  const double n = static_cast<double>(replications);
  const auto put = [&](Statistic q, std::size_t c, double value) {
    block.out[static_cast<std::size_t>(stored_index(q)) * cells + first + c] = value;
  };
  s.varying.clear();
  for (std::size_t c = 0; c < width; ++c) {
    if (s.odd[c] != 0) {
      cell_statistics(block, replications, first + c, s.sample);
      continue;
    }
    put(Statistic::mean, c, s.sums[c] / n);
    if (s.differ[c] != 0) {
      s.varying.push_back(static_cast<std::uint32_t>(c));
      continue;
    }
    for (const auto q : kQuantiles) put(q, c, s.rows[c]);
  }
  const std::size_t lanes = s.varying.size();
  if (lanes == 0) return;
  for (std::size_t r = 0; r < replications; ++r)
    for (std::size_t k = 0; k < lanes; ++k) s.sorted[r * lanes + k] = s.rows[r * kTile + s.varying[k]];
  network.sort(s.sorted.data(), lanes);
  for (std::size_t k = 0; k < lanes; ++k)
    for (std::size_t i = 0; i < kQuantiles.size(); ++i) {
      const QuantileAt& a = at[i];
      const double low = s.sorted[a.lo * lanes + k];
      put(kQuantiles[i], s.varying[k],
          a.last ? low : interpolate_order_statistics(low, s.sorted[(a.lo + 1) * lanes + k], a.fraction));
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
  std::optional<SortingNetwork> network;
  if (replications <= kNetworkUpTo) network.emplace(replications);
  const std::array<QuantileAt, 3> at = quantiles_at(replications);
  // Cells are independent, so tiles run in parallel (the run's threads are
  // idle by now: statistics come after the last replication); each cell's
  // result is the same whatever thread computes it.
  threads::for_ranges(
      std::size_t{0}, first_tile.back(), std::size_t{1}, [&](std::size_t first, std::size_t end) {
        Scratch scratch{std::vector<double>(kTile * replications),
                        std::vector<double>(kTile * replications),
                        std::vector<double>(kTile),
                        std::vector<std::uint64_t>(kTile),
                        std::vector<std::uint64_t>(kTile),
                        {},
                        {}};
        scratch.varying.reserve(kTile);
        scratch.sample.reserve(replications);
        auto b = static_cast<std::size_t>(std::upper_bound(first_tile.begin(), first_tile.end(), first) -
                                          first_tile.begin() - 1);
        for (std::size_t t = first; t != end; ++t) {
          while (t >= first_tile[b + 1]) ++b;
          const std::size_t cells = blocks[b].values.size() / replications;
          const std::size_t cell = (t - first_tile[b]) * kTile;
          const std::size_t width = std::min(kTile, cells - cell);
          if (network) {
            tile_statistics(blocks[b], replications, cell, width, *network, at, scratch);
          } else {
            for (std::size_t c = cell; c != cell + width; ++c)
              cell_statistics(blocks[b], replications, c, scratch.sample);
          }
        }
      });
}

}  // namespace score::output
