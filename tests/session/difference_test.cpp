#include "session/difference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace score::session {
namespace {

TEST(Difference, StudentQuantilesMatchTables) {
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.7062047, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.2281389, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.95, 19), 1.7291328, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.959966, 1e-5);
  EXPECT_NEAR(student_t_quantile(0.025, 10), -2.2281389, 1e-6);
}

TEST(Difference, WelchIntervalMatchesAHandComputation) {
  // means 2 and 5, variances 1 and 1, n = 3 each: se = sqrt(2/3), df = 4.
  const std::vector<double> a{1, 2, 3}, b{4, 5, 6};
  const Difference d = difference(a, b, false);
  EXPECT_EQ(d.pairing, Pairing::welch);
  EXPECT_DOUBLE_EQ(d.mean, 3);
  EXPECT_NEAR(d.high - d.mean, 2.7764451 * std::sqrt(2.0 / 3), 1e-6);
  EXPECT_EQ(d.verdict, Verdict::differs);
}

TEST(Difference, RoundingNoiseIsZeroAndWithinNoise) {
  const std::vector<double> a{1374520.0, 1374520.0}, b{1374520.0 - 5.4948e-08, 1374520.0 - 5.4948e-08};
  const Difference d = difference(a, b, true);
  EXPECT_EQ(d.mean, 0);
  EXPECT_EQ(d.verdict, Verdict::within_noise);
}

TEST(Difference, OneReplicationHasNoInterval) {
  const std::vector<double> a{1}, b{2};
  const Difference d = difference(a, b, true);
  EXPECT_DOUBLE_EQ(d.mean, 1);
  EXPECT_TRUE(std::isnan(d.low));
  EXPECT_EQ(d.pairing, Pairing::none);
  EXPECT_STREQ(verdict_name(d.verdict), "-");
}

TEST(Difference, PairsWithANaNAreLeftOut) {
  const std::vector<double> a{1, NAN, 3, 5}, b{2, 9, 4, 6};
  const Difference d = difference(a, b, true);
  EXPECT_DOUBLE_EQ(d.mean, 1);
  EXPECT_DOUBLE_EQ(d.low, 1);
  EXPECT_EQ(d.verdict, Verdict::differs);
}

}  // namespace
}  // namespace score::session
