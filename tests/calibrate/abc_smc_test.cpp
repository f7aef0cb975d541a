// ABC-SMC on a toy model whose posterior is known: one observation x = 2 of
// N(theta, 1) under a flat prior on [-10, 10] has the posterior N(2, 1)
// (truncation negligible). The method must recover its mean and sd, give the
// same bits for any thread count, and depend on the seed.
#include "calibrate/abc_smc.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/threads.hpp"
#include "experiment/stream.hpp"

namespace score::calibrate {
namespace {

constexpr double kObserved = 2.0;

double standard_normal(experiment::detail::Stream& stream) {
  const double u1 = 1.0 - stream.uniform(), u2 = stream.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

// x ~ N(theta, 1) from the proposal's seed alone; distance |x - observed|.
std::vector<Outcome> simulate(std::span<const Proposal> batch) {
  std::vector<Outcome> out(batch.size());
  threads::for_each(0, static_cast<int>(batch.size()), [&](int i) {
    const Proposal& p = batch[static_cast<std::size_t>(i)];
    experiment::detail::Stream stream(p.seed, 0);
    const double x = p.theta[0] + standard_normal(stream);
    out[static_cast<std::size_t>(i)] = {std::abs(x - kObserved), {x}};
  });
  return out;
}

AbcSettings settings(std::uint64_t seed) {
  AbcSettings s;
  s.population = 1000;
  s.budget = 400'000;
  s.generations = 8;
  s.min_acceptance = 0.005;
  s.quantile = 0.5;
  s.seed = seed;
  s.moves = 30;  // the moves taken fall to a few percent as the tolerance nears 0
  return s;
}

AbcSmc::Result run(std::uint64_t seed, int threads) {
  AbcSmc abc({{"theta", -10, 10, false}}, settings(seed), simulate);
  AbcSmc::Result result;
  threads::in_arena(threads, [&] { result = abc.run({}, [](const Generation&) {}); });
  return result;
}

struct Moments {
  double mean = 0, sd = 0;
};
Moments moments(const Generation& g) {
  Moments m;
  for (const Particle& p : g.particles) m.mean += p.weight * p.theta[0];
  for (const Particle& p : g.particles) m.sd += p.weight * (p.theta[0] - m.mean) * (p.theta[0] - m.mean);
  m.sd = std::sqrt(m.sd);
  return m;
}

TEST(AbcSmc, RecoversTheNormalMeanPosterior) {
  const AbcSmc::Result result = run(7, 2);
  ASSERT_EQ(result.stop, Stop::generations);
  const Generation& last = result.generations.back();
  EXPECT_LT(last.tolerance, 0.05);  // tolerances fell generation by generation
  for (std::size_t g = 2; g < result.generations.size(); ++g)
    EXPECT_LE(result.generations[g].tolerance, result.generations[g - 1].tolerance);
  const Moments m = moments(last);
  // Monte Carlo error of a weighted mean with an ESS of several hundred: ~0.05.
  EXPECT_NEAR(m.mean, 2.0, 0.12);
  EXPECT_NEAR(m.sd, 1.0, 0.1);
  EXPECT_GT(last.effective_sample_size(), 200);
  // The prior sample is the prior: sd of U(-10, 10) is 5.77.
  EXPECT_NEAR(moments(result.generations.front()).sd, 20 / std::sqrt(12.0), 0.4);
}

TEST(AbcSmc, SameBitsForAnyThreadCountAndDifferentForAnotherSeed) {
  const AbcSmc::Result one = run(11, 1), four = run(11, 4), other = run(12, 4);
  ASSERT_EQ(one.generations.size(), four.generations.size());
  for (std::size_t g = 0; g < one.generations.size(); ++g) {
    const auto &a = one.generations[g], &b = four.generations[g];
    EXPECT_EQ(a.tolerance, b.tolerance);
    EXPECT_EQ(a.simulations, b.simulations);
    ASSERT_EQ(a.particles.size(), b.particles.size());
    for (std::size_t i = 0; i < a.particles.size(); ++i) {
      EXPECT_EQ(a.particles[i].theta, b.particles[i].theta);
      EXPECT_EQ(a.particles[i].weight, b.particles[i].weight);
    }
  }
  EXPECT_NE(one.generations.back().particles[0].theta, other.generations.back().particles[0].theta);
}

TEST(AbcSmc, ResumingFromCompleteGenerationsGivesTheSameResult) {
  AbcSmc abc({{"theta", -10, 10, false}}, settings(5), simulate);
  const AbcSmc::Result whole = abc.run({}, [](const Generation&) {});
  std::vector<Generation> first(whole.generations.begin(), whole.generations.begin() + 3);
  const AbcSmc::Result resumed = abc.run(first, [](const Generation&) {});
  ASSERT_EQ(resumed.generations.size(), whole.generations.size());
  EXPECT_EQ(resumed.generations.back().particles[7].theta, whole.generations.back().particles[7].theta);
  EXPECT_EQ(resumed.generations.back().particles[7].weight, whole.generations.back().particles[7].weight);
}

TEST(AbcSmc, StopsWhenTheBudgetIsSpentKeepingCompleteGenerations) {
  AbcSettings s = settings(3);
  s.budget = 2500;
  AbcSmc abc({{"theta", -10, 10, false}}, s, simulate);
  const AbcSmc::Result r = abc.run({}, [](const Generation&) {});
  EXPECT_EQ(r.stop, Stop::budget);
  std::int64_t used = 0;
  for (const Generation& g : r.generations) {
    used += g.simulations;
    EXPECT_EQ(g.particles.size(), 1000u);
  }
  EXPECT_LE(used, 2500);
}

// Drovandi & Pettitt's rule: R = ceil(ln c / ln(1 - p)) rounds after a
// generation that took p of its moves, within an equal share of the budget
// left among the generations left; the first generation takes `moves`.
TEST(AbcSmc, AdaptiveMovesFollowTheLastAcceptanceWithinTheBudgetShare) {
  AbcSettings s;
  s.population = 100;
  s.generations = 8;
  s.moves = 4;
  s.unmoved = 0.01;
  Generation previous;
  previous.index = 3;
  previous.attempts = 1000;
  previous.moved = 100;  // p = 0.1: ln 0.01 / ln 0.9 = 43.7
  EXPECT_EQ(moves_for(s, previous, 1'000'000), 44);
  // 5 generations left: 100 x 5 x 10 simulations leave 10 rounds each.
  EXPECT_EQ(moves_for(s, previous, 100 * 5 * 10 + 99), 10);
  EXPECT_EQ(moves_for(s, previous, 0), 1);  // never none: the budget check stops the run
  s.max_moves = 20;
  EXPECT_EQ(moves_for(s, previous, 1'000'000), 20);
  previous.moved = 1000;  // every move taken: one round leaves none unmoved
  EXPECT_EQ(moves_for(s, previous, 1'000'000), 1);
  previous.index = 0;  // generation 1 follows the prior sample
  EXPECT_EQ(moves_for(s, previous, 1'000'000), 4);
  s.unmoved = 0;  // fixed moves
  previous.index = 3;
  EXPECT_EQ(moves_for(s, previous, 1'000'000), 4);
}

// Particles of generation i that are copies of one of generation i - 1 (no move taken).
int unmoved(const AbcSmc::Result& r, std::size_t i) {
  int n = 0;
  for (const Particle& p : r.generations[i].particles)
    n += std::any_of(r.generations[i - 1].particles.begin(), r.generations[i - 1].particles.end(),
                     [&](const Particle& q) { return q.unit == p.unit; });
  return n;
}

// With adaptive moves the toy posterior is still recovered, and far fewer
// particles stay where they were resampled than with 3 moves each.
TEST(AbcSmc, AdaptiveMovesRecoverTheNormalPosteriorAndMoveAlmostEveryParticle) {
  AbcSettings s = settings(9);
  s.moves = 3;
  const AbcSmc::Result fixed =
      AbcSmc({{"theta", -10, 10, false}}, s, simulate).run({}, [](const Generation&) {});
  s.unmoved = 0.01;
  const AbcSmc::Result result =
      AbcSmc({{"theta", -10, 10, false}}, s, simulate).run({}, [](const Generation&) {});
  ASSERT_EQ(result.stop, Stop::generations);
  std::int64_t used = result.generations[0].simulations + result.generations[1].simulations;
  for (std::size_t i = 2; i < result.generations.size(); ++i) {
    const Generation &g = result.generations[i], &before = result.generations[i - 1];
    EXPECT_EQ(g.attempts / s.population, moves_for(s, before, s.budget - used)) << i;
    used += g.simulations;
    // c = 1% would hold if every particle took a move with the rate of the
    // generation before; particles in the tails take fewer, and the rate
    // falls with the tolerance: a few percent, against most with 3 moves.
    EXPECT_LE(unmoved(result, i), s.population / 5) << i;
    EXPECT_LT(2 * unmoved(result, i), unmoved(fixed, i)) << i;
  }
  EXPECT_LE(used, s.budget);
  const Moments m = moments(result.generations.back());
  EXPECT_NEAR(m.mean, 2.0, 0.12);
  EXPECT_NEAR(m.sd, 1.0, 0.1);
}

// Seventeen parameters, as many as the history's calibration frees: theta_i
// uniform on [0, 1], one observation x_i ~ N(theta_i, s_i) each (s_i from 0.05
// to 0.3, three of the observed values near an edge of the prior), distance
// the root mean square of (x - observed) / s. Importance weights of a
// Gaussian kernel around the previous particles (Beaumont et al. 2009)
// collapse here to an effective sample of a few particles by generation 8;
// the posterior must stay a sample of many distinct particles.
constexpr int kDimensions = 17;
double observed(int i) { return i == 0 ? 0.05 : i == 1 ? 0.95 : i == 2 ? 0.1 : 0.5; }
double noise(int i) { return 0.05 + 0.25 * i / (kDimensions - 1.0); }

std::vector<Outcome> simulate_many(std::span<const Proposal> batch) {
  std::vector<Outcome> out(batch.size());
  for (std::size_t b = 0; b < batch.size(); ++b) {
    experiment::detail::Stream stream(batch[b].seed, 0);
    double squares = 0;
    for (int i = 0; i < kDimensions; ++i) {
      const double x = batch[b].theta[static_cast<std::size_t>(i)] + noise(i) * standard_normal(stream);
      squares += (x - observed(i)) * (x - observed(i)) / (noise(i) * noise(i));
    }
    out[b] = {std::sqrt(squares / kDimensions), {}};
  }
  return out;
}

TEST(AbcSmc, SeventeenParametersKeepAnEffectiveSampleOfManyParticles) {
  std::vector<PriorRange> priors;
  for (int i = 0; i < kDimensions; ++i) priors.push_back({"theta" + std::to_string(i), 0, 1, false});
  AbcSettings s = settings(17);
  s.population = 100;
  s.min_acceptance = 0.001;
  s.moves = AbcSettings{}.moves;  // the default, as the shipped calibration
  AbcSmc abc(priors, s, simulate_many);
  const AbcSmc::Result result = abc.run({}, [](const Generation&) {});
  ASSERT_EQ(result.stop, Stop::generations);
  for (const Generation& g : result.generations) EXPECT_GT(g.effective_sample_size(), 30) << g.index;
  // The tolerance fell (to about a third of the prior sample's median).
  EXPECT_LT(result.generations.back().tolerance, 0.5 * result.generations[1].tolerance);
}

TEST(AbcSmc, CopiesOfAParticleCountOnceInTheEffectiveSampleSize) {
  Generation g;
  for (const double u : {0.1, 0.1, 0.1, 0.2}) g.particles.push_back({{u}, {u}, 0.25, 0, {}});
  // Weights 0.75 and 0.25: 1 / (0.75^2 + 0.25^2) = 1.6.
  EXPECT_DOUBLE_EQ(g.effective_sample_size(), 1.6);
}

TEST(AbcSmc, LogUniformPriorIsUniformInTheLogarithm) {
  const PriorRange p{"x", 1, 100, true};
  EXPECT_DOUBLE_EQ(p.to_value(0.5), 10);
  EXPECT_DOUBLE_EQ(p.to_value(0), 1);
}

TEST(WeightedQuantile, IsTheValueWhereTheWeightReachesQ) {
  const std::vector<double> v{3, 1, 2, 4}, w{1, 1, 1, 1}, heavy{0, 0, 0, 1};
  EXPECT_EQ(weighted_quantile(v, w, 0.5), 2);
  EXPECT_EQ(weighted_quantile(v, heavy, 0.5), 4);
}

// A generation whose column 0 of theta is `x` and column 1 of values is
// 10 x, with weights `w` (need not sum to 1).
Generation column_generation(const std::vector<double>& x, const std::vector<double>& w) {
  Generation g;
  for (std::size_t i = 0; i < x.size(); ++i)
    g.particles.push_back({{}, {x[i], -1}, w[i], 0, {-1, 10 * x[i]}});
  return g;
}

TEST(ColumnQuantile, TiesCountTheirWeightTogether) {
  // Sorted: 1 (weight 4), 2 (2), 2 (3), 3 (1) of 10: the weight up to 1 is
  // 4, up to 2 it is 9 (the tie's two particles together), up to 3 it is 10.
  const Generation g = column_generation({3, 1, 2, 2}, {1, 4, 2, 3});
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.05), 1);
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.4), 1);  // reached exactly at 1
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.41), 2);
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.5), 2);
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.9), 2);
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.95), 3);
  EXPECT_EQ(column_quantile(g, Column::values, 1, 0.5), 20);  // the same weights on values
  EXPECT_EQ(column_quantile(g, Column::values, 1, 0.95), 30);
}

