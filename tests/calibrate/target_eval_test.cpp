// Targets against one replication: what the model gives for each form of
// target, and how a value is judged against the way the figure was reported.
#include "calibrate/target_eval.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "scenario/diagnostic.hpp"

namespace score::calibrate {
namespace {

// Two countries, 2010-01 to 2010-12, one phase.
Frame frame() { return {{2010, 1}, 12, {"IDN", "VNM"}, {"I"}, {11}}; }

Target dated(sim::Metric m, const char* at, std::string country = {}) {
  Target t;
  t.name = "a dated target";
  t.measure = Measure::dated_metric;
  t.metric = m;
  t.at = *parse_year_month(at);
  t.country = std::move(country);
  return t;
}

// A stock rising by one a month in IDN and by ten in VNM; a flow of 1 and 2 a month.
sim::Series series() {
  sim::Series s(12, 2);
  for (int step = 0; step < 12; ++step) {
    s.at(sim::Metric::firms_trained_total, step, 0) = step + 1;
    s.at(sim::Metric::firms_trained_total, step, 1) = 10.0 * (step + 1);
    s.at(sim::Metric::classroom_participants, step, 0) = 1;
    s.at(sim::Metric::classroom_participants, step, 1) = 2;
  }
  return s;
}

const sim::PhaseSummary kSummary(1, 2);

TEST(DatedMetric, StockIsItsLevelAtTheEndOfTheMonth) {
  EXPECT_EQ(evaluate(dated(sim::Metric::firms_trained_total, "2010-06"), frame(), series(), kSummary).model,
            66);
  EXPECT_EQ(
      evaluate(dated(sim::Metric::firms_trained_total, "2010-06", "VNM"), frame(), series(), kSummary).model,
      60);
}

TEST(DatedMetric, FlowIsItsSumFromTheStartOrFromAMonth) {
  Target t = dated(sim::Metric::classroom_participants, "2010-06", "IDN");
  EXPECT_EQ(evaluate(t, frame(), series(), kSummary).model, 6);
  t.from = parse_year_month("2010-05");
  EXPECT_EQ(evaluate(t, frame(), series(), kSummary).model, 2);
  t.country.clear();
  EXPECT_EQ(evaluate(t, frame(), series(), kSummary).model, 6);
}

TEST(PhaseSummaryTarget, ReadsTheAllCountryTotalOrOneCountry) {
  sim::PhaseSummary summary(1, 2);
  summary.at(0, 0, sim::Summary::firms_trained_total) = 3;
  summary.at(0, 2, sim::Summary::firms_trained_total) = 7;
  Target t;
  t.phase = "I";
  t.summary = sim::Summary::firms_trained_total;
  EXPECT_EQ(evaluate(t, frame(), series(), summary).model, 7);
  t.country = "IDN";
  EXPECT_EQ(evaluate(t, frame(), series(), summary).model, 3);
}

// Cost recovery over a window: revenue from every source that is not the
// programme's own money (the ILO's or donors'), over delivery cost.
TEST(CoverageTarget, IsRevenueOtherThanProgrammeMoneyOverCost) {
  sim::Series s(12, 2);
  for (int step = 0; step < 12; ++step)
    for (int c = 0; c < 2; ++c) {
      s.at(sim::Metric::delivery_cost_usd, step, c) = 100;
      for (int k = 0; k < model::kSources; ++k) s.at(sim::Metric::revenue_usd, step, c, k) = k + 1.0;
    }
  Target t;
  t.measure = Measure::coverage;
  t.from = parse_year_month("2010-03");
  t.at = *parse_year_month("2010-04");
  // government, buyer, csr, enterprise: 3 + 4 + 5 + 6 of each 100, in both countries and months.
  EXPECT_DOUBLE_EQ(evaluate(t, frame(), s, kSummary).model, 18.0 / 100);
  t.country = "VNM";
  EXPECT_DOUBLE_EQ(evaluate(t, frame(), s, kSummary).model, 18.0 / 100);
}

TEST(StepsRead, ReachTheLastMonthAnyTargetReads) {
  const Frame f{{2010, 1}, 24, {"IDN"}, {"I", "II"}, {5, 23}};
  Target in_phase;
  in_phase.measure = Measure::phase_summary;
  in_phase.phase = "I";
  EXPECT_EQ(steps_read({in_phase}, f), 6);
  Target dated_flow = dated(sim::Metric::classroom_participants, "2010-09");
  dated_flow.from = YearMonth{2010, 1};
  EXPECT_EQ(steps_read({in_phase, dated_flow}, f), 9);
  Target cover;
  cover.measure = Measure::coverage;
  cover.from = YearMonth{2010, 2};
  cover.at = YearMonth{2010, 11};
  EXPECT_EQ(steps_read({in_phase, cover, dated_flow}, f), 11);
  in_phase.phase = "II";
  EXPECT_EQ(steps_read({cover, in_phase}, f), 24);
}

TEST(CheckTargets, NamesTheFileTheTargetAndTheProblem) {
  Target t = dated(sim::Metric::firms_trained_total, "2011-01");
  t.name = "late";
  t.line = 7;
  try {
    check_targets({t}, frame(), "targets.toml");
    FAIL() << "a month after the calendar was accepted";
  } catch (const scenario::ScenarioError& e) {
    const std::string text = e.diagnostics().at(0).format();
    EXPECT_NE(text.find("targets.toml:7"), std::string::npos) << text;
    EXPECT_NE(text.find("late"), std::string::npos) << text;
    EXPECT_NE(text.find("outside the scenario's calendar"), std::string::npos) << text;
  }
  t.at = {2010, 12};
  t.country = "GHA";
  EXPECT_THROW(check_targets({t}, frame(), "targets.toml"), scenario::ScenarioError);
  t.country = "VNM";
  EXPECT_NO_THROW(check_targets({t}, frame(), "targets.toml"));
}

Judgement judged(const Reported& r, double model) {
  Target t;
  t.reported = r;
  const Sample s{model, r.value};
  return judge(t, std::span(&s, 1));
}

TEST(Judge, PointWithRelativeToleranceIsZeroInsideAndGrowsOutside) {
  Reported r;
  r.value = 100;
  r.relative_tolerance = 0.1;
  EXPECT_TRUE(judged(r, 109).inside);
  EXPECT_EQ(judged(r, 91).discrepancy, 0);
  EXPECT_FALSE(judged(r, 111).inside);
  EXPECT_DOUBLE_EQ(judged(r, 120).discrepancy, 1.0);  // one half-width beyond the band
  EXPECT_DOUBLE_EQ(judged(r, 70).discrepancy, 2.0);
}

TEST(Judge, RangeAtLeastAndUpTo) {
  Reported range;
  range.form = Form::range;
  range.min = 0.75;
  range.max = 0.80;
  EXPECT_TRUE(judged(range, 0.77).inside);
  EXPECT_FALSE(judged(range, 0.81).inside);
  Reported over;  // "over 1,400", plausibly up to 15% above
  over.form = Form::at_least;
  over.value = 1400;
  over.upper_tail = 0.15;
  EXPECT_TRUE(judged(over, 1500).inside);
  EXPECT_FALSE(judged(over, 1399).inside);
  EXPECT_FALSE(judged(over, 1700).inside);
  over.upper_tail = std::nan("");
  EXPECT_TRUE(judged(over, 1e6).inside);
  Reported up_to;
  up_to.form = Form::up_to;
  up_to.value = 0.5;
  EXPECT_TRUE(judged(up_to, 0.2).inside);
  EXPECT_FALSE(judged(up_to, 0.55).inside);
  EXPECT_DOUBLE_EQ(judged(up_to, 0.55).discrepancy, 1.0);
}

// The band is [lo, hi]; inside() holds at both edges and not one
// representable number beyond a finite edge; an infinite edge is open.
void expect_edges(const Band& band, double lo, double hi) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(band.lo, lo);
  EXPECT_EQ(band.hi, hi);
  for (const double edge : {lo, hi}) {
    if (!std::isfinite(edge)) continue;
    EXPECT_TRUE(inside(band, edge)) << edge;
    EXPECT_FALSE(inside(band, std::nextafter(edge, edge == lo ? -inf : inf))) << edge;
  }
  EXPECT_EQ(inside(band, -1e300), lo == -inf);
  EXPECT_EQ(inside(band, 1e300), hi == inf);
  EXPECT_FALSE(inside(band, std::nan("")));
}

// inside() is what the check, the fit's table and the central set's choice
// all ask, for every form of figure the targets files use.
TEST(Inside, HoldsOnTheBandsEdgesForEveryForm) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  Reported point;  // 300 ± 30
  point.value = 300;
  point.absolute_tolerance = 30;
  expect_edges(band_of(point, 300), 270, 330);
  Reported range;
  range.form = Form::range;
  range.min = 0.5;
  range.max = 1.0;
  expect_edges(band_of(range, 0), 0.5, 1.0);
  Reported over;  // "over 1,400": no upper edge without a tail
  over.form = Form::at_least;
  over.value = 1400;
  expect_edges(band_of(over, 1400), 1400, inf);
  over.upper_tail = 0.25;  // up to 1,750
  expect_edges(band_of(over, 1400), 1400, 1750);
  Reported up_to;  // "up to 50%": no lower edge
  up_to.form = Form::up_to;
  up_to.value = 0.5;
  expect_edges(band_of(up_to, 0.5), -inf, 0.5);
}

TEST(Judge, AveragesReplicationsAndLeavesOutNaN) {
  Target t;
  t.reported.value = 10;
  t.reported.absolute_tolerance = 1;
  const std::vector<Sample> reps{{9, 10}, {std::nan(""), 10}, {12, 10}};
  const Judgement j = judge(t, reps);
  EXPECT_DOUBLE_EQ(j.model, 10.5);
  EXPECT_TRUE(j.inside);
}

}  // namespace
}  // namespace score::calibrate
