#include "experiment/bootstrap_interval.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/statistics.hpp"
#include "experiment/sensitivity.hpp"
#include "experiment/stream.hpp"

namespace score::experiment {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 1000 replicates placed at the normal quantiles of (r + 0.5) / 1000: a
// symmetric bootstrap distribution centred on 0.
std::vector<double> normal_replicates(double centre, double scale) {
  std::vector<double> out;
  for (int r = 0; r < 1000; ++r) out.push_back(centre + scale * normal_quantile((r + 0.5) / 1000.0));
  return out;
}

// With the estimate at the replicates' median (z0 = 0) and symmetric
// jackknife values (a = 0), BCa is the percentile interval.
TEST(experiment_bootstrap_interval, BcaWithoutBiasOrSkewIsThePercentileInterval) {
  const std::vector<double> reps = normal_replicates(0.0, 1.0), jk{-1.0, 0.0, 1.0};
  const Interval p = percentile_interval(reps, 0.9), b = bca_interval(0.0, reps, jk, 0.9);
  EXPECT_NEAR(p.lo, -1.645, 0.01);
  EXPECT_NEAR(p.hi, 1.645, 0.01);
  EXPECT_DOUBLE_EQ(b.lo, p.lo);
  EXPECT_DOUBLE_EQ(b.hi, p.hi);
}

// An estimate above most replicates (the bootstrap says the estimator runs
// low) moves both ends up: z0 = Phi^-1(0.8413) = 1, so the 5 % and 95 %
// ends are read at Phi(1 + 1 - 1.645) = 0.639 and Phi(1 + 1 + 1.645) = 0.99986.
TEST(experiment_bootstrap_interval, BiasCorrectionMovesTheIntervalTowardsTheEstimate) {
  const std::vector<double> reps = normal_replicates(0.0, 1.0), jk{-1.0, 0.0, 1.0};
  const Interval b = bca_interval(1.0, reps, jk, 0.9);
  EXPECT_NEAR(b.lo, 0.355, 0.01);
  EXPECT_GT(b.hi, 3.0);
}

// Jackknife values with a long left tail (mean - jk_i skewed to the right)
// give a > 0: the interval stretches to the right of the percentile one.
TEST(experiment_bootstrap_interval, AccelerationStretchesTheIntervalWithTheSkew) {
  const std::vector<double> reps = normal_replicates(0.0, 1.0);
  const std::vector<double> jk{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0};
  const Interval p = percentile_interval(reps, 0.9), b = bca_interval(0.0, reps, jk, 0.9);
  EXPECT_GT(b.lo, p.lo);
  EXPECT_GT(b.hi, p.hi);
  // d = mean - jk_i is -0.1 nine times and 0.9 once, so a = sum d^3 / (6
  // (sum d^2)^1.5) = 0.72 / (6 * 0.9^1.5) = 0.1405, and the upper end is
  // read at Phi(z / (1 - a z)):
  const double a = 0.72 / (6 * std::pow(0.9, 1.5)), z = 1.6449;
  EXPECT_NEAR(b.lo, -z / (1 + a * z), 0.02);  // 1,000 replicates: the tails are coarse
  EXPECT_NEAR(b.hi, z / (1 - a * z), 0.02);
}

TEST(experiment_bootstrap_interval, DegenerateSamplesGiveStatedAnswers) {
  const std::vector<double> zeros(50, 0.0);
  const Interval point = bca_interval(0.0, zeros, zeros, 0.95);
  EXPECT_EQ(point.lo, 0.0);  // a factor without effect under common random numbers
  EXPECT_EQ(point.hi, 0.0);
  // An estimate beyond every replicate ends at the outermost ones, not at NaN.
  const std::vector<double> reps = normal_replicates(0.0, 1.0);
  const Interval beyond = bca_interval(10.0, reps, {}, 0.95);
  EXPECT_TRUE(std::isfinite(beyond.lo));
  EXPECT_EQ(beyond.hi, reps.back());
  EXPECT_TRUE(std::isnan(bca_interval(kNaN, reps, {}, 0.95).lo));
  EXPECT_TRUE(std::isnan(bca_interval(0.0, {}, {}, 0.95).hi));
  // NaN replicates (a resample without variance) are skipped.
  std::vector<double> with_nan = reps;
  with_nan.push_back(kNaN);
  const std::vector<double> jk{-1.0, 1.0};
  EXPECT_DOUBLE_EQ(bca_interval(0.0, with_nan, jk, 0.9).hi, bca_interval(0.0, reps, jk, 0.9).hi);
  EXPECT_STREQ(interval_method_name(IntervalMethod::bca), "bca");
  EXPECT_STREQ(interval_method_name(IntervalMethod::percentile), "percentile");
}

// The classic case for BCa (Efron & Tibshirani 1993, ch. 14): the variance
// of a skewed sample. Over 400 samples of 30 exponential draws (variance 1),
// the 90 % percentile interval misses the true variance far more often than
// 10 % (it sits too low); BCa comes closer to the stated rate.
TEST(experiment_bootstrap_interval, BcaCoversASkewedStatisticBetterThanPercentiles) {
  const int samples = 400, size = 30, resamples = 1000;
  int percentile_misses = 0, bca_misses = 0;
  auto variance = [](const std::vector<double>& x) {
    const double m = mean(x);
    double ss = 0;
    for (double v : x) ss += (v - m) * (v - m);
    return ss / static_cast<double>(x.size());
  };
  for (int s = 0; s < samples; ++s) {
    detail::Stream draw(11, static_cast<std::uint64_t>(s));
    std::vector<double> x(size);
    for (double& v : x) v = -std::log(1.0 - draw.uniform());
    std::vector<double> reps, jk, sample(size), rest;
    for (int r = 0; r < resamples; ++r) {
      detail::Stream pick(12 + static_cast<std::uint64_t>(s), static_cast<std::uint64_t>(r));
      for (double& v : sample) v = x[pick.below(size)];
      reps.push_back(variance(sample));
    }
    for (int j = 0; j < size; ++j) {
      rest = x;
      rest.erase(rest.begin() + j);
      jk.push_back(variance(rest));
    }
    const Interval p = percentile_interval(reps, 0.9), b = bca_interval(variance(x), reps, jk, 0.9);
    percentile_misses += p.lo > 1.0 || p.hi < 1.0;
    bca_misses += b.lo > 1.0 || b.hi < 1.0;
  }
  EXPECT_LT(bca_misses, percentile_misses);
  EXPECT_GT(percentile_misses, 80);  // well above the stated 40
}

}  // namespace
}  // namespace score::experiment
