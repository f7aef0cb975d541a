#include "experiment/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <vector>

#include "experiment/design.hpp"
#include "experiment/stream.hpp"

namespace score::experiment {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kA = 7.0, kB = 0.1;

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on
// [-pi, pi]^3, whose Sobol' indices are known in closed form.
double ishigami(const std::vector<double>& x) {
  const double s2 = std::sin(x[1]);
  return std::sin(x[0]) + kA * s2 * s2 + kB * std::pow(x[2], 4) * std::sin(x[0]);
}

// Partial variances (e.g. Saltelli et al. 2008, Global Sensitivity Analysis:
// The Primer, sec. 4.9): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8,
// V13 = 8 b^2 pi^8 / 225, V = V1 + V2 + V13. With a = 7, b = 0.1 this gives
// S = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437).
struct IshigamiTruth {
  std::vector<double> first, total;
};
IshigamiTruth ishigami_truth() {
  const double v1 = 0.5 * std::pow(1 + kB * std::pow(kPi, 4) / 5, 2);
  const double v2 = kA * kA / 8;
  const double v13 = 8 * kB * kB * std::pow(kPi, 8) / 225;
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// Outputs of f on the saltelli design of n base rows a sweep would run
// (from Sobol' point saltelli_skip(n)), over [-pi, pi]^k.
template <class F>
std::vector<double> evaluate(int n, int k, F f) {
  const std::vector<Factor> box(static_cast<std::size_t>(k), Factor{"x", -kPi, kPi, false, {}});
  std::vector<double> y;
  for (const auto& x : map_to_ranges(saltelli(n, k, saltelli_skip(n)), box)) y.push_back(f(x));
  return y;
}

std::vector<double> evaluate_ishigami(int n) { return evaluate(n, 3, ishigami); }

TEST(experiment_sensitivity, IshigamiTruthMatchesPublishedValues) {
  const IshigamiTruth truth = ishigami_truth();
  EXPECT_NEAR(truth.first[0], 0.3139, 5e-5);
  EXPECT_NEAR(truth.first[1], 0.4424, 5e-5);
  EXPECT_NEAR(truth.total[0], 0.5576, 5e-5);
  EXPECT_NEAR(truth.total[2], 0.2437, 5e-5);
}

// Each analytic index lies inside its bootstrap interval, and the interval
// is narrow enough to rank the factors.
TEST(experiment_sensitivity, SobolIndicesRecoverIshigami) {
  const int n = 8192;
  const SobolIndices s = sobol_indices(evaluate_ishigami(n), n, 3);
  const IshigamiTruth truth = ishigami_truth();
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(s.first[i], truth.first[i], 0.03) << "S" << i + 1;
    EXPECT_NEAR(s.total[i], truth.total[i], 0.03) << "ST" << i + 1;
    EXPECT_LE(s.first_lo[i], truth.first[i]) << "S" << i + 1;
    EXPECT_GE(s.first_hi[i], truth.first[i]) << "S" << i + 1;
    EXPECT_LE(s.total_lo[i], truth.total[i]) << "ST" << i + 1;
    EXPECT_GE(s.total_hi[i], truth.total[i]) << "ST" << i + 1;
    EXPECT_LT(s.first_hi[i] - s.first_lo[i], 0.1) << "S" << i + 1;
    EXPECT_LT(s.total_hi[i] - s.total_lo[i], 0.1) << "ST" << i + 1;
  }
}

// Adding 100 to every output changes no variance, so no index and no
// interval may change. Kills the uncentred estimator mean f(B) (f(AB_i) -
// f(A)) / V (Saltelli 2010 as printed): its noise grows with the mean, and
// S1's interval widens from about 0.06 to about 1.2 at this n. Also kills
// a mutant that drops the -f(A) term of the centred numerator.
TEST(experiment_sensitivity, SobolIndicesIgnoreTheOutcomesMean) {
  const int n = 8192;
  const std::vector<double> y = evaluate_ishigami(n);
  std::vector<double> shifted = y;
  for (double& v : shifted) v += 100.0;
  const SobolIndices s = sobol_indices(y, n, 3), t = sobol_indices(shifted, n, 3);
  const IshigamiTruth truth = ishigami_truth();
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(t.first[i], s.first[i], 1e-9) << "S" << i + 1;
    EXPECT_NEAR(t.total[i], s.total[i], 1e-9) << "ST" << i + 1;
    EXPECT_NEAR(t.first_lo[i], s.first_lo[i], 1e-9) << "S" << i + 1;
    EXPECT_NEAR(t.first_hi[i], s.first_hi[i], 1e-9) << "S" << i + 1;
    EXPECT_LT(t.first_hi[i] - t.first_lo[i], 0.1) << "S" << i + 1;
    EXPECT_LE(t.first_lo[i], truth.first[i]) << "S" << i + 1;
    EXPECT_GE(t.first_hi[i], truth.first[i]) << "S" << i + 1;
  }
}

