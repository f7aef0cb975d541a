// Reading back what `score seek` prints, for the Planning tab.
#include "seek_text.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace score::viewer {
namespace {

// As docs/user-guide.md shows it (Step 3 of planning a Phase V).
const char* kAnswered =
    "score seek lean: the smallest funders.SECO.budget_usd.V in [0, 30,000,000] (the scenario's range) at "
    "which\n"
    "  firms_trained_total >= 900 from 2025-01 to 2029-12 holds with probability >= 0.8\n"
    "  (Wilson 95% intervals; replications 0, 1, ... of seed 20090101 at every value: common random "
    "numbers)\n"
    "             value   runs    met  P(met)  interval        verdict\n"
    "        30,000,000     20     20   1.000  [0.839, 1.000]  meets\n"
    "                 0     20      0   0.000  [0.000, 0.161]  fails\n"
    "         4,453,125     40     22   0.550  [0.398, 0.693]  fails\n"
    "answer: funders.SECO.budget_usd.V = 4,687,500 (95% interval [4,453,125, 4,687,500])\n"
    "runs: 200 replications at 9 values\n";

TEST(ViewerSeekText, ReadsTheAnswerAndItsInterval) {
  const SeekText s = parse_seek_text(kAnswered, "seek.txt");
  ASSERT_TRUE(s.answered);
  EXPECT_EQ(s.lever, "funders.SECO.budget_usd.V");
  EXPECT_EQ(s.answer, "4,687,500");
  EXPECT_EQ(s.confidence, "95");
  EXPECT_EQ(s.interval_lo, "4,453,125");
  EXPECT_EQ(s.interval_hi, "4,687,500");
  EXPECT_EQ(s.runs, "200 replications at 9 values");
  EXPECT_NE(s.question.find("firms_trained_total >= 900 from 2025-01 to 2029-12 holds"), std::string::npos);
}

TEST(ViewerSeekText, ReadsEveryValueTried) {
  const SeekText s = parse_seek_text(kAnswered, "seek.txt");
  ASSERT_EQ(s.probes.size(), 3u);
  EXPECT_EQ(s.probes[2].value, "4,453,125");
  EXPECT_EQ(s.probes[2].runs, "40");
  EXPECT_EQ(s.probes[2].met, "22");
  EXPECT_EQ(s.probes[2].interval, "[0.398, 0.693]");
  EXPECT_EQ(s.probes[2].verdict, "fails");
}

TEST(ViewerSeekText, KeepsTheReasonForNoAnswer) {
  const SeekText s = parse_seek_text(
      "score seek history: the smallest x in [0, 1] at which\n"
      "             value   runs    met  P(met)  interval        verdict\n"
      "                 1     20      3   0.150  [0.052, 0.360]  below\n"
      "score seek: no answer: \"firms_trained >= 1e9 at 2020-12\" is out of reach within [0, 1]\n",
      "seek.txt");
  EXPECT_FALSE(s.answered);
  EXPECT_NE(s.no_answer.find("out of reach"), std::string::npos);
  EXPECT_EQ(s.probes.size(), 1u);
}

TEST(ViewerSeekText, OtherTextIsAnErrorNamingTheFile) {
  try {
    parse_seek_text("[sweep]\nname = \"x\"\n", "policies.toml");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("policies.toml:1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_seek_text("", "empty.txt"), std::runtime_error);
}

}  // namespace
}  // namespace score::viewer
