#include "session/session.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "session_files.hpp"
#include "sim/runner.hpp"
#include "sim/summary.hpp"

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

// The oracle: the engine's own runner on the scenario with and without the
// edit, each phase summary averaged over the replications.
double runner_mean(const std::vector<std::string>& overrides, int phase, sim::Summary summary) {
  const scenario::Scenario sc = scenario::load_scenario(testing::small_scenario(), overrides);
  double sum = 0;
  for (std::uint32_t r = 0; r < static_cast<std::uint32_t>(sc.model.replications); ++r)
    sum += sim::summarise(sim::run_one(sc.model, r), sc.model).total(phase, summary);
  return sum / sc.model.replications;
}

// Each row holds the pinned run's and the edited run's own numbers (not one
// run twice, nor the two swapped), and the edit moves what it should.
TEST_F(SessionTest, PinnedRunComparesWithTheEditedRun) {
  Session s;
  testing::run_small(s, 3);
  ASSERT_TRUE(s.pin());
  s.set_lever("behaviour.enrol_rate", 0.1);
  ASSERT_EQ(s.start(), "");
  s.wait();
  const auto rows = s.comparison();
  ASSERT_EQ(rows.size(), 2 * compared_summaries().size());  // two phases
  const std::vector<std::string> base{"run.replications=3"},
      edited{"run.replications=3", "behaviour.enrol_rate=0.1"};
  for (const ComparisonRow& r : rows) {
    const int phase = r.phase == "I" ? 0 : 1;
    const std::string what = r.phase + " " + sim::summary_catalogue()[static_cast<int>(r.summary)].name;
    const double pinned = runner_mean(base, phase, r.summary),
                 current = runner_mean(edited, phase, r.summary);
    if (std::isnan(pinned)) {
      EXPECT_TRUE(std::isnan(r.pinned)) << what;
    } else {
      EXPECT_DOUBLE_EQ(r.pinned, pinned) << what;
    }
    if (std::isnan(current)) {
      EXPECT_TRUE(std::isnan(r.current)) << what;
    } else {
      EXPECT_DOUBLE_EQ(r.current, current) << what;
    }
    if (!std::isnan(r.difference)) {
      EXPECT_DOUBLE_EQ(r.difference, r.current - r.pinned) << what;
    }
    if (r.phase == "I" && r.summary == sim::Summary::firms_trained) {
      EXPECT_GT(r.current, r.pinned) << "twice the enrolment rate trains more firms in Phase I";
    }
  }
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