// A stochastic model: Ishigami plus noise, and a fourth factor it ignores.
// With common random numbers (the k + 2 points of base row j draw the same
// noise, as a sweep's saltelli design runs them with one seed) f(AB_3) =
// f(A) exactly, so the ignored factor's indices and every bootstrap
// resample of them are exactly 0. Kills a mutant that drops the -f(A) term
// (its numerator becomes (f(B) - f0) f(AB_3) != 0) and bootstrap resamples
// that draw A and AB_i rows separately.
TEST(experiment_sensitivity, AFactorWithoutEffectGetsExactlyZeroWithCommonRandomNumbers) {
  const int n = 512, k = 4;
  const SaltelliLayout at{n, k};
  std::vector<double> y = evaluate(n, k, ishigami);
  for (int row = 0; row < at.rows(); ++row)  // noise of base row (row mod n)
    y[static_cast<std::size_t>(row)] += detail::Stream(7, static_cast<std::uint64_t>(row % n)).uniform();
  const SobolIndices s = sobol_indices(y, n, k, 200);
  EXPECT_EQ(s.first[3], 0.0);
  EXPECT_EQ(s.total[3], 0.0);
  EXPECT_EQ(s.first_lo[3], 0.0);
  EXPECT_EQ(s.first_hi[3], 0.0);
  EXPECT_EQ(s.total_hi[3], 0.0);
  EXPECT_GT(s.first[1], 0.3);  // the factors that matter still show
  EXPECT_GT(s.total[0], 0.4);

  // Without common random numbers the same factor picks up the noise.
  for (int row = 0; row < at.rows(); ++row)
    y[static_cast<std::size_t>(row)] += detail::Stream(8, static_cast<std::uint64_t>(row)).uniform();
  const SobolIndices u = sobol_indices(y, n, k, 0);
  EXPECT_NE(u.total[3], 0.0);
  EXPECT_NE(u.first[3], 0.0);
}

// The shipped sweep's payback_months: one run (an enterprise that barely
// saved) paid back in 4,000 months against a median of 2, in f(B) and, with
// the same seed and the same enrolment rate, in f(AB_enrol). That row made
// the whole numerator while V counts only its f(B), so the first-order
// index came out at 2.0. Such an output gets no indices; Ishigami itself,
// whose largest row carries about 2 % of the variance, still gets its own.
TEST(experiment_sensitivity, AnOutputWhoseVarianceIsOneRunGetsNoIndices) {
  const int n = 256, k = 3;
  const SaltelliLayout at{n, k};
  std::vector<double> y = evaluate_ishigami(n);
  const SobolIndices plain = sobol_indices(y, n, k, 100);
  EXPECT_FALSE(plain.one_row);
  EXPECT_NEAR(plain.first[1], ishigami_truth().first[1], 0.1);
  y[static_cast<std::size_t>(at.b(76))] = 4000;
  y[static_cast<std::size_t>(at.ab(2, 76))] = 4000;
  const SobolIndices s = sobol_indices(y, n, k, 100);
  EXPECT_TRUE(s.one_row);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(std::isnan(s.first[i])) << i << ": " << s.first[i];  // 2.0 for factor 3 before
    EXPECT_TRUE(std::isnan(s.total[i])) << i;
    EXPECT_TRUE(std::isnan(s.first_lo[i])) << i;
    EXPECT_TRUE(std::isnan(s.total_hi[i])) << i;
  }
  // A smaller outlier that leaves most of the variance to the design is kept.
  y[static_cast<std::size_t>(at.b(76))] = y[static_cast<std::size_t>(at.ab(2, 76))] = 40;
  EXPECT_FALSE(sobol_indices(y, n, k, 0).one_row);
  EXPECT_FALSE(std::isnan(sobol_indices(y, n, k, 0).first[2]));
}

