#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "experiment/sensitivity.hpp"

namespace score::experiment {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(experiment_replications, NormalQuantileMatchesTablesAndInvertsTheCdf) {
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(normal_quantile(0.995), 2.5758293035489004, 1e-14);
  EXPECT_EQ(normal_quantile(0.5), 0.0);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-14);
  for (double p : {1e-12, 1e-6, 0.01, 0.02425, 0.1, 0.3, 0.7, 0.9, 0.99}) {
    const double x = normal_quantile(p);
    EXPECT_NEAR(0.5 * std::erfc(-x / std::sqrt(2.0)) / p, 1.0, 1e-13) << p;
  }
  EXPECT_THROW(normal_quantile(1.0), std::invalid_argument);
}

// By hand: z(0.95) = 1.959964, so sd 10 for +/- 1 needs (19.59964)^2 =
// 384.15 -> 385; sd 1 for +/- 0.5 needs 3.919928^2 = 15.37 -> 16; at 99 %,
// z = 2.575829 and sd = half width needs 6.63 -> 7.
TEST(experiment_replications, ReplicationsNeededByHand) {
  EXPECT_EQ(replications_needed(10.0, 1.0), 385);
  EXPECT_EQ(replications_needed(1.0, 0.5), 16);
  EXPECT_EQ(replications_needed(1.0, 1.0, 0.99), 7);
  EXPECT_EQ(replications_needed(0.0, 1.0), 2);  // a standard deviation needs two
  EXPECT_EQ(replications_needed(0.1, 1.0), 2);
  EXPECT_THROW(replications_needed(1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(replications_needed(kNaN, 1.0), std::invalid_argument);
  EXPECT_THROW(replications_needed(1.0, 1e-6, 0.999999), std::overflow_error);
}

// Expected values from numpy: np.mean, np.std(ddof=1), np.percentile(.., [5, 50, 95]).
TEST(experiment_replications, SummarySkipsNaNAndInterpolatesLikeNumpy) {
  std::vector<double> xs;
  for (int i = 20; i >= 1; --i) xs.push_back(i);
  xs.push_back(kNaN);
  const Summary s = summarise_replications(xs);
  EXPECT_EQ(s.n, 20);
  EXPECT_DOUBLE_EQ(s.mean, 10.5);
  EXPECT_NEAR(s.sd, 5.916079783099616, 1e-12);
  EXPECT_DOUBLE_EQ(s.p05, 1.95);
  EXPECT_DOUBLE_EQ(s.p50, 10.5);
  EXPECT_DOUBLE_EQ(s.p95, 19.05);
  const Summary empty = summarise_replications(std::vector<double>{kNaN});
  EXPECT_EQ(empty.n, 0);
  EXPECT_TRUE(std::isnan(empty.mean) && std::isnan(empty.p50));
}

}  // namespace
}  // namespace score::experiment
