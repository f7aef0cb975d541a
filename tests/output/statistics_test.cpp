// Statistics across replications agree with numpy (nanmean, nanpercentile
// with the default linear method); the expected values come from numpy.
#include "core/statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "output/format.hpp"
#include "output/statistics.hpp"

namespace score::output {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A results file stores all statistics but the standard deviation, in the
// order its `statistic` labels say; a sweep file stores all five.
TEST(output_statistics, results_files_store_all_but_the_deviation_in_label_order) {
  EXPECT_EQ(stored_index(Statistic::mean), 0);
  EXPECT_EQ(stored_index(Statistic::p05), 1);
  EXPECT_EQ(stored_index(Statistic::p50), 2);
  EXPECT_EQ(stored_index(Statistic::p95), 3);
  EXPECT_EQ(stored_index(Statistic::sd), -1);
  const auto& names = statistic_names();
  EXPECT_EQ(std::vector<std::string>(names.begin(), names.end()),
            (std::vector<std::string>{"mean", "p05", "p50", "p95"}));
}

TEST(output_statistics, percentiles_interpolate_like_numpy) {
  const std::vector<double> sorted{1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(score::quantile_sorted(sorted, 0.05), 1.15);  // np.percentile([1,2,3,4], 5)
  EXPECT_DOUBLE_EQ(score::quantile_sorted(sorted, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(score::quantile_sorted(sorted, 0.95), 3.85);
  EXPECT_DOUBLE_EQ(score::quantile_sorted(sorted, 0), 1);
  EXPECT_DOUBLE_EQ(score::quantile_sorted(sorted, 1), 4);
  EXPECT_DOUBLE_EQ(score::quantile_sorted(std::vector<double>{7}, 0.05), 7);
  EXPECT_TRUE(std::isnan(score::quantile_sorted(std::vector<double>{}, 0.5)));
}

TEST(output_statistics, nan_values_are_left_out) {
  std::vector<double> sample{nan, 3, 1, nan, 2};
  const auto stats = sample_statistics(sample);
  EXPECT_DOUBLE_EQ(stats[0], 2);    // np.nanmean
  EXPECT_DOUBLE_EQ(stats[1], 1.1);  // np.nanpercentile(..., 5)
  EXPECT_DOUBLE_EQ(stats[2], 2);
  EXPECT_DOUBLE_EQ(stats[3], 2.9);
  std::vector<double> none{nan, nan};
  for (double s : sample_statistics(none)) EXPECT_TRUE(std::isnan(s));
}

// Sorting (small samples), selecting (large ones) and the constant shortcut
// all give numpy's linear percentiles.
TEST(output_statistics, every_sample_size_gives_numpy_percentiles) {
  for (const std::size_t n : {1u, 2u, 40u, 256u, 257u, 1000u}) {
    std::vector<double> sample(n);
    for (std::size_t i = 0; i < n; ++i)
      sample[i] = static_cast<double>((i * 7919) % n) * 0.5;  // a permutation
    std::vector<double> sorted = sample;
    std::sort(sorted.begin(), sorted.end());
    const auto stats = sample_statistics(sample);
    EXPECT_DOUBLE_EQ(stats[1], score::quantile_sorted(sorted, 0.05)) << n;
    EXPECT_DOUBLE_EQ(stats[2], score::quantile_sorted(sorted, 0.5)) << n;
    EXPECT_DOUBLE_EQ(stats[3], score::quantile_sorted(sorted, 0.95)) << n;
  }
  std::vector<double> constant(50, 0.1);
  constant[3] = nan;
  const auto stats = sample_statistics(constant);
  for (int s = 1; s < kStatistics; ++s) EXPECT_EQ(stats[static_cast<std::size_t>(s)], 0.1);
}

TEST(output_statistics, blocks_are_replication_major_in_and_statistic_major_out) {
  // Two cells, three replications: cell 0 = {1, 2, 3}, cell 1 = {10, nan, 30}.
  const std::vector<double> block{1, 10, 2, nan, 3, 30};
  std::vector<double> out(2 * kStatistics);
  block_statistics(block, 3, out);
  EXPECT_DOUBLE_EQ(out[0], 2);           // mean, cell 0
  EXPECT_DOUBLE_EQ(out[1], 20);          // mean, cell 1
  EXPECT_DOUBLE_EQ(out[2 * 2 + 0], 2);   // p50, cell 0
  EXPECT_DOUBLE_EQ(out[2 * 3 + 1], 29);  // p95, cell 1: 10 + 0.95 * 20
}

// Samples of replication size (20 to 50) with ties, fractional ranks and
// NaNs, against numpy 1.24: np.nanmean and np.nanpercentile(x, [5, 50, 95]).
// The values are written out, not recomputed with our own quantile code, so
// a wrong interpolation or rank in either place fails here.
std::vector<double> synthetic_sample(int n, int nan_every) {
  std::vector<double> xs;
  for (int i = 0; i < n; ++i) {
    if (nan_every > 0 && i % nan_every == 5) {
      xs.push_back(nan);
      continue;
    }
    xs.push_back(static_cast<double>((i * 37) % 101) * 0.25 - 3.0 + (i % 7 == 0 ? 0.125 : 0.0));
  }
  return xs;
}

TEST(output_statistics, many_replications_match_numpy_values) {
  struct Case {
    int n, nan_every;
    std::array<double, 4> numpy;  // mean, p05, p50, p95
  };
  const Case cases[] = {{20, 11, {8.118055555555555, -2.34375, 7.875, 20.612499999999997}},
                        {37, 0, {9.29054054054054, -1.65, 8.75, 20.65}},
                        {50, 11, {8.41388888888889, -2.0999999999999996, 8.5, 20.099999999999994}}};
  for (const Case& c : cases) {
    std::vector<double> sample = synthetic_sample(c.n, c.nan_every);
    const auto stats = sample_statistics(sample);
    for (int s = 0; s < kStatistics; ++s)
      EXPECT_NEAR(stats[static_cast<std::size_t>(s)], c.numpy[static_cast<std::size_t>(s)], 1e-12)
          << "n = " << c.n << ", statistic " << s;
    EXPECT_LT(stats[1], stats[2]);  // the band has width: the test can tell p05 from p50
  }
}

// 30 replications of three cells, the third with NaNs; against
// np.nanmean / np.nanpercentile(block, q, axis=0).
TEST(output_statistics, blocks_of_many_replications_match_numpy_values) {
  constexpr std::size_t reps = 30, cells = 3;
  std::vector<double> block;
  for (std::size_t r = 0; r < reps; ++r)
    for (std::size_t c = 0; c < cells; ++c)
      block.push_back(c == 2 && r % 4 == 1 ? nan
                                           : static_cast<double>((r * 17 + c * 5) % 29) * 1.5 +
                                                 100.0 * static_cast<double>(c));
  std::vector<double> out(cells * kStatistics);
  block_statistics(block, reps, out);
  const double numpy[kStatistics][cells] = {{20.3, 120.55, 220.25},
                                            {0.6750000000000003, 102.175, 203.075},
                                            {20.25, 120.25, 220.25},
                                            {39.824999999999996, 139.825, 237.425}};
  for (std::size_t s = 0; s < static_cast<std::size_t>(kStatistics); ++s)
    for (std::size_t c = 0; c < cells; ++c)
      EXPECT_NEAR(out[s * cells + c], numpy[s][c], 1e-9) << "statistic " << s << ", cell " << c;
}

// A comparator network sorts every input if it sorts every input of zeros and
// ones (Knuth's 0-1 principle): all of them up to 16 keys, then random inputs
// with ties for the sizes a results file meets, many lanes at once.
TEST(output_statistics, a_sorting_network_sorts_every_input) {
  for (std::size_t n = 1; n <= 16; ++n) {
    const SortingNetwork network(n);
    const std::size_t lanes = std::size_t{1} << n;
    std::vector<double> rows(n * lanes);
    for (std::size_t lane = 0; lane < lanes; ++lane)
      for (std::size_t k = 0; k < n; ++k) rows[k * lanes + lane] = static_cast<double>((lane >> k) & 1U);
    network.sort(rows.data(), lanes);
    for (std::size_t lane = 0; lane < lanes; ++lane)
      for (std::size_t k = 1; k < n; ++k)
        ASSERT_LE(rows[(k - 1) * lanes + lane], rows[k * lanes + lane]) << "n = " << n << ", input " << lane;
  }
  std::uint64_t state = 12345;
  const auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (const std::size_t n : {17, 20, 33, 64, 100, 255, 256}) {
    const SortingNetwork network(n);
    constexpr std::size_t lanes = 64;
    std::vector<double> rows(n * lanes);
    for (double& v : rows) v = static_cast<double>(next() % 50) - 20.0;
    auto expected = rows;
    network.sort(rows.data(), lanes);
    for (std::size_t lane = 0; lane < lanes; ++lane) {
      std::vector<double> keys, sorted;
      for (std::size_t k = 0; k < n; ++k) {
        keys.push_back(expected[k * lanes + lane]);
        sorted.push_back(rows[k * lanes + lane]);
      }
      std::sort(keys.begin(), keys.end());
      ASSERT_EQ(sorted, keys) << "n = " << n << ", lane " << lane;
    }
  }
}

// Each value of block_statistics' `out` is, bit for bit, what
// sample_statistics gives for that cell alone.
void expect_each_cell_alone(const std::vector<double>& block, std::size_t reps,
                            const std::vector<double>& out) {
  const std::size_t cells = block.size() / reps;
  for (std::size_t c = 0; c < cells; ++c) {
    std::vector<double> sample;
    for (std::size_t r = 0; r < reps; ++r) sample.push_back(block[r * cells + c]);
    const auto expected = sample_statistics(sample);
    for (std::size_t s = 0; s < expected.size(); ++s)
      ASSERT_EQ(std::bit_cast<std::uint64_t>(out[s * cells + c]), std::bit_cast<std::uint64_t>(expected[s]))
          << reps << " replications, cell " << c << ", statistic " << s;
  }
}

// The statistics of a results file come through a sorting network, many cells
// at a time, for up to 256 replications; a cell holding a NaN, an infinity or
// a negative zero goes through sample_statistics. Either way each value is
// bit for bit what sample_statistics gives for that cell alone.
TEST(output_statistics, the_network_and_the_cell_by_cell_path_agree) {
  std::uint64_t state = 99;
  const auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  constexpr double inf = std::numeric_limits<double>::infinity();
  for (const std::size_t reps : {1, 2, 3, 20, 64, 100, 256, 257}) {
    constexpr std::size_t cells = 200;  // four tiles, the last one short
    std::vector<double> block(reps * cells);
    for (std::size_t r = 0; r < reps; ++r)
      for (std::size_t c = 0; c < cells; ++c) {
        double v = static_cast<double>(next() % 1000) * 0.37 - 100.0;
        if (c % 5 == 1) v = static_cast<double>(next() % 3);  // ties
        if (c % 5 == 2) v = 7.25;                             // one value throughout
        if (c == 13 && r == reps / 2) v = nan;
        if (c == 14 && r == 0) v = inf;
        if (c == 15 && r == reps - 1) v = -0.0;
        block[r * cells + c] = v;
      }
    std::vector<double> out(cells * kStatistics);
    block_statistics(block, reps, out);
    expect_each_cell_alone(block, reps, out);
    if (reps >= 3) {
      EXPECT_LT(out[1 * cells], out[3 * cells]);  // p05 below p95: the cells have spread
    }
  }
}

// Most cells of a run's series hold one value in every replication; those
// skip the sorting network. Their statistics are still sample_statistics'
// bit for bit: the mean is the sum in replication order (twenty times 0.1
// over twenty is not 0.1), and a cell that differs only in its last
// replication, or only in the sign of a zero, is not taken for constant.
TEST(output_statistics, cells_with_one_value_throughout_match_the_cell_by_cell_path) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr std::size_t reps = 20, cells = 192;  // three tiles: one all constant, two mixed
  std::vector<double> block(reps * cells);
  for (std::size_t r = 0; r < reps; ++r)
    for (std::size_t c = 0; c < cells; ++c) {
      double v = c < 64 ? 0.1 * static_cast<double>(c) : 0.1;
      if (c >= 64 && c % 4 == 1) v = static_cast<double>(r % 7);  // varies
      if (c >= 64 && c % 4 == 2 && r == reps - 1) v = 0.2;        // varies in the last only
      if (c == 70) v = r == 3 ? -0.0 : 0.0;                       // a signed zero
      if (c == 71) v = inf;                                       // the same infinity
      if (c == 72) v = nan;                                       // NaN throughout
      if (c == 73) v = 1e307;                                     // a sum that overflows
      block[r * cells + c] = v;
    }
  std::vector<double> out(cells * kStatistics);
  block_statistics(block, reps, out);
  expect_each_cell_alone(block, reps, out);
  EXPECT_NE(out[1 * cells + 66], out[3 * cells + 66]);  // p05 and p95 of a cell that varies in its last
  EXPECT_EQ(out[2 * cells + 5], 0.5);                   // the median of a constant cell is its value
}

}  // namespace
// Blocks computed together (a results file's series, one parallel loop) give
// each block what it gets alone: an empty block, one of a single cell and one
// spanning several tiles of cells, side by side.
TEST(output_statistics, blocks_together_match_each_block_alone) {
  constexpr std::size_t reps = 7;
  const std::size_t cells[] = {0, 1, 150, 3};
  std::vector<std::vector<double>> values, together, alone;
  for (std::size_t b = 0; b < std::size(cells); ++b) {
    std::vector<double> v;
    for (std::size_t i = 0; i < reps * cells[b]; ++i)
      v.push_back(i % 13 == 4 ? nan : static_cast<double>((i * 31 + b * 7) % 23) - 5.0);
    values.push_back(std::move(v));
    together.emplace_back(cells[b] * kStatistics, -1.0);
    alone.emplace_back(cells[b] * kStatistics, -2.0);
  }
  std::vector<StatisticsBlock> blocks;
  for (std::size_t b = 0; b < std::size(cells); ++b) {
    blocks.push_back({values[b], together[b]});
    block_statistics(values[b], reps, alone[b]);
  }
  blocks_statistics(blocks, reps);
  for (std::size_t b = 0; b < std::size(cells); ++b)
    for (std::size_t i = 0; i < together[b].size(); ++i)
      EXPECT_EQ(std::bit_cast<std::uint64_t>(together[b][i]), std::bit_cast<std::uint64_t>(alone[b][i]))
          << "block " << b << ", value " << i;
  EXPECT_DOUBLE_EQ(together[2][0], alone[2][0]);  // the test compares numbers, not only NaNs
  EXPECT_FALSE(std::isnan(together[2][0]));
}

}  // namespace score::output
