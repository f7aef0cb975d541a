#include "session/words.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "session/memory.hpp"
#include "session_files.hpp"

namespace score::session {
namespace {

TEST(Words, LeversByLabelNotKeyPath) {
  EXPECT_EQ(humanise_key("subsidy_share"), "Subsidy share");
  EXPECT_EQ(humanise_key("budget_usd"), "Budget");
  EXPECT_EQ(table_label("phases.II.country.GHA.modules"), "Phase II, GHA, Modules");
  EXPECT_EQ(table_label("funders.SECO"), "Funder SECO");
  const auto levers = levers_of(scenario::load_document(testing::small_scenario()));
  EXPECT_EQ(lever_label(*find_lever(levers, "phases.I.fee_share")), "Fee share (Phase I)");
}

TEST(Words, AnEditsProblemNamesTheLeverWithoutTheOverridePosition) {
  Session s;
  ASSERT_EQ(s.open(testing::small_scenario()), "");
  s.set_lever("phases.I.fee_share", 1.5);
  ASSERT_FALSE(s.diagnostics().empty());
  const std::string message = person_message(s.diagnostics().front(), s.levers());
  EXPECT_EQ(message.find("--set"), std::string::npos) << message;
  EXPECT_NE(message.find("Fee share (Phase I)"), std::string::npos) << message;
  EXPECT_EQ(s.start().find("--set"), std::string::npos);
}

TEST(Words, AResultsFileOpenedAsAScenarioIsSaidToBeOne) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto file = dir / ("score_words_test_" + std::to_string(::getpid()) + ".h5");
  {
    std::ofstream out(file, std::ios::binary);
    out << std::string("\x89HDF\r\n\x1a\n", 8) << "rest";
  }
  Session s;
  const std::string error = s.open(file);
  EXPECT_NE(error.find("results file (HDF5), not a scenario"), std::string::npos) << error;
  EXPECT_FALSE(is_hdf5(testing::small_scenario()));
  std::filesystem::remove(file);
}

TEST(Words, PhasesWithNamesAndDates) {
  PhaseSpan p{"III", "Phase III: buyers and licensing", 105, 155};
  EXPECT_EQ(phase_title(p, {2009, 1}), "Phase III: buyers and licensing, 2017-10 to 2021-12");
  PhaseSpan plain{"I", "pilots", 0, 11};
  EXPECT_EQ(phase_title(plain, {2009, 1}), "Phase I: pilots, 2009-01 to 2009-12");
}

TEST(Memory, ARunTheMachineCannotHoldIsRefusedWithTheReason) {
  EXPECT_EQ(memory_refusal(1e9, 8e9, 100), "");
  const std::string refusal = memory_refusal(80e9, 8e9, 10000);
  EXPECT_NE(refusal.find("80.0 GB"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("use at most 800"), std::string::npos) << refusal;
  EXPECT_EQ(memory_refusal(80e9, 0, 10000), "");  // unknown: never refuses
}

TEST(Memory, EstimateGrowsWithReplicationsAndSessionRefusesTenThousand) {
  Session s;
  ASSERT_EQ(s.open(std::filesystem::path(SCORE_SOURCE_DIR) / "scenarios/history.toml"), "");
  s.set_replications(2);
  const double two = s.memory_estimate();
  s.set_replications(4);
  EXPECT_DOUBLE_EQ(s.memory_estimate(), 2 * two);
  s.set_replications(10000);
  if (s.memory_estimate() > 0.8 * memory_available()) {
    EXPECT_NE(s.start().find("free"), std::string::npos);
    EXPECT_EQ(s.current(), nullptr);
  }
}

}  // namespace
}  // namespace score::session
