// The chart range rule: an isolated start-up spike is left off the axis, a
// sustained rise never is.
#include "axis_range.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace score::viewer {
namespace {

ValueRange range_of(const std::vector<double>& mid) { return value_range({{&mid, nullptr, nullptr}}, true); }

TEST(ViewerAxisRange, LeavesOffAStartUpSpike) {
  // Donor cost per firm: the first three months of a programme cost a
  // fortune per firm, then about 4,000 for fifteen years.
  std::vector<double> cost(180, 4000.0);
  cost[0] = 1.5e6, cost[1] = 4e5, cost[2] = 9e4;
  const ValueRange r = range_of(cost);
  EXPECT_TRUE(r.cut);
  EXPECT_DOUBLE_EQ(r.hi, 4000.0);
}

TEST(ViewerAxisRange, KeepsASustainedRise) {
  // Firms trained by a buyer-led Phase III: flat, then a rise that stays.
  std::vector<double> firms(180, 100.0);
  for (std::size_t t = 120; t < firms.size(); ++t) firms[t] = 100.0 + 60.0 * static_cast<double>(t - 119);
  const ValueRange r = range_of(firms);
  EXPECT_FALSE(r.cut);
  EXPECT_DOUBLE_EQ(r.hi, firms.back());
}

TEST(ViewerAxisRange, LeavesOffALongStartUpTransient) {
  // As in the history: no firm reached for a year (gaps), then a cost per
  // firm that decays over a year and a half from USD 1.2 M.
  std::vector<double> cost(264, NAN);
  for (std::size_t t = 12; t < cost.size(); ++t)
    cost[t] = 15000.0 + 1.2e6 * std::exp(-static_cast<double>(t - 12) / 5.0);
  const ValueRange r = range_of(cost);
  EXPECT_TRUE(r.cut);
  EXPECT_LT(r.hi, 80000.0);
}

TEST(ViewerAxisRange, KeepsAHighPlateauInTheMiddle) {
  // A phase of a year at ten times the rest is a result, not a glitch.
  std::vector<double> v(180, 10.0);
  for (std::size_t t = 60; t < 72; ++t) v[t] = 100.0;
  const ValueRange r = range_of(v);
  EXPECT_FALSE(r.cut);
  EXPECT_DOUBLE_EQ(r.hi, 100.0);
}

TEST(ViewerAxisRange, TheBandOfACutMonthIsCutToo) {
  std::vector<double> mid(180, 4000.0), lo(180, 3500.0), hi(180, 4500.0);
  mid[0] = 1.5e6, lo[0] = 1e6, hi[0] = 2e6;
  const ValueRange r = value_range({{&mid, &lo, &hi}}, true);
  EXPECT_TRUE(r.cut);
  EXPECT_DOUBLE_EQ(r.hi, 4500.0);
}

TEST(ViewerAxisRange, NotRobustKeepsEverything) {
  std::vector<double> cost(180, 4000.0);
  cost[0] = 1.5e6;
  const ValueRange r = value_range({{&cost, nullptr, nullptr}}, false);
  EXPECT_FALSE(r.cut);
  EXPECT_DOUBLE_EQ(r.hi, 1.5e6);
}

TEST(ViewerAxisRange, GapsAreSkipped) {
  std::vector<double> v(180, 5.0);
  v[3] = NAN, v[0] = 1e5;
  const ValueRange r = range_of(v);
  EXPECT_TRUE(r.cut);
  EXPECT_DOUBLE_EQ(r.hi, 5.0);
}

}  // namespace
}  // namespace score::viewer
