#include "experiment/design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>
#include <vector>

namespace score::experiment {
namespace {

std::vector<double> column(const Points& points, std::size_t c) {
  std::vector<double> out;
  for (const auto& p : points) out.push_back(p[c]);
  return out;
}

TEST(experiment_design, FullFactorialCountsAndOrdersCombinations) {
  const std::vector<Factor> factors{
      {"share", 0.0, 1.0, false, {}}, {"seats", 0, 0, false, {10, 20}}, {"budget", 1.0, 100.0, true, {}}};
  const Points points = full_factorial(factors, 3);
  ASSERT_EQ(points.size(), 3u * 2u * 3u);
  // Last factor fastest, like nested loops.
  EXPECT_EQ(points[0], (std::vector<double>{0.0, 10, 1.0}));
  EXPECT_EQ(points[1][2], 10.0);  // geometric middle of [1, 100]
  EXPECT_EQ(points[2], (std::vector<double>{0.0, 10, 100.0}));
  EXPECT_EQ(points[3], (std::vector<double>{0.0, 20, 1.0}));
  EXPECT_EQ(points[6], (std::vector<double>{0.5, 10, 1.0}));
  EXPECT_EQ(points.back(), (std::vector<double>{1.0, 20, 100.0}));
  EXPECT_EQ(std::set<std::vector<double>>(points.begin(), points.end()).size(), points.size());
}

TEST(experiment_design, FullFactorialEdgeCases) {
  EXPECT_EQ(full_factorial({}, 3), Points(1));  // no factors: the base run
  EXPECT_EQ(full_factorial({{"k", 0, 0, false, {7}}}, 0), Points{{7.0}});
  EXPECT_THROW(full_factorial({{"x", 0, 1, false, {}}}, 1), std::invalid_argument);
  EXPECT_THROW(full_factorial({{"x", 0, 1, true, {}}}, 3), std::invalid_argument);
}

// Sorted, column i must fall in [i/n, (i+1)/n): one point per stratum.
TEST(experiment_design, LatinHypercubeStratifiesEveryDimension) {
  for (int n : {1, 7, 100, 1000}) {
    const Points points = latin_hypercube(n, 6, 42);
    ASSERT_EQ(points.size(), static_cast<std::size_t>(n));
    for (std::size_t d = 0; d < 6; ++d) {
      std::vector<double> x = column(points, d);
      std::sort(x.begin(), x.end());
      for (int i = 0; i < n; ++i) {
        EXPECT_GE(x[static_cast<std::size_t>(i)], static_cast<double>(i) / n);
        EXPECT_LT(x[static_cast<std::size_t>(i)], static_cast<double>(i + 1) / n);
      }
    }
  }
}

TEST(experiment_design, LatinHypercubePermutesDimensionsIndependently) {
  const Points points = latin_hypercube(50, 3, 42);
  EXPECT_NE(column(points, 0), column(points, 1));
  // Not the identity order either.
  const std::vector<double> x = column(points, 0);
  EXPECT_FALSE(std::is_sorted(x.begin(), x.end()));
}

TEST(experiment_design, SameSeedSameDesign) {
  EXPECT_EQ(latin_hypercube(64, 5, 9), latin_hypercube(64, 5, 9));
  EXPECT_NE(latin_hypercube(64, 5, 9), latin_hypercube(64, 5, 10));
  const MorrisDesign a = morris(10, 4, 4, 3), b = morris(10, 4, 4, 3);
  EXPECT_EQ(a.points, b.points);
  EXPECT_NE(a.points, morris(10, 4, 4, 4).points);
  EXPECT_EQ(saltelli(32, 3), saltelli(32, 3));
}

TEST(experiment_design, SaltelliBlocksAreABAndTheMixedMatrices) {
  const int n = 64, k = 4;
  const Points points = saltelli(n, k, 8);
  const Points base = sobol_sequence(n, 2 * k, 8);
  const SaltelliLayout at{n, k};
  ASSERT_EQ(points.size(), static_cast<std::size_t>(at.rows()));
  ASSERT_EQ(at.rows(), n * (k + 2));
  for (int j = 0; j < n; ++j) {
    const auto& a = points[static_cast<std::size_t>(at.a(j))];
    const auto& b = points[static_cast<std::size_t>(at.b(j))];
    const auto& s = base[static_cast<std::size_t>(j)];
    EXPECT_EQ(a, std::vector<double>(s.begin(), s.begin() + k));
    EXPECT_EQ(b, std::vector<double>(s.begin() + k, s.end()));
    for (int i = 0; i < k; ++i) {
      auto expected = a;
      expected[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(i)];
      EXPECT_EQ(points[static_cast<std::size_t>(at.ab(i, j))], expected) << "AB_" << i << " row " << j;
    }
  }
  EXPECT_EQ(at.ab(0, 0), 2 * n);
  EXPECT_EQ(at.ab(k - 1, n - 1), at.rows() - 1);
  EXPECT_THROW(saltelli(8, sobol_max_dimension() / 2 + 1), std::invalid_argument);
}

TEST(experiment_design, MorrisTrajectoriesMoveOneFactorByDelta) {
  const int r = 25, k = 6, levels = 4;
  const double delta = levels / (2.0 * (levels - 1));
  const MorrisDesign design = morris(r, k, levels, 11);
  const MorrisLayout& at = design.layout;
  ASSERT_EQ(design.points.size(), static_cast<std::size_t>(r * (k + 1)));
  std::set<std::vector<int>> orders;
  int ups = 0;
  for (int t = 0; t < r; ++t) {
    std::vector<int> order;
    for (int s = 0; s < k; ++s) {
      const auto& before = design.points[static_cast<std::size_t>(at.row(t, s))];
      const auto& after = design.points[static_cast<std::size_t>(at.row(t, s + 1))];
      const MorrisStep& step = at.step(t, s);
      EXPECT_DOUBLE_EQ(std::abs(step.delta), delta);
      for (int f = 0; f < k; ++f) {
        const auto c = static_cast<std::size_t>(f);
        EXPECT_TRUE(after[c] >= 0.0 && after[c] <= 1.0);
        EXPECT_DOUBLE_EQ(after[c] * (levels - 1), std::round(after[c] * (levels - 1)));  // on the grid
        if (f == step.factor)
          EXPECT_NEAR(after[c] - before[c], step.delta, 1e-15);
        else
          EXPECT_EQ(after[c], before[c]);
      }
      order.push_back(step.factor);
      ups += step.delta > 0;
    }
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5}));  // each factor once
    orders.insert(order);
  }
  EXPECT_GT(orders.size(), 20u);  // orders are random ...
  EXPECT_GT(ups, r * k / 4);      // ... and so are directions
  EXPECT_LT(ups, 3 * r * k / 4);
  EXPECT_THROW(morris(4, 3, 5, 1), std::invalid_argument);  // odd levels leave the grid
}