TEST(ColumnQuantile, AParticleOfZeroWeightIsNeverTheQuantileInside) {
  // 1 and 3 carry the weight; 2 and 5 none. The median is 1, where half
  // the weight is reached; above it, 3, never the weightless 2 between.
  const Generation g = column_generation({2, 1, 5, 3}, {0, 1, 0, 1});
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.5), 1);
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.6), 3);
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.95), 3);
  EXPECT_EQ(column_quantile(g, Column::values, 1, 0.95), 30);
  // A weightless particle carries no weight of its own even at the ends.
  EXPECT_EQ(column_quantile(column_generation({0, 5, 10}, {0, 1, 1}), Column::theta, 0, 0.05), 5);
}

TEST(ColumnQuantile, LeavesOutNaNValuesAndTheirWeight) {
  Generation g = column_generation({1, 2, 3}, {1, 1, 1});
  g.particles[0].values[1] = std::nan("");  // a particle whose target the run could not give
  g.particles[0].weight = 5;
  EXPECT_EQ(column_quantile(g, Column::values, 1, 0.5), 20);  // of 20 and 30, each 1
  EXPECT_EQ(column_quantile(g, Column::theta, 0, 0.5), 1);    // theta keeps the weight of 5
  for (Particle& p : g.particles) p.values[1] = std::nan("");
  EXPECT_TRUE(std::isnan(column_quantile(g, Column::values, 1, 0.5)));
}

}  // namespace
}  // namespace score::calibrate
