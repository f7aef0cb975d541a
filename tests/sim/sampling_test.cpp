// The samplers that let a month cost what it finds: they must give the same
// distribution as one Bernoulli draw per trial.
#include "sim/sampling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

namespace score::sim {
namespace {

Draws draws_for(std::uint32_t id) { return Draws(2024, 0, 3, id, Purpose::marketing); }

TEST(Sampling, SuccessCountsAreBinomial) {
  // Mean n p and variance n p (1 - p) over many independent streams.
  const std::int64_t n = 5000;
  const double p = 0.013;
  const int streams = 2000;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < streams; ++k) {
    Draws d = draws_for(static_cast<std::uint32_t>(k));
    const auto x = static_cast<double>(count_successes(n, p, d));
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / streams, var = sum2 / streams - mean * mean;
  const double expected_mean = static_cast<double>(n) * p, expected_var = expected_mean * (1 - p);
  EXPECT_NEAR(mean, expected_mean, 4 * std::sqrt(expected_var / streams));
  EXPECT_NEAR(var / expected_var, 1.0, 0.1);
}

TEST(Sampling, EveryTrialIsEquallyLikelyAndVisitedInOrder) {
  const std::int64_t n = 50;
  std::vector<int> hits(static_cast<std::size_t>(n), 0);
  for (int k = 0; k < 20000; ++k) {
    Draws d = draws_for(static_cast<std::uint32_t>(k));
    std::int64_t last = -1;
    each_success(n, 0.1, d, [&](std::int64_t i) {
      EXPECT_GT(i, last);
      EXPECT_LT(i, n);
      last = i;
      ++hits[static_cast<std::size_t>(i)];
    });
  }
  for (int h : hits) EXPECT_NEAR(h, 2000, 4 * std::sqrt(2000 * 0.9));
}

TEST(Sampling, CertainAndImpossibleTrials) {
  Draws d = draws_for(1);
  EXPECT_EQ(count_successes(37, 1.0, d), 37);
  EXPECT_EQ(count_successes(37, 0.0, d), 0);
  EXPECT_EQ(count_successes(0, 0.5, d), 0);
}

TEST(Sampling, ALongStreamDoesNotRepeat) {
  // More draws than one Philox stream holds (2^16 blocks): the sub-streams
  // that follow must not replay the first.
  Draws d = draws_for(9);
  std::set<std::uint64_t> seen;
  for (int k = 0; k < 300000; ++k) seen.insert(d.bits());
  EXPECT_EQ(seen.size(), 300000u);
}

TEST(Sampling, SameKeySameSample) {
  std::vector<std::int64_t> a, b;
  Draws da = draws_for(5), db = draws_for(5);
  each_success(100000, 0.001, da, [&](std::int64_t i) { a.push_back(i); });
  each_success(100000, 0.001, db, [&](std::int64_t i) { b.push_back(i); });
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
}

}  // namespace
}  // namespace score::sim
