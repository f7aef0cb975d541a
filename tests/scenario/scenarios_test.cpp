// Every scenario shipped in scenarios/ loads, validates and runs, and the
// variants differ from the history where they say they do.
#include <gtest/gtest.h>

#include <filesystem>

#include "scenario/build.hpp"
#include "sim/runner.hpp"
#include "sim/summary.hpp"

namespace score::scenario {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shipped() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(SCORE_SOURCE_DIR) / "scenarios"))
    if (e.path().extension() == ".toml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

class Shipped : public testing::TestWithParam<fs::path> {};

TEST_P(Shipped, LoadsAndRuns) {
  const Scenario sc = load_scenario(GetParam());
  EXPECT_FALSE(sc.model.countries.empty());
  EXPECT_FALSE(sc.model.phases.empty());
  const sim::Series s = sim::run_one(sc.model, 0);
  const sim::PhaseSummary sum = sim::summarise(s, sc.model);
  EXPECT_GT(sum.total(0, sim::Summary::firms_trained_total), 0) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Shipped, testing::ValuesIn(shipped()),
                         [](const auto& p) { return p.param.stem().string(); });

TEST(Scenarios, TheHistoryIsTheDefaultAndHasItsPhases) {
  const Scenario sc = load_scenario(fs::path(SCORE_SOURCE_DIR) / "scenarios" / "history.toml");
  ASSERT_EQ(sc.model.phases.size(), 4u);
  EXPECT_EQ(sc.model.phases[0].id, "I");
  EXPECT_EQ(format_year_month(sc.model.phases[0].end), "2013-09");
  EXPECT_EQ(sc.model.countries.size(), 12u);
  EXPECT_GE(sc.model.replications, 20);
}

TEST(Scenarios, VariantsChangeOnlyWhatTheySay) {
  const fs::path dir = fs::path(SCORE_SOURCE_DIR) / "scenarios";
  const Scenario history = load_scenario(dir / "history.toml");
  const Scenario market = load_scenario(dir / "market_only.toml");
  EXPECT_EQ(market.model.phases[0].plans[0].fee_share, history.model.phases[0].plans[0].fee_share);
  EXPECT_EQ(market.model.phases[2].plans[0].subsidy_share[0], 0.0);
  EXPECT_EQ(market.model.phases[2].plans[0].fee_share[0], 1.0);
  const Scenario cut = load_scenario(dir / "donor_cut_50.toml");
  EXPECT_DOUBLE_EQ(cut.model.funders[0].budget_usd[2], history.model.funders[0].budget_usd[2] / 2);
  EXPECT_DOUBLE_EQ(cut.model.funders[0].budget_usd[1], history.model.funders[0].budget_usd[1]);
}

}  // namespace
}  // namespace score::scenario
