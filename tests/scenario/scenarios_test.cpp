// Every scenario shipped in scenarios/ loads, validates and runs, and the
// variants differ from the history where they say they do.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "run_all.hpp"
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
  EXPECT_EQ(sc.model.countries.size(), 18u);
  EXPECT_GE(sc.model.replications, 20);
}

// The roster: 15 countries had trained enterprises by the end of 2017, so 15
// have a plan in force before then; Ghana joined Phase I in May 2011.
TEST(Scenarios, TheHistoryRosterHasFifteenCountriesByTheEndOf2017) {
  const Scenario sc = load_scenario(fs::path(SCORE_SOURCE_DIR) / "scenarios" / "history.toml");
  const int end_2017 = months_between(sc.model.start, YearMonth{2017, 12});
  int countries = 0;
  for (std::size_t c = 0; c < sc.model.countries.size(); ++c) {
    bool in = false;
    for (const auto& ph : sc.model.phases) {
      const auto& plan = ph.plans[c];
      in = in || (plan.active && (plan.entry_step < 0 ? ph.first_step : plan.entry_step) <= end_2017);
    }
    countries += in ? 1 : 0;
  }
  EXPECT_EQ(countries, 15);
  std::size_t ghana = 0;
  while (sc.model.countries[ghana].id != "GHA") ++ghana;
  EXPECT_EQ(sc.model.phases[0].plans[ghana].entry_step, months_between(sc.model.start, YearMonth{2011, 5}));
}

// Partners: Phase I signs the institutions the Phase II mid-term counted in
// June 2015 (21) plus the 4 that had dropped out by October 2015 (25 signed);
// Phase II signs new partners in the new countries only.
TEST(Scenarios, TheHistorysPartnersAreTheMidTermsCounts) {
  const Scenario sc = load_scenario(fs::path(SCORE_SOURCE_DIR) / "scenarios" / "history.toml");
  const model::Description& m = sc.model;
  const auto onboarded = [&](std::size_t phase, const char* id) {
    std::size_t c = 0;
    while (m.countries[c].id != id) ++c;
    return m.phases[phase].plans[c].providers_onboarded;
  };
  int phase_one = 0;
  for (const auto& plan : m.phases[0].plans) phase_one += plan.active ? plan.providers_onboarded : 0;
  EXPECT_EQ(phase_one, 25);
  EXPECT_EQ(onboarded(0, "COL"), 5);
  EXPECT_EQ(onboarded(0, "GHA"), 2);
  EXPECT_EQ(onboarded(0, "ZAF"), 1);
  EXPECT_EQ(onboarded(1, "CHN"), 0);
  EXPECT_EQ(onboarded(1, "PER"), 1);
}

TEST(Scenarios, VariantsChangeOnlyWhatTheySay) {
  const fs::path dir = fs::path(SCORE_SOURCE_DIR) / "scenarios";
  const Scenario history = load_scenario(dir / "history.toml");
  const Scenario market = load_scenario(dir / "market_only.toml");
  EXPECT_EQ(market.model.phases[0].plans[0].fee_share, history.model.phases[0].plans[0].fee_share);
  EXPECT_EQ(market.model.phases[2].plans[0].subsidy_share[0], 0.0);
  EXPECT_EQ(market.model.phases[2].plans[0].fee_share[0], 1.0);
  const Scenario cut = load_scenario(dir / "donor_cut_50.toml");
  EXPECT_DOUBLE_EQ(cut.model.funders[0].budget[2], history.model.funders[0].budget[2] / 2);
  EXPECT_DOUBLE_EQ(cut.model.funders[0].budget[1], history.model.funders[0].budget[1]);
}

TEST(Scenarios, TheHistorysMoneyIsDatedAndInItsCurrency) {
  const Scenario history = load_scenario(fs::path(SCORE_SOURCE_DIR) / "scenarios" / "history.toml");
  const model::Description& m = history.model;
  const auto funder = [&](const char* id) {
    return *std::find_if(m.funders.begin(), m.funders.end(),
                         [&](const model::Funder& f) { return f.id == id; });
  };
  const model::Funder seco = funder("SECO");
  ASSERT_GE(seco.currency, 0);
  EXPECT_EQ(m.currencies[static_cast<std::size_t>(seco.currency)].id, "CHF");
  EXPECT_DOUBLE_EQ(seco.budget[1], 12745887);  // SECO's Phase II, in francs
  const model::Funder automotive = funder("IDN_auto");
  EXPECT_EQ(m.countries[static_cast<std::size_t>(automotive.country)].id, "IDN");
  EXPECT_EQ(m.start.plus(automotive.first_step), (YearMonth{2010, 1}));
  EXPECT_EQ(m.start.plus(automotive.last_step), (YearMonth{2013, 9}));
}

