// The output catalogue: every row is found by its name, ratios name two
// existing rows and are computed as their quotient, and the headline lists
// of the tables are the catalogue's flags.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/runner.hpp"
#include "sim/summary.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

TEST(Catalogue, EverySummaryAndMetricIsReachableByName) {
  for (int s = 0; s < kSummaries; ++s) {
    const SummaryInfo& row = summary_catalogue()[static_cast<std::size_t>(s)];
    EXPECT_EQ(static_cast<int>(row.id), s);
    EXPECT_EQ(summary_named(row.name), row.id) << row.name;
  }
  EXPECT_EQ(summary_named("no_such_summary"), Summary::count);
  for (int m = 0; m < kMetrics; ++m) {
    const MetricInfo& row = metric_catalogue()[static_cast<std::size_t>(m)];
    EXPECT_EQ(static_cast<int>(row.id), m) << row.name;
    int found = 0;
    for (const MetricInfo& other : metric_catalogue()) found += std::string(other.name) == row.name;
    EXPECT_EQ(found, 1) << row.name;
  }
}

TEST(Catalogue, RatiosNameTwoOtherExistingEntries) {
  int with_parts = 0;
  for (const SummaryInfo& row : summary_catalogue()) {
    if (row.numerator == Summary::count && row.denominator == Summary::count) continue;
    ++with_parts;
    EXPECT_EQ(row.kind, Kind::ratio) << row.name;
    ASSERT_LT(static_cast<int>(row.numerator), kSummaries) << row.name;
    ASSERT_LT(static_cast<int>(row.denominator), kSummaries) << row.name;
    EXPECT_NE(row.numerator, row.id);
    EXPECT_NE(row.denominator, row.id);
  }
  EXPECT_GE(with_parts, 8);
  EXPECT_EQ(info(Summary::cost_recovery).numerator, Summary::revenue_recovered_usd);
  EXPECT_EQ(info(Summary::cost_recovery).denominator, Summary::delivery_cost_usd);
}

TEST(Catalogue, PhaseRatiosAreTheQuotientOfTheirParts) {
  const model::Description m = test::small_world(2000, 24);
  const PhaseSummary sum = summarise(run_one(m, 0), m);
  ASSERT_GT(sum.total(0, Summary::delivery_cost_usd), 0);
  for (const SummaryInfo& row : summary_catalogue()) {
    if (row.numerator == Summary::count) continue;
    const double den = sum.total(0, row.denominator);
    const double expected = den > 0 ? sum.total(0, row.numerator) / den : NAN;
    if (std::isnan(expected))
      EXPECT_TRUE(std::isnan(sum.total(0, row.id))) << row.name;
    else
      EXPECT_DOUBLE_EQ(sum.total(0, row.id), expected) << row.name;
  }
}

TEST(Catalogue, FeesPaidAreTheEnterprisesRevenue) {
  const model::Description m = test::small_world(2000, 24);
  const Series s = run_one(m, 0);
  const PhaseSummary sum = summarise(s, m);
  double fees = 0;
  for (int t = 0; t < s.steps(); ++t)
    for (int c = 0; c < s.countries(); ++c) {
      EXPECT_EQ(s.at(Metric::fees_paid_usd, t, c),
                s.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::enterprise)));
      fees += s.at(Metric::fees_paid_usd, t, c);
    }
  EXPECT_GT(fees, 0);
  EXPECT_NEAR(sum.total(0, Summary::fees_paid_usd), fees, 1e-6 * fees);
  EXPECT_DOUBLE_EQ(sum.total(0, Summary::fees_paid_usd), sum.total(0, Summary::revenue_enterprise_usd));
}

// The subsidy is the programme money (the ILO's and donors') among delivery
// revenue: with what others paid and what providers absorbed, it makes up
// the delivery cost, month by month and over a phase, and cost recovery is
// what it and the unpaid cost leave.
TEST(Catalogue, SubsidyPaidBalancesTheDeliveryCost) {
  const model::Description m = test::small_world(2000, 24);
  const Series s = run_one(m, 0);
  const int donor = static_cast<int>(model::Source::donor), ilo = static_cast<int>(model::Source::ilo);
  double subsidy = 0;
  for (int t = 0; t < s.steps(); ++t)
    for (int c = 0; c < s.countries(); ++c) {
      double revenue = 0;
      for (int src = 0; src < model::kSources; ++src) revenue += s.at(Metric::revenue_usd, t, c, src);
      const double paid = s.at(Metric::subsidy_paid_usd, t, c);
      EXPECT_NEAR(paid, s.at(Metric::revenue_usd, t, c, donor) + s.at(Metric::revenue_usd, t, c, ilo),
                  1e-9 * revenue);
      const double cost = s.at(Metric::delivery_cost_usd, t, c);
      EXPECT_NEAR(revenue + s.at(Metric::delivery_shortfall_usd, t, c), cost, 1e-9 * cost);
      subsidy += paid;
    }
  EXPECT_GT(subsidy, 0);
  const PhaseSummary sum = summarise(s, m);
  const double cost = sum.total(0, Summary::delivery_cost_usd);
  const double paid = sum.total(0, Summary::subsidy_paid_usd);
  EXPECT_NEAR(paid, subsidy, 1e-9 * subsidy);
  EXPECT_NEAR(paid, sum.total(0, Summary::revenue_donor_usd) + sum.total(0, Summary::revenue_ilo_usd),
              1e-9 * paid);
  EXPECT_NEAR(paid + sum.total(0, Summary::revenue_recovered_usd) + sum.total(0, Summary::unpaid_cost_usd),
              cost, 1e-9 * cost);
  EXPECT_NEAR(sum.total(0, Summary::cost_recovery),
              1 - (paid + sum.total(0, Summary::unpaid_cost_usd)) / cost, 1e-9);
}