// The Ishigami outputs of copy c of the sweep's design at n base rows,
// shifted by its own random vector modulo 1 (Cranley-Patterson rotation:
// every copy is still a Sobol' design, and the copies give independent
// estimates whose intervals can be checked against the analytic indices).
std::vector<double> rotated_ishigami(const Points& unit, int n, int c) {
  const int k = 3;
  const SaltelliLayout at{n, k};
  detail::Stream stream(99, static_cast<std::uint64_t>(c));
  std::vector<double> shift(2 * k);
  for (double& v : shift) v = stream.uniform();
  std::vector<double> y(static_cast<std::size_t>(at.rows()));
  for (int row = 0; row < at.rows(); ++row) {
    // A, AB_i columns from A take the first k shifts, B's columns the last k.
    const int block = row / n;
    std::vector<double> x(k);
    for (int i = 0; i < k; ++i) {
      const bool from_b = block == 1 || block == 2 + i;
      const double u = std::fmod(unit[static_cast<std::size_t>(row)][static_cast<std::size_t>(i)] +
                                     shift[static_cast<std::size_t>(from_b ? k + i : i)],
                                 1.0);
      x[static_cast<std::size_t>(i)] = -kPi + 2 * kPi * u;
    }
    y[static_cast<std::size_t>(row)] = ishigami(x);
  }
  return y;
}

// Per factor, how many of `copies` rotated designs gave an interval that
// misses the analytic index (first-order and total), and how many put S3's
// (whose true value is 0) wholly below 0.
struct Misses {
  std::vector<int> first = std::vector<int>(3, 0), total = std::vector<int>(3, 0);
  int s3_below_zero = 0;
};
Misses count_misses(int n, int copies, int resamples, double confidence, IntervalMethod method) {
  const Points unit = saltelli(n, 3, saltelli_skip(n));
  const IshigamiTruth truth = ishigami_truth();
  Misses m;
  for (int c = 0; c < copies; ++c) {
    const SobolIndices s = sobol_indices(rotated_ishigami(unit, n, c), n, 3, resamples, confidence,
                                         1 + static_cast<std::uint64_t>(c), method);
    for (std::size_t i = 0; i < 3; ++i) {
      m.first[i] += s.first_lo[i] > truth.first[i] || s.first_hi[i] < truth.first[i];
      m.total[i] += s.total_lo[i] > truth.total[i] || s.total_hi[i] < truth.total[i];
    }
    m.s3_below_zero += s.first_hi[2] < 0;
  }
  return m;
}

// How often a 99 % percentile interval misses the analytic index, over 400
// rotated copies of the sweep's design at the example's n = 256. S3 = 0 with
// ST3 = 0.24 is the case of the shipped example's two Phase IV indices
// whose intervals lay just below 0: a correct interval lies wholly below a
// zero index in 0.5 % of designs, so at n = 256 such misses are what chance
// gives, not a bias (measured over 2,000 such designs: S3's interval missed
// 0 in 0.65 % of them and lay wholly below it in 0.25 %; with independent
// uniform A and B instead, 1.45 % and 0.8 %, the percentile interval a
// little short). Kills an interval that is too narrow (e.g. one resampling
// A and AB_i rows apart, or quantiles at the wrong confidence) and an
// estimator biased away from 0.
TEST(experiment_sensitivity, NinetyNinePercentIntervalsMissAsOftenAsChanceAllows) {
  const Misses m = count_misses(256, 400, 500, 0.99, IntervalMethod::percentile);
  // Binomial(400, 0.01) exceeds 11 with probability below 0.1 %.
  for (std::size_t i = 0; i < 3; ++i) EXPECT_LE(m.first[i], 11) << "S" << i + 1;
  EXPECT_LE(m.s3_below_zero, 8);  // Binomial(400, 0.005) > 8: below 0.1 %
}

// The same over BCa intervals (the default), for first-order and total
// indices. At n = 256 the bias correction and acceleration are small and the
// intervals within 1 % of the percentile ones in width; over 2,000 rotated
// designs BCa missed S3 in 0.7 % (percentile 0.35 %) and S1, S2 and every
// total never (docs/experiments.md, section 5). Kills BCa levels read at the
// wrong confidence, a z0 from the wrong side (the interval then runs away
// from the estimate) and an acceleration that is not damped by the
// jackknife's spread.
TEST(experiment_sensitivity, BcaIntervalsCoverIshigamiAtTheStatedRate) {
  const Misses m = count_misses(256, 400, 500, 0.99, IntervalMethod::bca);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_LE(m.first[i], 11) << "S" << i + 1;  // Binomial(400, 0.01) > 11: below 0.1 %
    EXPECT_LE(m.total[i], 11) << "ST" << i + 1;
  }
  EXPECT_LE(m.s3_below_zero, 8);
}