// ---- Variants on outcomes --------------------------------------------------
// Each variant is run against the history with the same seed (common random
// numbers): the months before the phase it changes must be the same bits,
// and the outcome its header's question is about must move the way the
// header says. Directions only, with margins: the model's numbers move as
// it is refined, the answers to the headers' questions should not.

constexpr int kReplications = 6;

struct Outcomes {
  const Scenario scenario;
  std::vector<sim::Series> series;
  std::vector<sim::PhaseSummary> summaries;

  explicit Outcomes(const std::string& file)
      : scenario(load_scenario(fs::path(SCORE_SOURCE_DIR) / "scenarios" / file,
                               {"run.replications=" + std::to_string(kReplications)})) {
    runs::run_all(scenario.model, series, summaries);
  }
  int countries() const { return static_cast<int>(scenario.model.countries.size()); }
  int phase(const std::string& id) const {
    for (std::size_t p = 0; p < scenario.model.phases.size(); ++p)
      if (scenario.model.phases[p].id == id) return static_cast<int>(p);
    ADD_FAILURE() << "no phase " << id;
    return 0;
  }
  // Mean over replications of the all-country summary in a phase.
  double mean(const std::string& phase_id, sim::Summary s) const {
    double sum = 0;
    for (const sim::PhaseSummary& ps : summaries) sum += ps.total(phase(phase_id), s);
    return sum / kReplications;
  }
};

const Outcomes& history_outcomes() {
  static const Outcomes history("history.toml");
  return history;
}

// Every metric of every replication equal to the last bit before `step`,
// and something different from `step` on (else the variant changes nothing).
void expect_same_months_before(const Outcomes& h, const Outcomes& v, int step) {
  ASSERT_GT(step, 0);
  bool differs_after = false;
  for (std::size_t r = 0; r < kReplications; ++r)
    for (int m = 0; m < sim::kMetrics; ++m) {
      const auto a = h.series[r].values(static_cast<sim::Metric>(m));
      const auto b = v.series[r].values(static_cast<sim::Metric>(m));
      // A variant may run longer than the history (a calendar to 2030).
      const std::size_t per_step = a.size() / static_cast<std::size_t>(h.series[r].steps());
      ASSERT_EQ(per_step, b.size() / static_cast<std::size_t>(v.series[r].steps()));
      const std::size_t before = per_step * static_cast<std::size_t>(step);
      ASSERT_LE(before, std::min(a.size(), b.size()));
      EXPECT_EQ(std::memcmp(a.data(), b.data(), before * sizeof(double)), 0)
          << "replication " << r << ", metric " << sim::metric_catalogue()[static_cast<std::size_t>(m)].name
          << " differs before month " << step;
      differs_after =
          differs_after || a.size() != b.size() ||
          std::memcmp(a.data() + before, b.data() + before, (a.size() - before) * sizeof(double)) != 0;
    }
  EXPECT_TRUE(differs_after) << "the variant changes nothing after month " << step;
}

struct Variant {
  const char* file;
  const char* changes_from;  // the first phase the variant changes
  // The header's answer, checked on the means of history `h` and variant `v`.
  std::function<void(const Outcomes& h, const Outcomes& v)> answer;
};

using S = sim::Summary;

// Sum of a summary over Phases III and IV.
double later(const Outcomes& o, S s) { return o.mean("III", s) + o.mean("IV", s); }

