#include "session/levers.hpp"

#include <gtest/gtest.h>

#include "session_files.hpp"

namespace score::session {
namespace {

std::vector<Lever> history_levers() {
  return levers_of(
      scenario::load_document(std::filesystem::path(SCORE_SOURCE_DIR) / "scenarios/history.toml"));
}

TEST(Levers, CarryUnitBoundsAndSourceOfTheFile) {
  const auto levers = history_levers();
  const Lever* subsidy = find_lever(levers, "phases.I.subsidy_share");
  ASSERT_NE(subsidy, nullptr);
  EXPECT_TRUE(subsidy->numeric);
  EXPECT_DOUBLE_EQ(subsidy->value, 0.65);
  EXPECT_EQ(subsidy->spec->unit, "share");
  EXPECT_EQ(subsidy->spec->max, 1.0);
  ASSERT_TRUE(subsidy->range.has_value());
  EXPECT_DOUBLE_EQ(subsidy->range->second, 0.85);
  EXPECT_NE(subsidy->source.find("assumption"), std::string::npos);
  EXPECT_EQ(subsidy->group, "phases");
  EXPECT_EQ(subsidy->table, "phases.I");
}

TEST(Levers, GroupProviderLeversTogether) {
  const auto levers = history_levers();
  for (const char* key : {"phases.I.country.CHN.providers_onboarded", "phases.III.country.CHN.licences",
                          "behaviour.provider_markup"}) {
    const Lever* lever = find_lever(levers, key);
    ASSERT_NE(lever, nullptr) << key;
    EXPECT_EQ(lever->group, "providers") << key;
  }
  const Lever* budget = find_lever(levers, "funders.SECO.budget.II");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->group, "funders");
}

TEST(Levers, ListBehaviourDefaultsTheFileLeavesOut) {
  const auto levers = history_levers();
  // The history leaves the weight of peers' savings at its schema default.
  const Lever* peers = find_lever(levers, "behaviour.peer_weight");
  ASSERT_NE(peers, nullptr);
  EXPECT_TRUE(peers->is_default);
  EXPECT_DOUBLE_EQ(peers->value, 0.5);
  // One the history writes out is not a default, though its value is.
  const Lever* pressure = find_lever(levers, "behaviour.buyer_pressure");
  ASSERT_NE(pressure, nullptr);
  EXPECT_FALSE(pressure->is_default);
  EXPECT_DOUBLE_EQ(pressure->value, 2.0);
}

TEST(Levers, ShowOtherValuesAsText) {
  const auto levers = history_levers();
  const Lever* start = find_lever(levers, "calendar.start");
  ASSERT_NE(start, nullptr);
  EXPECT_FALSE(start->numeric);
  EXPECT_EQ(start->text, "2009-01");
}

}  // namespace
}  // namespace score::session
