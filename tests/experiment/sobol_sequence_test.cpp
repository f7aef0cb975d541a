#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "core/rng.hpp"
#include "experiment/design.hpp"

namespace score::experiment {
namespace {

// Which of the 2^bits equal intervals of [0, 1) holds x; exact for Sobol'
// points, which are 32-bit binary fractions.
std::size_t cell(double x, int bits) { return static_cast<std::size_t>(std::ldexp(x, bits)); }

// Dimensions 1 and 2 match scipy.stats.qmc.Sobol(d=2, scramble=False)
// (scipy's test_qmc.py, TestSobol.unscramble_nd); dimension 3 (s = 2, a = 1,
// m = 1, 3) is worked by hand: v = 1/2, 3/4, then v3 = v1 ^ v1/4 ^ v2 = 3/8.
TEST(experiment_sobol_sequence, FirstPointsEqualPublishedValues) {
  const std::vector<std::vector<double>> expected{
      {0.0, 0.0, 0.0},       {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},    {0.25, 0.75, 0.75},
      {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  EXPECT_EQ(sobol_sequence(8, 3), expected);
}

TEST(experiment_sobol_sequence, SkipContinuesTheSameSequence) {
  const Points all = sobol_sequence(40, 6);
  const Points tail = sobol_sequence(27, 6, 13);
  for (std::size_t i = 0; i < tail.size(); ++i) EXPECT_EQ(tail[i], all[i + 13]) << "point " << i;
}

// In Gray-code order point i is the base-2 radical inverse of gray(i), so
// each block of 2^m points is the van der Corput block, permuted.
TEST(experiment_sobol_sequence, FirstDimensionIsVanDerCorput) {
  const Points points = sobol_sequence(64, 1);
  for (std::size_t i = 0; i < points.size(); ++i) {
    double radical_inverse = 0, place = 0.5;
    for (std::size_t gray = i ^ (i >> 1); gray != 0; gray >>= 1, place /= 2)
      if (gray & 1) radical_inverse += place;
    EXPECT_EQ(points[i][0], radical_inverse);
  }
}

// For n = 2^m (from a start that is a multiple of 2^m) each dimension puts
// exactly one point in every dyadic interval of length 2^-m.
TEST(experiment_sobol_sequence, EveryDimensionIsStratifiedAtPowersOfTwo) {
  const int k = sobol_max_dimension();
  ASSERT_GE(k, 21);
  for (int m : {1, 4, 10}) {
    const int n = 1 << m;
    for (int skip : {0, n, 3 * n}) {
      const Points points = sobol_sequence(n, k, skip);
      for (int d = 0; d < k; ++d) {
        std::vector<int> count(static_cast<std::size_t>(n), 0);
        for (const auto& p : points) ++count[cell(p[static_cast<std::size_t>(d)], m)];
        EXPECT_EQ(std::count(count.begin(), count.end(), 1), n) << "m=" << m << " dim " << d;
      }
    }
  }
}

// Dimensions 1 and 2 form a (0, 2)-sequence: the first 2^m points put exactly
// one point in every dyadic box of area 2^-m, whatever its shape.
TEST(experiment_sobol_sequence, FirstTwoDimensionsFillEveryElementaryBox) {
  for (int m = 0; m <= 10; ++m) {
    const Points points = sobol_sequence(1 << m, 2);
    for (int across = 0; across <= m; ++across) {
      const int down = m - across;
      std::vector<int> count(std::size_t{1} << m, 0);
      for (const auto& p : points) ++count[(cell(p[0], across) << down) + cell(p[1], down)];
      EXPECT_EQ(std::count(count.begin(), count.end(), 1), 1 << m) << m << ": " << across;
    }
  }
}

// A discrepancy proxy: the worst gap between the share of points in an
// anchored box [0, a) x [0, b) and its area, over a 32 x 32 grid of corners.
double anchored_box_discrepancy(const Points& points) {
  double worst = 0;
  for (int i = 1; i <= 32; ++i)
    for (int j = 1; j <= 32; ++j) {
      const double a = i / 32.0, b = j / 32.0;
      const auto inside =
          std::count_if(points.begin(), points.end(), [&](const auto& p) { return p[0] < a && p[1] < b; });
      worst =
          std::max(worst, std::abs(static_cast<double>(inside) / static_cast<double>(points.size()) - a * b));
    }
  return worst;
}

TEST(experiment_sobol_sequence, IsMoreUniformThanRandomPoints) {
  const int n = 1024;
  Points random(n, std::vector<double>(2));
  Rng rng(7, 0, 0, 0, std::uint16_t{1});
  for (auto& p : random) p = {rng.uniform(), rng.uniform()};
  const double sobol = anchored_box_discrepancy(sobol_sequence(n, 2));
  // Every box of this grid is a union of elementary boxes, so the count is
  // exact; random points miss by O(1/sqrt(n)).
  EXPECT_LT(sobol, 1e-12);
  EXPECT_GT(anchored_box_discrepancy(random), 10 * sobol + 0.005);
}

TEST(experiment_sobol_sequence, RejectsDimensionsBeyondTheTable) {
  EXPECT_THROW(sobol_sequence(4, 0), std::invalid_argument);
  EXPECT_THROW(sobol_sequence(4, sobol_max_dimension() + 1), std::invalid_argument);
  EXPECT_THROW(sobol_sequence(-1, 2), std::invalid_argument);
}

}  // namespace
}  // namespace score::experiment
