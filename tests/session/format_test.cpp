#include "session/format.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace score::session {
namespace {

using S = sim::Summary;

TEST(Format, ThousandsSeparatorsCurrencyAndPercent) {
  EXPECT_EQ(format_value(1374520.4, Kind::usd), "USD 1,374,520");
  EXPECT_EQ(format_value(12.5, Kind::usd), "USD 12.50");
  EXPECT_EQ(format_value(0.5712, Kind::share), "57.1 %");
  EXPECT_EQ(format_value(1234567, Kind::count), "1,234,567");
  EXPECT_EQ(format_value(999, Kind::count), "999");
  EXPECT_EQ(format_value(NAN, Kind::count), "-");
  EXPECT_EQ(grouped(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(grouped(-0.0001, 1), "0.0");  // no "-0.0"
}

TEST(Format, DifferencesInPointsForSharesAndWithTheirRelativeChange) {
  EXPECT_EQ(format_difference(0.041, 0.1, Kind::share), "+4.1 pp");
  EXPECT_EQ(format_difference(-12400, -0.032, Kind::count), "-12,400 (-3.2 %)");
  EXPECT_EQ(format_difference(50000, NAN, Kind::usd), "+USD 50,000");
}

TEST(Format, RoundingNoiseIsNoChange) {
  EXPECT_TRUE(is_noise(0.57, 0.57 - 5.4948e-11));
  EXPECT_TRUE(is_noise(1374520.0, 1374520.0 + 1e-7));
  EXPECT_FALSE(is_noise(0.57, 0.5701));
  EXPECT_FALSE(is_noise(0, 1e-3));
  EXPECT_EQ(judgement(S::cost_recovery, -5.4948e-11, is_noise(0.57, 0.57 - 5.4948e-11)), 0);
}

// Colours mean better or worse for what the output is for, not the sign.
TEST(Format, ADropInDonorCostPerFirmIsBetter) {
  EXPECT_EQ(judgement(S::donor_cost_per_firm_usd, -1000, false), 1);
  EXPECT_EQ(judgement(S::donor_cost_per_firm_usd, 1000, false), -1);
  EXPECT_EQ(judgement(S::firms_trained, 10, false), 1);
  EXPECT_EQ(judgement(S::firms_trained, -10, false), -1);
  EXPECT_EQ(judgement(S::delivery_cost_usd, 1000, false), 0);  // a choice, not a result
  EXPECT_EQ(kind_of(S::cost_recovery), Kind::share);
  EXPECT_EQ(kind_of(S::donor_spend_usd), Kind::usd);
  EXPECT_EQ(kind_of(S::firms_trained), Kind::count);
}

}  // namespace
}  // namespace score::session
