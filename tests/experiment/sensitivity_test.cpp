#include "experiment/sensitivity.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <vector>

#include "experiment/design.hpp"

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

std::vector<double> evaluate_ishigami(int n) {
  const std::vector<Factor> box(3, Factor{"x", -kPi, kPi, false, {}});
  std::vector<double> y;
  for (const auto& x : map_to_ranges(saltelli(n, 3), box)) y.push_back(ishigami(x));
  return y;
}

TEST(experiment_sensitivity, IshigamiTruthMatchesPublishedValues) {
  const IshigamiTruth truth = ishigami_truth();
  EXPECT_NEAR(truth.first[0], 0.3139, 5e-5);
  EXPECT_NEAR(truth.first[1], 0.4424, 5e-5);
  EXPECT_NEAR(truth.total[0], 0.5576, 5e-5);
  EXPECT_NEAR(truth.total[2], 0.2437, 5e-5);
}

TEST(experiment_sensitivity, SobolIndicesRecoverIshigami) {
  const auto start = std::chrono::steady_clock::now();
  const int n = 8192;
  const SobolIndices s = sobol_indices(evaluate_ishigami(n), n, 3);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const IshigamiTruth truth = ishigami_truth();
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(s.first[i], truth.first[i], 0.03) << "S" << i + 1;
    EXPECT_NEAR(s.total[i], truth.total[i], 0.03) << "ST" << i + 1;
    EXPECT_LE(s.first_lo[i], truth.first[i]) << "S" << i + 1;
    EXPECT_GE(s.first_hi[i], truth.first[i]) << "S" << i + 1;
    EXPECT_LE(s.total_lo[i], truth.total[i]) << "ST" << i + 1;
    EXPECT_GE(s.total_hi[i], truth.total[i]) << "ST" << i + 1;
    EXPECT_LE(s.first_lo[i], s.first[i]);
    EXPECT_GE(s.first_hi[i], s.first[i]);
  }
  EXPECT_LT(seconds, 2.0);
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