// A linear model y = x1 + 2 x2 + noise that ignores x3, its runs drawing
// independent noise (no common random numbers, so x3's estimate is noise,
// not exactly 0, and its interval has to be honest about it): the 95 % BCa
// interval of S3 holds 0 in about 95 % of 200 independent designs
// (measured over 1,000: 93.7 %, percentile 93.9 %). Kills intervals that
// shrink to the estimate or ignore the noise.
TEST(experiment_sensitivity, IntervalsOfAnInputWithoutEffectHoldZero) {
  const int n = 256, k = 3, designs = 200;
  const SaltelliLayout at{n, k};
  int misses = 0;
  double width = 0;
  for (int d = 0; d < designs; ++d) {
    detail::Stream draw(77, static_cast<std::uint64_t>(d));
    std::vector<std::vector<double>> a(n, std::vector<double>(k)), b = a;
    for (auto* block : {&a, &b})
      for (auto& row : *block)
        for (double& u : row) u = draw.uniform();
    auto f = [&](const std::vector<double>& x) {
      return x[0] + 2 * x[1] + draw.uniform() + draw.uniform() + draw.uniform() - 1.5;
    };
    std::vector<double> y(static_cast<std::size_t>(at.rows()));
    for (int j = 0; j < n; ++j) {
      const auto row = static_cast<std::size_t>(j);
      y[static_cast<std::size_t>(at.a(j))] = f(a[row]);
      y[static_cast<std::size_t>(at.b(j))] = f(b[row]);
      for (int i = 0; i < k; ++i) {
        std::vector<double> x = a[row];
        x[static_cast<std::size_t>(i)] = b[row][static_cast<std::size_t>(i)];
        y[static_cast<std::size_t>(at.ab(i, j))] = f(x);
      }
    }
    const SobolIndices s = sobol_indices(y, n, k, 500, 0.95, 1 + static_cast<std::uint64_t>(d));
    misses += s.first_lo[2] > 0 || s.first_hi[2] < 0;
    width += (s.first_hi[2] - s.first_lo[2]) / designs;
  }
  EXPECT_LE(misses, 20);  // Binomial(200, 0.05) > 20: about 0.1 %
  EXPECT_GT(width, 0.1);  // an honest interval for noise, not a point
}

// Mean first-order index of x1, over `designs` independent uniform designs of
// n base rows, of a stochastic model in which x1 moves no mean outcome but
// reshuffles the random numbers a run draws (as the Phase III buyer share
// changes which enterprises Phase IV draws): f = x0 + 4 x2 + x2 e with e
// uniform on [-1/2, 1/2]. With common random numbers, e is a pure function of
// the base row's seed and x1, so A_j and AB_1,j draw different e and B_j and
// AB_1,j the same one; without, every run draws its own.
double mean_first_order_of_a_reshuffling_factor(bool common_random_numbers, int designs) {
  const int n = 256, k = 3;
  const SaltelliLayout at{n, k};
  double sum = 0;
  for (int d = 0; d < designs; ++d) {
    detail::Stream draw(31, static_cast<std::uint64_t>(d));
    std::vector<double> y(static_cast<std::size_t>(at.rows()));
    for (int j = 0; j < n; ++j) {
      std::vector<double> a(k), b(k);
      for (auto* x : {&a, &b})
        for (double& u : *x) u = draw.uniform();
      auto f = [&](const std::vector<double>& x) {
        const auto seed = common_random_numbers ? static_cast<std::uint64_t>(d * n + j) : draw.bits();
        const double e = detail::Stream(seed, static_cast<std::uint64_t>(x[1] * 0x1.0p32)).uniform() - 0.5;
        return x[0] + 4 * x[2] + x[2] * e;
      };
      y[static_cast<std::size_t>(at.a(j))] = f(a);
      y[static_cast<std::size_t>(at.b(j))] = f(b);
      for (int i = 0; i < k; ++i) {
        std::vector<double> x = a;
        x[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(i)];
        y[static_cast<std::size_t>(at.ab(i, j))] = f(x);
      }
    }
    sum += sobol_indices(y, n, k, 0).first[1];
  }
  return sum / designs;
}

