#include "session/session.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "session_files.hpp"

namespace score::session {
namespace {

using SessionTest = testing::SessionFiles;

TEST_F(SessionTest, InvalidLeverIsMarkedAndBlocksTheRun) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_lever("phases.I.fee_share", 1.5);
  EXPECT_FALSE(s.valid());
  EXPECT_FALSE(s.problem_at("phases.I.fee_share").empty());
  EXPECT_NE(s.start(), "");
  EXPECT_EQ(s.current(), nullptr);
  s.reset_lever("phases.I.fee_share");
  EXPECT_TRUE(s.valid());
}

TEST_F(SessionTest, BadScenarioFileKeepsTheOpenOne) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_lever("phases.I.fee_share", 0.4);
  EXPECT_NE(s.open(dir / "missing.toml"), "");
  EXPECT_EQ(s.file(), testing::small_scenario());
  EXPECT_TRUE(s.edits().contains("phases.I.fee_share"));
}

TEST_F(SessionTest, SavedScenarioValidatesAndHoldsTheEdit) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_lever("phases.II.subsidy_share", 0.1);
  ASSERT_EQ(s.save_scenario(dir / "mine.toml"), "");
  Session reopened;
  ASSERT_EQ(reopened.open(dir / "mine.toml"), "");
  EXPECT_TRUE(reopened.valid());
  EXPECT_DOUBLE_EQ(find_lever(reopened.levers(), "phases.II.subsidy_share")->value, 0.1);
}

TEST_F(SessionTest, SavingOverTheOpenScenarioIsRefused) {
  const auto copy = dir / "mine.toml";
  std::filesystem::copy_file(testing::small_scenario(), copy);
  Session s;
  ASSERT_EQ(s.open(copy), "");
  s.set_lever("phases.II.subsidy_share", 0.1);
  EXPECT_NE(s.save_scenario(copy), "");
  EXPECT_EQ(scenario::load_scenario(copy).model.name, "small");  // still the full scenario
}

TEST_F(SessionTest, PinnedRunComparesWithTheEditedRun) {
  Session s;
  testing::run_small(s);
  ASSERT_TRUE(s.pin());
  s.set_lever("phases.I.marketing_usd_per_month", 20000);
  ASSERT_EQ(s.start(), "");
  s.wait();
  const auto rows = s.comparison();
  ASSERT_FALSE(rows.empty());
  bool pinned_known = false, differs = false;
  for (const ComparisonRow& r : rows) {
    pinned_known = pinned_known || !std::isnan(r.pinned);
    differs = differs || (r.difference != 0 && !std::isnan(r.difference));
  }
  EXPECT_TRUE(pinned_known);
  EXPECT_TRUE(differs);
  EXPECT_NE(s.pinned()->label, s.current()->label);
}

TEST_F(SessionTest, CompareWithPinsAndRunsTheOtherScenario) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  ASSERT_EQ(s.start(), "");
  s.set_lever("phases.I.fee_share", 0.4);  // edits belong to the first scenario
  ASSERT_EQ(s.compare_with(testing::small_scenario()), "");
  s.wait();
  ASSERT_NE(s.pinned(), nullptr);
  ASSERT_NE(s.current(), nullptr);
  EXPECT_TRUE(s.edits().empty());
  EXPECT_EQ(s.current()->status, RunStatus::finished);
}

}  // namespace
}  // namespace score::session