TEST(experiment_design, MapToRangesHandlesLinearLogAndDiscrete) {
  const std::vector<Factor> factors{
      {"rate", 2.0, 4.0, false, {}}, {"budget", 1.0, 100.0, true, {}}, {"mode", 0, 0, false, {1, 2, 3}}};
  const Points values =
      map_to_ranges({{0.25, 0.5, 0.0}, {0.0, 0.0, 0.34}, {1.0, 1.0, 0.999}, {0.5, 0.25, 1.0}}, factors);
  EXPECT_DOUBLE_EQ(values[0][0], 2.5);
  EXPECT_DOUBLE_EQ(values[0][1], 10.0);
  EXPECT_EQ(values[0][2], 1.0);
  EXPECT_EQ(values[1], (std::vector<double>{2.0, 1.0, 2.0}));
  EXPECT_DOUBLE_EQ(values[2][0], 4.0);
  EXPECT_DOUBLE_EQ(values[2][1], 100.0);
  EXPECT_EQ(values[2][2], 3.0);
  EXPECT_DOUBLE_EQ(values[3][1], std::sqrt(10.0));
  EXPECT_EQ(values[3][2], 3.0);  // u = 1 is the last level
  EXPECT_THROW(map_to_ranges({{0.5, 0.5}}, factors), std::invalid_argument);
  EXPECT_THROW(map_to_ranges({{0.5, 1.5, 0.5}}, factors), std::invalid_argument);
}

}  // namespace
}  // namespace score::experiment