// Is the first-order estimator biased below 0 for a stochastic model with
// common random numbers, as the shipped example's Phase IV indices against the
// Phase III buyer share (about -0.03 at n = 256) made one ask? No: its
// numerator estimates Var E[f | x_i, seed] - Var E[f | seed] >= 0, which for
// the model above is x1's interaction with the seed, Var(E[x2] e) = 1/48,
// over V = (17 + 1/3) / 12: S1 = 0.0144 (its total index is 0.0192, about
// that example's 0.015). So common random numbers push such an index up, by
// at most its total minus first-order index, never down; without them the
// mean is 0. Over 400 designs the mean's standard error is about 0.0006.
// Kills an estimator biased either way (e.g. centring f(B) on the mean of
// f(A) alone, or pairing f(B) with f(A) - f(AB_i) reversed).
TEST(experiment_sensitivity, CommonRandomNumbersNeverPushAnIndexBelowZero) {
  EXPECT_NEAR(mean_first_order_of_a_reshuffling_factor(true, 400), 0.25 / (17 + 1.0 / 3), 0.003);
  EXPECT_NEAR(mean_first_order_of_a_reshuffling_factor(false, 400), 0.0, 0.003);
}

// The design a sweep runs starts past the Sobol' points whose A and B halves
// coincide: with skip 0 and n = 2 both base rows have A = B, and every
// index is 0/0 or noise. (Single coordinates still coincide now and then,
// e.g. 8 of 64 rows for the third factor: a row where a_i = b_i adds
// nothing for factor i, a loss of a few rows, not a bias.)
TEST(experiment_sensitivity, TheSweepsSaltelliDesignHasAUnlikeB) {
  for (const int n : {2, 4, 64}) {
    const int k = 3;
    const SaltelliLayout at{n, k};
    const Points p = saltelli(n, k, saltelli_skip(n));
    std::vector<int> same(k, 0);
    for (int j = 0; j < n; ++j) {
      const auto& a = p[static_cast<std::size_t>(at.a(j))];
      const auto& b = p[static_cast<std::size_t>(at.b(j))];
      EXPECT_NE(a, b) << "n " << n << " row " << j;
      for (int i = 0; i < k; ++i)
        same[static_cast<std::size_t>(i)] += a[static_cast<std::size_t>(i)] == b[static_cast<std::size_t>(i)];
    }
    const int allowed = n == 2 ? 0 : n / 2;
    for (int i = 0; i < k; ++i)
      EXPECT_LE(same[static_cast<std::size_t>(i)], allowed) << "n " << n << " factor " << i;
  }
  const Points unskipped = saltelli(2, 3);
  EXPECT_EQ(unskipped[0], unskipped[2]);  // A_0 = B_0: why the skip exists
  EXPECT_EQ(saltelli_skip(2), 2);
  EXPECT_EQ(saltelli_skip(64), 64);
  EXPECT_EQ(saltelli_skip(48), 64);
}

TEST(experiment_sensitivity, ConvergenceSizesHalveDownToTwoRows) {
  EXPECT_EQ(convergence_sizes(64), (std::vector<int>{8, 16, 32, 64}));
  EXPECT_EQ(convergence_sizes(8), (std::vector<int>{2, 4, 8}));
  EXPECT_EQ(convergence_sizes(2), (std::vector<int>{2}));
}

TEST(experiment_sensitivity, SobolIndicesAreDeterministic) {
  const int n = 256;
  const std::vector<double> y = evaluate_ishigami(n);
  const SobolIndices a = sobol_indices(y, n, 3, 200, 0.9, 5), b = sobol_indices(y, n, 3, 200, 0.9, 5);
  EXPECT_EQ(a.first_lo, b.first_lo);
  EXPECT_EQ(a.total_hi, b.total_hi);
  EXPECT_NE(a.first_lo, sobol_indices(y, n, 3, 200, 0.9, 6).first_lo);
}

// A base row with a NaN anywhere is dropped everywhere: the same as never
// having run it.
TEST(experiment_sensitivity, SobolIndicesDropBaseRowsWithNaN) {
  const int n = 64, k = 3;
  std::vector<double> y = evaluate_ishigami(n);
  const SaltelliLayout at{n, k}, fewer{n - 1, k};
  std::vector<double> without;  // the same outputs minus base row 5
  for (int block = 0; block < k + 2; ++block)
    for (int j = 0; j < n; ++j)
      if (j != 5) without.push_back(y[static_cast<std::size_t>(block * n + j)]);
  y[static_cast<std::size_t>(at.ab(1, 5))] = std::numeric_limits<double>::quiet_NaN();
  const SobolIndices with_nan = sobol_indices(y, n, k, 0), reference = sobol_indices(without, n - 1, k, 0);
  EXPECT_EQ(with_nan.first, reference.first);
  EXPECT_EQ(with_nan.total, reference.total);
  EXPECT_TRUE(std::isnan(with_nan.first_lo[0]));  // no bootstrap asked for
  EXPECT_EQ(fewer.rows(), static_cast<int>(without.size()));
  EXPECT_THROW(sobol_indices(without, n, k), std::invalid_argument);
}