const Variant kVariants[] = {
    {"buyer_led.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       EXPECT_GT(v.mean("III", S::revenue_buyer_usd), 2 * h.mean("III", S::revenue_buyer_usd));
       EXPECT_LT(v.mean("III", S::donor_cost_per_firm_usd), 0.9 * h.mean("III", S::donor_cost_per_firm_usd))
           << "buyers reach more firms per donor dollar";
       EXPECT_GT(later(v, S::firms_trained), later(h, S::firms_trained));
     }},
    {"buyers_budgeted.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       EXPECT_GT(v.mean("III", S::firms_trained), 1.05 * h.mean("III", S::firms_trained))
           << "all lead buyers signed at the partnership's start";
       EXPECT_LT(v.mean("IV", S::revenue_buyer_usd), h.mean("IV", S::revenue_buyer_usd))
           << "a budget binds where the plan's partners paid without one";
       EXPECT_LT(v.mean("IV", S::firms_trained), h.mean("IV", S::firms_trained));
     }},
    {"donor_cut_50.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       EXPECT_LT(later(v, S::donor_spend_usd), 0.9 * later(h, S::donor_spend_usd));
       EXPECT_LT(later(v, S::firms_trained), 0.95 * later(h, S::firms_trained)) << "the cut costs reach";
       EXPECT_LT(v.mean("IV", S::providers_active), h.mean("IV", S::providers_active));
       EXPECT_GT(v.mean("III", S::mean_fee_usd), 1.2 * h.mean("III", S::mean_fee_usd))
           << "the cut reaches firms as higher fees";
       EXPECT_GT(v.mean("IV", S::cost_recovery), h.mean("IV", S::cost_recovery))
           << "firms pay a larger share, but fewer of them enrol";
     }},
    {"government_led.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       EXPECT_GT(v.mean("III", S::revenue_government_usd), 2 * h.mean("III", S::revenue_government_usd));
       EXPECT_LT(v.mean("III", S::donor_spend_usd), 0.95 * h.mean("III", S::donor_spend_usd))
           << "government money replaces donor subsidy";
       EXPECT_GT(v.mean("III", S::cost_recovery), h.mean("III", S::cost_recovery) + 0.1);
       EXPECT_GT(later(v, S::firms_trained), 0.95 * later(h, S::firms_trained)) << "reach holds or grows";
     }},
    {"licensing_led.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       EXPECT_GT(v.mean("III", S::cost_recovery), h.mean("III", S::cost_recovery) + 0.1);
       EXPECT_LT(later(v, S::firms_trained), 0.9 * later(h, S::firms_trained))
           << "without subsidy for their clients, fewer firms enrol";
     }},
    {"market_only.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       EXPECT_LT(later(v, S::firms_trained), 0.8 * later(h, S::firms_trained))
           << "reach falls without subsidy";
       EXPECT_GT(later(v, S::firms_trained), 0.0) << "but some survives";
       EXPECT_GT(v.mean("IV", S::cost_recovery), 0.95);
     }},
    {"scale_up.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       const double trainers = v.mean("III", S::trainers_certified) / h.mean("III", S::trainers_certified);
       const double reach = v.mean("III", S::firms_trained) / h.mean("III", S::firms_trained);
       EXPECT_GT(trainers, 1.4) << "capacity grows";
       EXPECT_LT(reach - 1, (trainers - 1) / 2) << "reach grows much less than capacity: demand limits it";
     }},
    {"subsidy_taper.toml", "III",
     [](const Outcomes& h, const Outcomes& v) {
       // The history's Phase IV donors spend their whole budget, so its cost
       // recovery is already near 1: the taper raises Phase III's by a margin.
       EXPECT_GT(v.mean("III", S::cost_recovery), h.mean("III", S::cost_recovery) + 0.1);
       EXPECT_GT(v.mean("IV", S::cost_recovery), h.mean("IV", S::cost_recovery));
       EXPECT_LT(later(v, S::firms_trained), later(h, S::firms_trained));
       EXPECT_LE(v.mean("IV", S::providers_active), h.mean("IV", S::providers_active))
           << "the taper does not keep more providers alive";
     }},
    // Providers go on their own books wherever the programme is absent from
    // a country it supported: first in Indonesia's months between Phase I
    // and its Phase II start (2013-10 to 2014-04), then South Africa and the
    // pilot countries from Phase III.
    {"post_programme.toml", "II",
     [](const Outcomes&, const Outcomes& v) {
       EXPECT_GT(v.mean("after", S::firms_trained), 0)
           << "partners train enterprises without programme money";
       EXPECT_GT(v.mean("after", S::providers_active), 0) << "some providers live on their own books";
       EXPECT_EQ(v.mean("after", S::donor_spend_usd), 0) << "no programme money after 2024";
       EXPECT_EQ(v.mean("after", S::revenue_buyer_usd), 0) << "buyers end their payments with the programme";
       EXPECT_GT(v.mean("IV", S::revenue_buyer_usd), 0) << "and pay until then";
     }},
};

void PrintTo(const Variant& v, std::ostream* os) { *os << v.file; }

class VariantOutcomes : public testing::TestWithParam<Variant> {};

TEST_P(VariantOutcomes, LeaveEarlierPhasesAloneAndAnswerTheirQuestion) {
  const Outcomes& h = history_outcomes();
  const Outcomes v(GetParam().file);
  expect_same_months_before(
      h, v, v.scenario.model.phases[static_cast<std::size_t>(v.phase(GetParam().changes_from))].first_step);
  GetParam().answer(h, v);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, VariantOutcomes, testing::ValuesIn(kVariants),
                         [](const auto& p) { return fs::path(p.param.file).stem().string(); });

// Every shipped variant is listed above: a new one needs its answer too.
TEST(Scenarios, EveryVariantHasAnOutcomeTest) {
  for (const fs::path& file : shipped()) {
    if (file.filename() == "history.toml") continue;
    bool listed = false;
    for (const Variant& v : kVariants) listed = listed || file.filename() == v.file;
    EXPECT_TRUE(listed) << file.filename() << " has no entry in kVariants";
  }
}

}  // namespace
}  // namespace score::scenario
