// PRIM and the feature scores on synthetic data whose answer is known: a
// planted box of cases is found with its bounds, inputs that play no part
// are left unrestricted and score near zero.
#include "experiment/prim.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "experiment/feature_scores.hpp"

namespace score::experiment {
namespace {

// 2,000 points spread evenly over [0, 1)^4; cases: 0.2 <= x0 <= 0.6 and x2 >= 0.7.
struct Planted {
  Points x = latin_hypercube(2000, 4, 11);
  std::vector<bool> is_case;
  Planted() {
    for (const auto& row : x) is_case.push_back(row[0] >= 0.2 && row[0] <= 0.6 && row[2] >= 0.7);
  }
};

TEST(prim, RecoversAPlantedBox) {
  const Planted data;
  const PrimResult r = prim(data.x, data.is_case);
  ASSERT_GT(r.trajectory.size(), 3u);
  EXPECT_DOUBLE_EQ(r.trajectory.front().coverage, 1.0);
  EXPECT_DOUBLE_EQ(r.trajectory.front().mass, 1.0);
  const PrimBox& box = r.trajectory[choose_box(r, 0.8)];
  EXPECT_GT(box.density, 0.95);
  EXPECT_GT(box.coverage, 0.8);
  EXPECT_EQ(box.restricted, 2);
  EXPECT_NEAR(box.lo[0], 0.2, 0.03);
  EXPECT_NEAR(box.hi[0], 0.6, 0.03);
  EXPECT_NEAR(box.lo[2], 0.7, 0.03);
  EXPECT_DOUBLE_EQ(box.hi[2], r.data_hi[2]);
  for (const std::size_t j : {1u, 3u}) {
    EXPECT_DOUBLE_EQ(box.lo[j], r.data_lo[j]) << j;
    EXPECT_DOUBLE_EQ(box.hi[j], r.data_hi[j]) << j;
  }
  const std::vector<double> p = quasi_p_values(r, box, data.x, data.is_case);
  EXPECT_LT(p[0], 1e-6);
  EXPECT_LT(p[2], 1e-6);
  EXPECT_TRUE(std::isnan(p[1]));
}

TEST(prim, DensityNeverFallsWhilePastingAndCoverageNeverRisesWhilePeeling) {
  Planted data;
  // Label noise: every 20th point flipped, so no box is pure.
  for (std::size_t i = 0; i < data.is_case.size(); i += 20) data.is_case[i] = !data.is_case[i];
  const PrimResult r = prim(data.x, data.is_case);
  for (std::size_t b = 1; b < r.trajectory.size(); ++b) {
    const PrimBox &box = r.trajectory[b], &before = r.trajectory[b - 1];
    if (box.pasted)
      EXPECT_GT(box.density, before.density) << b;
    else
      EXPECT_LE(box.coverage, before.coverage) << b;
    EXPECT_GE(box.mass, 0.05 - 1e-12) << b;
  }
  const PrimBox& box = r.trajectory[choose_box(r, 0.6)];
  EXPECT_NEAR(box.lo[0], 0.2, 0.05);
  EXPECT_NEAR(box.hi[0], 0.6, 0.05);
  EXPECT_NEAR(box.lo[2], 0.7, 0.05);
}

TEST(prim, PeelsDiscreteInputsAtTheirValues) {
  Points x;
  std::vector<bool> is_case;
  for (int i = 0; i < 400; ++i) {
    const double level = i % 4, u = (i * 37 % 400) / 400.0;
    x.push_back({level, u});
    is_case.push_back(level == 3);
  }
  const PrimResult r = prim(x, is_case);
  const PrimBox& box = r.trajectory[choose_box(r, 0.9)];
  EXPECT_DOUBLE_EQ(box.density, 1.0);
  EXPECT_DOUBLE_EQ(box.coverage, 1.0);
  EXPECT_DOUBLE_EQ(box.lo[0], 3.0);
}

TEST(prim, NoCasesGiveTheWholeBox) {
  const Points x = latin_hypercube(50, 2, 1);
  const PrimResult r = prim(x, std::vector<bool>(50, false));
  ASSERT_EQ(r.trajectory.size(), 1u);
  EXPECT_EQ(choose_box(r, 0.5), 0u);
}

TEST(prim, RefusesBadInput) {
  EXPECT_THROW(prim({}, {}), std::invalid_argument);
  EXPECT_THROW(prim({{0.0}, {1.0}}, {true}), std::invalid_argument);
  EXPECT_THROW(prim({{0.0}, {NAN}}, {true, false}), std::invalid_argument);
  EXPECT_THROW(prim({{0.0}, {1.0}}, {true, false}, {0.5, 0.05, 0.05}), std::invalid_argument);
}

// A categorical input (four policy options, index 0-3) next to two numeric
// ones; cases: option 1 or 3 and x0 >= 0.5. The box keeps exactly the two
// options as a set, not the interval 1-3 that would take option 2 in, and
// option 0 (between nothing) is dropped although it is the lowest.
TEST(prim, FindsASetOfCategoriesOfACategoricalInput) {
  Points x = latin_hypercube(1600, 2, 5);
  std::vector<bool> is_case;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double option = static_cast<double>(i % 4);
    x[i].push_back(option);
    is_case.push_back((option == 1 || option == 3) && x[i][0] >= 0.5);
  }
  const PrimResult r = prim(x, is_case, {}, {false, false, true});
  EXPECT_EQ(r.data_categories[2], 0b1111u);
  EXPECT_EQ(r.data_categories[0], 0u);
  const PrimBox& box = r.trajectory[choose_box(r, 0.8)];
  EXPECT_EQ(box.categories[2], 0b1010u);
  EXPECT_DOUBLE_EQ(box.lo[2], 1.0);
  EXPECT_DOUBLE_EQ(box.hi[2], 3.0);
  EXPECT_NEAR(box.lo[0], 0.5, 0.03);
  EXPECT_GT(box.density, 0.95);
  EXPECT_EQ(box.restricted, 2);
  EXPECT_FALSE(inside(box, {0.9, 0.5, 2.0}));
  EXPECT_TRUE(inside(box, {0.9, 0.5, 3.0}));
  const std::vector<double> p = quasi_p_values(r, box, x, is_case);
  EXPECT_LT(p[2], 1e-6);  // the option restriction matters
  EXPECT_TRUE(std::isnan(p[1]));
  // Every step down the trajectory peels or pastes whole options.
  for (const PrimBox& b : r.trajectory) EXPECT_NE(b.categories[2], 0u);
}

TEST(prim, RefusesACategoricalInputThatIsNotAWholeNumber) {
  const Points x{{0.5, 1.0}, {0.2, 2.5}, {0.1, 0.0}};
  EXPECT_THROW(prim(x, {true, false, false}, {}, {false, true}), std::invalid_argument);
  EXPECT_THROW(prim(x, {true, false, false}, {}, {true}), std::invalid_argument);
  EXPECT_THROW(prim({{0.5, 64.0}, {0.2, 1.0}}, {true, false}, {}, {false, true}), std::invalid_argument);
}

TEST(prim, BinomialTailMatchesExactValues) {
  EXPECT_NEAR(binomial_upper_tail(10, 5, 0.5), 638.0 / 1024.0, 1e-12);
  EXPECT_NEAR(binomial_upper_tail(3, 3, 0.2), 0.008, 1e-12);
  EXPECT_DOUBLE_EQ(binomial_upper_tail(3, 0, 0.2), 1.0);
}

TEST(feature_scores, RankTheInputsThatDriveTheOutcome) {
  const Points x = latin_hypercube(500, 3, 4);
  std::vector<double> y;
  std::vector<bool> is_case;
  for (const auto& row : x) {
    y.push_back(3 * row[0] - row[1]);  // x2 plays no part
    is_case.push_back(y.back() > 2);
  }
  const FeatureScores s = feature_scores(x, y, is_case);
  EXPECT_GT(s.srrc[0], 0.8);
  EXPECT_LT(s.srrc[1], -0.1);
  EXPECT_LT(std::fabs(s.srrc[2]), 0.05);
  EXPECT_GT(s.r2, 0.9);
  EXPECT_GT(s.ks[0], 0.5);
  EXPECT_LT(s.ks[2], 0.2);
}

TEST(feature_scores, ConstantInputsAndOutcomesScoreNothing) {
  const Points x{{1, 0.1}, {1, 0.5}, {1, 0.9}, {1, 0.3}};
  const FeatureScores s = feature_scores(x, {1, 2, 3, 4}, {false, false, true, true});
  EXPECT_TRUE(std::isnan(s.srrc[0]));
  EXPECT_NEAR(s.srrc[1], 0.4, 1e-12);  // Spearman: 1 - 6 * 6 / (4 * 15)
  EXPECT_DOUBLE_EQ(s.ks[0], 0.0);
  EXPECT_EQ(ranks({2, 1, 2, 5}), (std::vector<double>{2.5, 1, 2.5, 4}));
  EXPECT_DOUBLE_EQ(ks_distance({1, 2}, {3, 4}), 1.0);
}

}  // namespace
}  // namespace score::experiment