// Two base rows are the fewest that give an index and an interval, and two
// trajectories the fewest that give a Morris sigma; bad arguments throw.
// Kills the boundary and argument-check mutants the mutation pass left
// alive (rows < 2 -> <= 2, kept.rows() >= 2 -> > 2, || -> && in the checks,
// ee.size() < 2 -> <= 2).
TEST(experiment_sensitivity, TheSmallestDesignsGiveNumbersAndBadArgumentsThrow) {
  const int n = 2, k = 2;
  std::vector<double> y;
  for (const auto& x : saltelli(n, k, saltelli_skip(n))) y.push_back(x[0] + 3 * x[1]);
  const SobolIndices s = sobol_indices(y, n, k, 50);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_FALSE(std::isnan(s.first[i])) << i;
    EXPECT_FALSE(std::isnan(s.total_lo[i])) << i;
    EXPECT_FALSE(std::isnan(s.first_hi[i])) << i;
  }
  EXPECT_THROW(sobol_indices(std::vector<double>(4), 2, 0), std::invalid_argument);
  EXPECT_THROW(sobol_indices(y, n, k, -1), std::invalid_argument);
  EXPECT_THROW(sobol_indices(y, n, k, 10, 1.0), std::invalid_argument);
  EXPECT_THROW(sobol_indices(y, n, k, 10, 0.0), std::invalid_argument);
  const MorrisDesign design = morris(2, 2, 4, 3);
  std::vector<double> z;
  for (const auto& x : design.points) z.push_back(x[0] * x[1]);
  const MorrisIndices m = morris_indices(z, design.layout);
  EXPECT_FALSE(std::isnan(m.sigma[0]));
  EXPECT_FALSE(std::isnan(m.sigma[1]));
}

TEST(experiment_sensitivity, ConstantOutputGivesNaNIndices) {
  const SobolIndices s = sobol_indices(std::vector<double>(8 * 4, 1.0), 8, 2, 10);
  EXPECT_TRUE(std::isnan(s.first[0]));
  EXPECT_TRUE(std::isnan(s.total_hi[1]));
}

// For y = sum c_i x_i every elementary effect of factor i is exactly c_i.
TEST(experiment_sensitivity, MorrisOnALinearFunction) {
  const std::vector<double> c{1.0, -2.0, 0.5, 0.0, 3.0};
  const MorrisDesign design = morris(12, 5, 6, 21);
  std::vector<double> y;
  for (const auto& x : design.points) {
    double sum = 0;
    for (std::size_t i = 0; i < c.size(); ++i) sum += c[i] * x[i];
    y.push_back(sum);
  }
  const MorrisIndices m = morris_indices(y, design.layout);
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_NEAR(m.mu_star[i], std::abs(c[i]), 1e-12) << i;
    EXPECT_NEAR(m.mu[i], c[i], 1e-12) << i;
    EXPECT_NEAR(m.sigma[i], 0.0, 1e-12) << i;
  }
}

// An interaction makes a factor's effect depend on where it is measured:
// sigma > 0, and mu_star > |mu| when the sign changes.
TEST(experiment_sensitivity, MorrisSeesInteractionsInSigma) {
  const MorrisDesign design = morris(40, 3, 4, 2);
  std::vector<double> y;
  for (const auto& x : design.points) y.push_back(x[0] + (x[1] - 0.5) * x[2] * 4);
  const MorrisIndices m = morris_indices(y, design.layout);
  EXPECT_NEAR(m.sigma[0], 0.0, 1e-12);
  EXPECT_GT(m.sigma[1], 0.5);
  EXPECT_GT(m.sigma[2], 0.5);
  EXPECT_GT(m.mu_star[2], std::abs(m.mu[2]) + 0.1);
  EXPECT_THROW(morris_indices(std::vector<double>(3), design.layout), std::invalid_argument);
}

}  // namespace
}  // namespace score::experiment
