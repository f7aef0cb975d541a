// score seek on a small scenario: targets read as documented, runs that
// share seeds across lever values, and an answer checked against a
// brute-force scan of the same runs.
#include "experiment/seek.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "scenario/build.hpp"
#include "sim/metric_names.hpp"
#include "sim/runner.hpp"
#include "support/run_score.hpp"
#include "sweep/seek_runs.hpp"
#include "sweep_files.hpp"

namespace score::sweep {
namespace {

const scenario::Scenario& small() {
  static const scenario::Scenario sc = scenario::load_scenario(testing::small_scenario());
  return sc;
}

double sum_stock(const sim::Series& s, sim::Metric m, int t) {
  double v = 0;
  for (int c = 0; c < s.countries(); ++c) v += s.at(m, t, c);
  return v;
}

TEST(SeekTarget, ReadsStocksFlowsAndCostRecoveryAsDocumented) {
  const sim::Series s = sim::run_one(small().model, 0);
  const Target at = parse_target("firms_trained_total >= 10 at 2011-12", small().model);
  EXPECT_EQ(at.first_step, 23);
  EXPECT_EQ(target_value(at, s), sum_stock(s, sim::Metric::firms_trained_total, 23));
  const Target change = parse_target("firms_trained_total > 1 from 2011-01 to 2011-12", small().model);
  EXPECT_EQ(target_value(change, s), sum_stock(s, sim::Metric::firms_trained_total, 23) -
                                         sum_stock(s, sim::Metric::firms_trained_total, 11));
  const Target year = parse_target("module_deliveries[AAA] >= 1 in 2011", small().model);
  double deliveries = 0;
  for (int t = 12; t < 24; ++t)
    for (int k = 0; k < 5; ++k) deliveries += s.at(sim::Metric::module_deliveries, t, 0, k);
  EXPECT_EQ(target_value(year, s), deliveries);
  const Target recovery = parse_target("cost_recovery >= 40% in 2012", small().model);
  EXPECT_DOUBLE_EQ(recovery.value, 0.4);
  const double v = target_value(recovery, s);
  EXPECT_GT(v, 0);
  EXPECT_LE(v, 1);
}

std::vector<std::string> heard;
void hear(const std::string& message) { heard.push_back(message); }

// Targets written before the rename (scripts, notes) still read.
TEST(SeekTarget, ReadsAMetricByItsOldName) {
  heard.clear();
  sim::on_old_metric_name(&hear);
  const Target old = parse_target("smes_trained[AAA] >= 10 at 2011-12", small().model);
  sim::on_old_metric_name(nullptr);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].rfind("seek target: 'smes_trained' is deprecated, now called 'firms_trained_total'", 0),
            0u)
      << heard[0];
  EXPECT_EQ(old.metric, sim::Metric::firms_trained_total);
  EXPECT_EQ(old.country, 0);
  EXPECT_EQ(old.text, "smes_trained[AAA] >= 10 at 2011-12") << "shown as given";
}

TEST(SeekTarget, RefusesWhatItCannotRead) {
  const auto& m = small().model;
  EXPECT_THROW(parse_target("smes_traned >= 10 at 2011-12", m), SeekInputError);
  EXPECT_THROW(parse_target("firms_trained_total >= 10 at 2031-12", m), SeekInputError);
  EXPECT_THROW(parse_target("firms_trained_total >= 10 in 2011-12", m), SeekInputError);
  EXPECT_THROW(parse_target("firms_trained_total[XXX] >= 10 at 2011-12", m), SeekInputError);
  EXPECT_THROW(parse_target("payback_months <= 10 at 2011-12", m), SeekInputError);
  EXPECT_THROW(parse_target("firms_trained_total = 10 at 2011-12", m), SeekInputError);
  try {
    parse_target("firms_trained_total >= 10 at 2031-12", m);
  } catch (const SeekInputError& e) {
    EXPECT_NE(std::string(e.what()).find("outside the scenario's calendar (2010-01 to 2012-12)"),
              std::string::npos);
  }
}

TEST(SeekLever, TakesTheScenarioRangeOrAGivenOne) {
  const Lever l = find_lever(small(), "behaviour.enrol_rate", std::nullopt);
  EXPECT_EQ(l.lo, 0.01);
  EXPECT_EQ(l.hi, 0.1);
  EXPECT_TRUE(l.range_from_scenario);
  EXPECT_THROW(find_lever(small(), "phases.II.subsidy_share", std::nullopt),
               SeekInputError);  // no range declared
  EXPECT_NO_THROW(find_lever(small(), "phases.II.subsidy_share", experiment::Interval{0, 0.5}));
  EXPECT_THROW(find_lever(small(), "phases.II.subsidy_share", experiment::Interval{0, 2}), SeekInputError);
  EXPECT_THROW(find_lever(small(), "phases.II.strategy", experiment::Interval{0, 1}), SeekInputError);
  EXPECT_TRUE(find_lever(small(), "phases.I.providers_onboarded", experiment::Interval{0, 10}).integer);
}

