#include "core/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace score {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One list of statistics for every file that stores them: a sweep file's
// columns and a results file's labels are named from it.
TEST(Statistics, EachStatisticHasItsNameAndQuantile) {
  EXPECT_STREQ(statistic_name(Statistic::mean), "mean");
  EXPECT_STREQ(statistic_name(Statistic::sd), "sd");
  EXPECT_STREQ(statistic_name(Statistic::p05), "p05");
  EXPECT_STREQ(statistic_name(Statistic::p50), "p50");
  EXPECT_STREQ(statistic_name(Statistic::p95), "p95");
  EXPECT_EQ(statistic_quantile(Statistic::p05), 0.05);
  EXPECT_EQ(statistic_quantile(Statistic::p50), 0.5);
  EXPECT_EQ(statistic_quantile(Statistic::p95), 0.95);
  EXPECT_TRUE(std::isnan(statistic_quantile(Statistic::mean)));
  EXPECT_TRUE(std::isnan(statistic_quantile(Statistic::sd)));
}

TEST(Statistics, MeanAndDeviationSkipNaN) {
  const std::vector<double> xs{1, 2, kNaN, 3, 4};
  EXPECT_DOUBLE_EQ(mean(xs), 2.5);
  EXPECT_NEAR(standard_deviation(xs), 1.2909944487358056, 1e-12);
  EXPECT_TRUE(std::isnan(mean(std::vector<double>{kNaN})));
}

// Values from numpy.percentile([1, 2, 3, 4, 10], q) (linear interpolation).
TEST(Statistics, QuantilesInterpolateLikeNumpy) {
  const std::vector<double> xs{10, 1, 3, 2, 4};
  EXPECT_DOUBLE_EQ(quantile(xs, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile(xs, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(quantile(xs, 0.05), 1.2);
  EXPECT_DOUBLE_EQ(quantile(xs, 0.95), 8.8);
  EXPECT_DOUBLE_EQ(quantile(xs, 1.0), 10.0);
}

}  // namespace
}  // namespace score
