// The Phase V options in scenarios/phase_v/: each validates, runs, extends
// the history unchanged to 2024, and shows the behaviour that sets it apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "run_all.hpp"
#include "scenario/build.hpp"
#include "sim/runner.hpp"
#include "sim/summary.hpp"

namespace score::scenario {
namespace {

namespace fs = std::filesystem;

constexpr int kReplications = 3;

fs::path phase_v_dir() { return fs::path(SCORE_SOURCE_DIR) / "scenarios" / "phase_v"; }

// One option run with a few replications (same seed for every option).
struct Option {
  Scenario scenario;
  std::vector<sim::Series> series;
  std::vector<sim::PhaseSummary> summaries;

  explicit Option(const std::string& file)
      : scenario(load_scenario(phase_v_dir() / file, {"run.replications=" + std::to_string(kReplications)})) {
    runs::run_all(scenario.model, series, summaries);
  }
  int phase_v() const { return static_cast<int>(scenario.model.phases.size()) - 1; }
  int country(const std::string& id) const {
    for (std::size_t c = 0; c < scenario.model.countries.size(); ++c)
      if (scenario.model.countries[c].id == id) return static_cast<int>(c);
    ADD_FAILURE() << "no country " << id;
    return 0;
  }
  // Mean over replications, Phase V, all countries (or one).
  double v(sim::Summary s, int c = -1) const {
    double sum = 0;
    for (const auto& ps : summaries) sum += c < 0 ? ps.total(phase_v(), s) : ps.at(phase_v(), c, s);
    return sum / kReplications;
  }
};

const Option& none() {
  static const Option option("no_phase_v.toml");
  return option;
}

const std::vector<std::string> kOptions = {"no_phase_v.toml", "lean.toml", "buyer_led.toml",
                                           "government_cofunding.toml", "new_countries.toml"};

TEST(PhaseV, EveryOptionIsShippedTestedAndRunsTo2030) {
  std::vector<std::string> shipped;
  for (const auto& e : fs::directory_iterator(phase_v_dir()))
    if (e.path().extension() == ".toml") shipped.push_back(e.path().filename().string());
  std::sort(shipped.begin(), shipped.end());
  std::vector<std::string> expected = kOptions;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(shipped, expected) << "a Phase V option without its test";
  for (const std::string& file : kOptions) {
    const Scenario sc = load_scenario(phase_v_dir() / file);
    EXPECT_EQ(format_year_month(sc.model.end), "2030-12") << file;
    ASSERT_EQ(sc.model.phases.size(), 5u) << file;
    EXPECT_EQ(sc.model.phases.back().id, "V") << file;
    EXPECT_EQ(format_year_month(sc.model.phases.back().start), "2025-01") << file;
    const toml::node* description = find_node(sc.document.root, "scenario.description");
    ASSERT_NE(description, nullptr) << file;
    EXPECT_GT(description->value_or(std::string()).size(), 20u) << file;
  }
}

// Every option is the history until December 2024: the same bits, month by
// month, as the no-Phase-V option (common seeds), in the history's countries.
TEST(PhaseV, OptionsChangeNothingBefore2025) {
  const int first_v = none().scenario.model.phases.back().first_step;
  for (const char* file : {"lean.toml", "buyer_led.toml", "government_cofunding.toml"}) {
    const Option option(file);
    for (int r = 0; r < kReplications; ++r) {
      const auto& a = none().series[static_cast<std::size_t>(r)];
      const auto& b = option.series[static_cast<std::size_t>(r)];
      for (int t = 0; t < first_v; ++t)
        for (int c = 0; c < a.countries(); ++c)
          ASSERT_EQ(a.at(sim::Metric::firms_trained_total, t, c),
                    b.at(sim::Metric::firms_trained_total, t, c))
              << file;
    }
  }
}

TEST(PhaseV, NoPhaseVHasNoDonorMoneyAfter2024) {
  const Option& o = none();
  const int first_v = o.scenario.model.phases.back().first_step;
  for (const auto& s : o.series)
    for (int t = first_v; t < s.steps(); ++t)
      for (int c = 0; c < s.countries(); ++c) {
        ASSERT_EQ(s.at(sim::Metric::donor_spend_usd, t, c), 0.0);
        // Only the trainers providers pay for themselves.
        ASSERT_EQ(s.at(sim::Metric::trainers_trained, t, c), s.at(sim::Metric::trainers_own_trained, t, c));
      }
  EXPECT_GT(o.v(sim::Summary::firms_trained), 0) << "partners deliver on their own";
}

TEST(PhaseV, LeanPhaseVSpendsDonorMoneyAndReachesMoreThanNone) {
  const Option lean("lean.toml");
  EXPECT_GT(lean.v(sim::Summary::donor_spend_usd), 3e6);
  EXPECT_LE(lean.v(sim::Summary::donor_spend_usd), 6.0e6);  // the budget
  EXPECT_GT(lean.v(sim::Summary::firms_trained), 1.2 * none().v(sim::Summary::firms_trained));
  EXPECT_GT(lean.v(sim::Summary::trainers_certified), none().v(sim::Summary::trainers_certified));
}

TEST(PhaseV, BuyerLedScaleUpIsPaidByBuyersAtLessDonorMoneyPerFirm) {
  const Option buyers("buyer_led.toml");
  const Option lean("lean.toml");
  EXPECT_GT(buyers.v(sim::Summary::revenue_buyer_usd), 2 * lean.v(sim::Summary::revenue_buyer_usd));
  EXPECT_EQ(buyers.v(sim::Summary::revenue_donor_usd), 0.0);  // no delivery subsidy
  EXPECT_GT(buyers.v(sim::Summary::firms_trained), lean.v(sim::Summary::firms_trained));
  EXPECT_LT(buyers.v(sim::Summary::donor_cost_per_firm_usd), lean.v(sim::Summary::donor_cost_per_firm_usd));
}

TEST(PhaseV, GovernmentCoFundingPaysWhereGovernmentsFund) {
  const Option gov("government_cofunding.toml");
  for (const char* id : {"CHN", "IND", "VNM", "COL"}) {
    EXPECT_GT(gov.v(sim::Summary::revenue_government_usd, gov.country(id)), 0) << id;
    EXPECT_EQ(none().v(sim::Summary::revenue_government_usd, none().country(id)), 0) << id;
  }
  EXPECT_GT(gov.v(sim::Summary::firms_trained), none().v(sim::Summary::firms_trained));
}

// After 2024 buyers pay only from budgets: no plan partner pays (the Phase V
// plans give none a share, and list Bolivia, on its Phase III plan, without
// support), so what buyers pay in Phase V stays within the buyer funders'
// Phase V budgets, and nothing after their end (December 2029).
TEST(PhaseV, BuyersPayOnlyFromTheirBudgetsAfter2024) {
  for (const std::string& file : kOptions) {
    const Option option(file);
    const model::Description& m = option.scenario.model;
    const int v = option.phase_v();
    double budgets = 0;
    int last_paying = -1;
    for (const model::Funder& f : m.funders)
      if (f.kind == model::FunderKind::buyer && f.budget[static_cast<std::size_t>(v)] > 0) {
        budgets += f.budget[static_cast<std::size_t>(v)];
        last_paying = std::max(last_paying, f.last_step);
      }
    ASSERT_GT(budgets, 0) << file << ": a budgeted buyer funder in Phase V";
    EXPECT_GT(option.v(sim::Summary::revenue_buyer_usd), 0) << file;
    EXPECT_LE(option.v(sim::Summary::revenue_buyer_usd), budgets * (1 + 1e-9)) << file;
    for (const auto& s : option.series)
      for (int t = last_paying + 1; t < s.steps(); ++t)
        for (int c = 0; c < s.countries(); ++c)
          ASSERT_EQ(s.at(sim::Metric::revenue_usd, t, c, static_cast<int>(model::Source::buyer)), 0.0)
              << file << " step " << t << " country " << c;
  }
}

TEST(PhaseV, NewCountriesStartFromNothingIn2025) {
  const Option fresh("new_countries.toml");
  const int first_v = fresh.scenario.model.phases.back().first_step;
  for (const char* id : {"BGD", "KEN", "PAK"}) {
    const int c = fresh.country(id);
    for (const auto& s : fresh.series)
      EXPECT_EQ(s.at(sim::Metric::firms_trained_total, first_v - 1, c), 0.0) << id;
    EXPECT_GT(fresh.v(sim::Summary::firms_trained, c), 10) << id;
    EXPECT_GT(fresh.v(sim::Summary::providers_active, c), 0) << id;
  }
}

}  // namespace
}  // namespace score::scenario
