// The run library: runs kept rather than lost, stale runs marked, stable
// colours, the levers in which runs differ, edits undone.
#include <gtest/gtest.h>

#include "session_files.hpp"

namespace score::session {
namespace {

std::filesystem::path scenario(const char* name) {
  return std::filesystem::path(SCORE_SOURCE_DIR) / "scenarios" / name;
}

TEST(RunLibrary, ARunAfterAFinishedOneKeepsIt) {
  Session s;
  testing::run_small(s, 2);
  ASSERT_EQ(s.start(), "");
  s.wait();
  ASSERT_EQ(s.runs().size(), 2u);
  EXPECT_EQ(s.runs()[0].snapshot->status, RunStatus::finished);
  EXPECT_FALSE(s.runs()[0].current);
  EXPECT_TRUE(s.runs()[1].current);
}

TEST(RunLibrary, ALeverEditMakesTheRunStaleAndARunMakesItCurrent) {
  Session s;
  testing::run_small(s, 2);
  EXPECT_FALSE(s.current_stale());
  s.set_lever("phases.II.subsidy_share", 0.25);
  EXPECT_TRUE(s.current_stale());
  s.undo();
  EXPECT_FALSE(s.current_stale());
  s.set_lever("phases.II.subsidy_share", 0.25);
  ASSERT_EQ(s.start(), "");
  s.wait();
  EXPECT_FALSE(s.current_stale());
  EXPECT_NE(s.current()->label.find("Subsidy share (Phase II) 25.0 %"), std::string::npos)
      << s.current()->label;
}

TEST(RunLibrary, ManyRunsKeepTheirOrderAndColours) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_replications(2);
  ASSERT_EQ(s.start(), "");
  const int first_colour = s.current_record()->colour;
  for (double share : {0.1, 0.2, 0.3}) {
    s.pin();
    s.set_lever("phases.II.subsidy_share", share);
    ASSERT_EQ(s.start(), "");
  }
  s.wait();
  const auto runs = s.runs();
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0].record->colour, first_colour);
  for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_NE(runs[i].record->colour, runs[i - 1].record->colour);
  ASSERT_TRUE(s.remove_run(runs[1].record->id));
  EXPECT_EQ(s.runs()[0].record->colour, first_colour);  // removing one recolours none
  EXPECT_EQ(s.runs()[1].record->id, runs[2].record->id);
}

TEST(RunLibrary, ListsTheLeversInWhichScenariosDiffer) {
  Session s;
  ASSERT_EQ(s.open(scenario("history.toml")), "");
  s.set_replications(1);
  ASSERT_EQ(s.start(true), "");
  ASSERT_EQ(s.compare_with(scenario("buyer_led.toml")), "");
  s.pause();
  const auto diffs = s.differences();
  bool buyer_share = false;  // buyer_led replaces the plan's buyers by a named partnership
  for (const auto& d : diffs) {
    buyer_share = buyer_share || d.path == "phases.III.buyer_partnerships";
    EXPECT_FALSE(d.path.starts_with("scenario."));
    ASSERT_EQ(d.values.size(), 2u);
    EXPECT_NE(d.values[0], d.values[1]);
  }
  EXPECT_TRUE(buyer_share);
  EXPECT_FALSE(s.runs()[1].record->question.empty());
  EXPECT_EQ(s.runs()[1].record->question.back(), '?');
  EXPECT_FALSE(s.runs()[1].record->description.empty());
}

TEST(RunLibrary, UndoWalksBackEveryLeverChange) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_lever("phases.II.subsidy_share", 0.1);
  s.set_lever("phases.II.subsidy_share", 0.2);
  s.reset_edits();
  EXPECT_TRUE(s.edits().empty());
  ASSERT_TRUE(s.undo());
  EXPECT_DOUBLE_EQ(s.edits().value("phases.II.subsidy_share"), 0.2);
  ASSERT_TRUE(s.undo());
  EXPECT_DOUBLE_EQ(s.edits().value("phases.II.subsidy_share"), 0.1);
  ASSERT_TRUE(s.undo());
  EXPECT_TRUE(s.edits().empty());
  EXPECT_FALSE(s.undo());
}

TEST(RunLibrary, CancelDuringSetUpStopsWithoutBuildingEveryReplication) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_replications(200);
  ASSERT_EQ(s.start(true), "");
  s.reset();  // joins the run thread: must not crash on replications never built
  EXPECT_EQ(s.current(), nullptr);
}

}  // namespace
}  // namespace score::session
