// Statistics across replications agree with numpy (nanmean, nanpercentile
// with the default linear method); the expected values come from numpy.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/statistics.hpp"
#include "output/statistics.hpp"

namespace score::output {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

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
    for (std::size_t i = 0; i < n; ++i) sample[i] = static_cast<double>((i * 7919) % n) * 0.5;  // a permutation
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
  EXPECT_DOUBLE_EQ(out[0], 2);   // mean, cell 0
  EXPECT_DOUBLE_EQ(out[1], 20);  // mean, cell 1
  EXPECT_DOUBLE_EQ(out[2 * 2 + 0], 2);   // p50, cell 0
  EXPECT_DOUBLE_EQ(out[2 * 3 + 1], 29);  // p95, cell 1: 10 + 0.95 * 20
}

}  // namespace
}  // namespace score::output