// The answer against a brute-force scan: the probability at the interval's
// ends, from 400 runs with the same seeds, lies on the right side of the
// required probability (with the scan's own sampling margin).
TEST(SeekRuns, TheAnswerBracketsTheThresholdOfABruteForceScan) {
  const Target target = parse_target("firms_trained_total >= 16 at 2012-12", small().model);
  const Lever lever = find_lever(small(), "behaviour.enrol_rate", std::nullopt);
  SeekRuns runs(testing::small_scenario(), {}, lever, target, 2);
  experiment::SeekOptions o;
  o.lo = lever.lo;
  o.hi = lever.hi;
  o.probability = 0.7;
  o.max_reps = 200;
  const experiment::SeekResult r = experiment::seek(o, std::ref(runs));
  ASSERT_EQ(r.status, experiment::SeekStatus::found);
  auto scan = [&](double x) {
    const std::vector<bool> met = runs(x, 0, 400);
    return static_cast<double>(std::count(met.begin(), met.end(), true)) / 400;
  };
  EXPECT_LT(scan(r.interval.lo), 0.7 + 0.03) << r.interval.lo;
  EXPECT_GE(scan(r.interval.hi), 0.7 - 0.03) << r.interval.hi;
  EXPECT_LT(r.interval.hi - r.interval.lo, 0.5 * (lever.hi - lever.lo));
  // The scan's threshold lies inside the interval: below it the scan fails, above it meets.
  const double below = r.interval.lo - 0.1 * (r.interval.lo - lever.lo);
  const double above = r.interval.hi + 0.5 * (lever.hi - r.interval.hi);
  EXPECT_LT(scan(below), 0.7);
  EXPECT_GE(scan(above), 0.7);
}

TEST(SeekRuns, OutcomesDependOnTheValueAndReplicationOnly) {
  const Target target = parse_target("firms_trained_total >= 16 at 2012-12", small().model);
  const Lever lever = find_lever(small(), "behaviour.enrol_rate", std::nullopt);
  SeekRuns one(testing::small_scenario(), {}, lever, target, 1);
  SeekRuns two(testing::small_scenario(), {}, lever, target, 2);
  const std::vector<bool> all = one(0.05, 0, 40);
  std::vector<bool> halves = two(0.05, 0, 20);
  const std::vector<bool> rest = two(0.05, 20, 20);
  halves.insert(halves.end(), rest.begin(), rest.end());
  EXPECT_EQ(all, halves);
}

// Set-up does not read the enrolment rate, so every value after the first
// takes the set-ups the first drew: its outcomes are those of runs that draw
// their own (a fresh SeekRuns per value).
TEST(SeekRuns, ValuesSharingSetUpsGiveTheOutcomesOfRunsDrawingTheirOwn) {
  const Target target = parse_target("firms_trained_total >= 16 at 2012-12", small().model);
  const Lever lever = find_lever(small(), "behaviour.enrol_rate", std::nullopt);
  SeekRuns shared(testing::small_scenario(), {}, lever, target, 2);
  for (const double f : {0.8, 0.2, 0.5}) {
    const double x = lever.lo + f * (lever.hi - lever.lo);
    SeekRuns fresh(testing::small_scenario(), {}, lever, target, 2);
    EXPECT_EQ(shared(x, 0, 30), fresh(x, 0, 30)) << x;
  }
}

TEST(SeekCli, PrintsItsRunsAndTheAnswerOrRefusesWithAReason) {
  const std::string base = "seek " + testing::small_scenario() + " --lever behaviour.enrol_rate ";
  const auto found = score_test::score(
      base + "--target \"firms_trained_total >= 16 at 2012-12\" --probability 0.7 --threads 2");
  EXPECT_EQ(found.code, 0) << found.out;
  EXPECT_NE(found.out.find("answer: behaviour.enrol_rate = "), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("meets"), std::string::npos);
  const auto same = score_test::score(
      base + "--target \"firms_trained_total >= 16 at 2012-12\" --probability 0.7 --threads 1");
  EXPECT_EQ(same.out, found.out) << "the answer depends on the thread count";
  const auto far = score_test::score(base + "--target \"firms_trained_total >= 400 at 2012-12\"");
  EXPECT_EQ(far.code, 3) << far.out;
  EXPECT_NE(far.out.find("out of reach within [0.01000, 0.10000]"), std::string::npos) << far.out;
  const auto bad = score_test::score(base + "--target \"firms_trained_total >= 16 at 2031-12\"");
  EXPECT_EQ(bad.code, 2) << bad.out;
  EXPECT_NE(bad.out.find("outside the scenario's calendar"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace score::sweep