TEST(Catalogue, HeadlineListsFollowTheFlagsInCatalogueOrder) {
  for (const Table table : {phase_table, info_table, compare_table, sweep_table}) {
    const std::vector<Summary> list = headline_summaries(table);
    EXPECT_FALSE(list.empty());
    for (std::size_t k = 1; k < list.size(); ++k) EXPECT_LT(list[k - 1], list[k]);
    for (const SummaryInfo& row : summary_catalogue()) {
      const bool listed = std::find(list.begin(), list.end(), row.id) != list.end();
      EXPECT_EQ(listed, (row.shown & table) != 0) << row.name;
      if (listed) {
        EXPECT_NE(row.column, nullptr) << row.name;
      }
    }
  }
  EXPECT_TRUE(summary_reading(Summary::cost_recovery).share);
  EXPECT_EQ(summary_reading(Summary::payback_months).better, Better::lower);
}

// A metric's phase summary of the same name is declared on the metric's
// entry: its name, units and kind are the metric's, its long name and
// display the entry's phase wording.
TEST(Catalogue, ASummaryOfAMetricTakesItsNameUnitsAndKind) {
  int of_metric = 0;
  for (const SummaryInfo& row : summary_catalogue()) {
    ASSERT_NE(row.name, nullptr);
    ASSERT_NE(row.long_name, nullptr) << row.name;
    ASSERT_NE(row.units, nullptr) << row.name;
    EXPECT_EQ(std::string(row.units).find("month-1"), std::string::npos) << row.name << ": a phase's total";
    if (row.of == Metric::count) continue;
    ++of_metric;
    const MetricInfo& m = info(row.of);
    EXPECT_STREQ(row.name, m.name);
    EXPECT_EQ(row.kind, m.kind) << row.name;
    EXPECT_TRUE(row.kind != Kind::stock || m.axis == Axis::none)
        << row.name << ": a stock by index has no total";
  }
  EXPECT_GE(of_metric, 16);
  EXPECT_STREQ(info(Summary::delivery_cost_usd).units, "USD");
  EXPECT_STREQ(info(Summary::module_deliveries).units, "1");
  EXPECT_STREQ(info(Summary::payback_months).units, "month");
  EXPECT_EQ(info(Summary::firms_trained_total).kind, Kind::stock);
  EXPECT_EQ(info(Summary::savings_usd).of, Metric::savings_usd);  // a row of its own that names its metric
}

// One entry, one output: the summary a metric's entry declares is the one in
// the summary catalogue under the same name, with the entry's wording and
// display; a metric without one declares no phase display.
TEST(Catalogue, AMetricsEntryDeclaresItsPhaseSummaryOnce) {
  int declared = 0;
  for (const MetricInfo& m : metric_catalogue()) {
    const PhaseDisplay& p = m.phase;
    if (m.summary == Summary::count) {
      EXPECT_EQ(p.long_name, nullptr) << m.name;
      EXPECT_EQ(p.shown, 0u) << m.name;
      continue;
    }
    ++declared;
    const SummaryInfo& row = info(m.summary);
    EXPECT_EQ(row.of, m.id) << m.name;
    EXPECT_EQ(summary_named(m.name), m.summary) << m.name;
    EXPECT_STREQ(row.long_name, p.long_name);
    EXPECT_EQ(row.better, p.better) << m.name;
    EXPECT_EQ(row.percent, p.percent) << m.name;
    EXPECT_EQ(row.shown, p.shown) << m.name;
    EXPECT_EQ(row.numerator, p.numerator) << m.name;
    EXPECT_EQ(row.denominator, p.denominator) << m.name;
    EXPECT_STREQ(row.column, p.column) << m.name;
  }
  EXPECT_GE(declared, 15);
  // Cost recovery's parts and display come from its metric's entry.
  EXPECT_EQ(info(Summary::cost_recovery).of, Metric::cost_recovery);
  EXPECT_TRUE(info(Summary::cost_recovery).percent);
  EXPECT_NE(info(Summary::cost_recovery).shown & phase_table, 0u);
}

// Flows of a metric sum over the phase's months, countries and the metric's
// axis; stocks are the phase's last month summed over countries.
TEST(Catalogue, ASummaryOfAMetricAggregatesItByItsKind) {
  const model::Description m = test::small_world(2000, 24);
  const Series s = run_one(m, 0);
  const PhaseSummary sum = summarise(s, m);
  const model::Phase& phase = m.phases[0];
  for (const SummaryInfo& row : summary_catalogue()) {
    if (row.of == Metric::count || row.kind == Kind::ratio) continue;
    double expected = 0;
    for (int c = 0; c < s.countries(); ++c)
      for (int k = 0; k < axis_length(info(row.of).axis); ++k) {
        if (row.kind == Kind::stock) expected += s.at(row.of, phase.last_step, c, k);
        for (int t = phase.first_step; row.kind == Kind::flow && t <= phase.last_step; ++t)
          expected += s.at(row.of, t, c, k);
      }
    EXPECT_NEAR(sum.total(0, row.id), expected, 1e-9 * std::fabs(expected)) << row.name;
  }
  EXPECT_GT(sum.total(0, Summary::module_deliveries), 0);
}

}  // namespace
}  // namespace score::sim
