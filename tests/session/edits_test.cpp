#include "session/edits.hpp"

#include <gtest/gtest.h>

#include "session_files.hpp"

namespace score::session {
namespace {

using testing::SessionFiles;
using EditsTest = SessionFiles;

TEST_F(EditsTest, ExtendsFileHoldsOnlyTheChangesAndReproducesThem) {
  const auto original = testing::small_scenario();
  const auto levers = levers_of(scenario::load_document(original));
  Edits edits;
  edits.set(*find_lever(levers, "phases.II.subsidy_share"), 0.45);
  edits.set(*find_lever(levers, "phases.I.providers_onboarded"), 5);
  const auto target = dir / "edited.toml";
  save_extends(original, target, edits);

  const scenario::Scenario edited = scenario::load_scenario(target);
  const scenario::Scenario base = scenario::load_scenario(original);
  EXPECT_DOUBLE_EQ(edited.model.phases[1].plans[0].subsidy_share[0], 0.45);
  EXPECT_EQ(edited.model.phases[0].plans[0].providers_onboarded, 5);
  EXPECT_EQ(edited.model.phases[0].plans[0].fee_share[0], base.model.phases[0].plans[0].fee_share[0]);
  const std::string text = extends_toml(original, target, edits);
  EXPECT_NE(text.find("[phases.II]\nsubsidy_share = 0.45"), std::string::npos) << text;
  EXPECT_EQ(text.find("fee_share"), std::string::npos) << text;
}

TEST_F(EditsTest, ValueEqualToTheFileIsNoEdit) {
  const auto levers = levers_of(scenario::load_document(testing::small_scenario()));
  Edits edits;
  const Lever& fee = *find_lever(levers, "phases.I.fee_share");
  edits.set(fee, 0.4);
  EXPECT_FALSE(edits.empty());
  edits.set(fee, fee.value);
  EXPECT_TRUE(edits.empty());
}

TEST_F(EditsTest, CheckReportsOutOfRangeValueAtItsKey) {
  const Checked checked = check(testing::small_scenario(), {"phases.I.fee_share=1.5"});
  EXPECT_EQ(checked.scenario, nullptr);
  ASSERT_FALSE(checked.diagnostics.empty());
  EXPECT_EQ(checked.diagnostics.front().key_path, "phases.I.fee_share");
}

}  // namespace
}  // namespace score::session
