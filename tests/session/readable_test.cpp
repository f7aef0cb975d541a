#include "session/readable.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace score::session {
namespace {

using S = sim::Summary;

TEST(Readable, ValuesCarryTheirUnits) {
  EXPECT_EQ(readable_value(1374520.4, S::delivery_cost_usd), "USD 1,374,520");
  EXPECT_EQ(readable_value(0.5734, S::cost_recovery), "57.3%");
  EXPECT_EQ(readable_value(12345.6, S::firms_trained), "12,346");
  EXPECT_EQ(readable_value(8.44, S::payback_months), "8.44 months");
  EXPECT_EQ(readable_value(NAN, S::firms_trained), "-");
}

TEST(Readable, DifferencesAreSignedAndSharesInPoints) {
  EXPECT_EQ(readable_difference(-12345, S::donor_spend_usd), "-USD 12,345");
  EXPECT_EQ(readable_difference(0.032, S::cost_recovery), "+3.2 pp");
  EXPECT_EQ(readable_difference(0, S::firms_trained), "0");
  EXPECT_EQ(readable_relative(-0.0534), "-5.3%");
  const Difference d{5, 2, 8, 0.1, Pairing::paired, Verdict::differs};
  EXPECT_EQ(readable_interval(d, S::firms_trained), "[+2.00, +8.00]");
}

TEST(Readable, BetterOrWorseFollowsTheSummarysDirection) {
  const Difference lower{-100, -150, -50, -0.1, Pairing::paired, Verdict::differs};
  EXPECT_EQ(judge(lower, S::donor_cost_per_firm_usd), Judgement::better);
  EXPECT_EQ(judge(lower, S::firms_trained), Judgement::worse);
  EXPECT_EQ(judge(lower, S::donor_spend_usd), Judgement::lower);
  const Difference noise{-1, -5, 3, -0.01, Pairing::welch, Verdict::within_noise};
  EXPECT_STREQ(judgement_name(judge(noise, S::firms_trained)), "within noise");
  const Difference same{0, 0, 0, 0, Pairing::paired, Verdict::within_noise};
  EXPECT_EQ(judge(same, S::firms_trained), Judgement::identical);
}

}  // namespace
}  // namespace score::session
