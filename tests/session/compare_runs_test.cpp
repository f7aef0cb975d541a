#include <gtest/gtest.h>

#include <cmath>

#include "core/statistics.hpp"
#include "session/compare.hpp"
#include "session/programme_totals.hpp"

namespace score::session {
namespace {

using S = sim::Summary;

// A run of one country ("GHA") and phases I (2009-01..2009-12) and II
// (2010-01..2010-12) whose replication r trained firms[r] firms in each phase.
ComparedRun run(std::string label, std::uint64_t seed, const std::vector<double>& firms) {
  ComparedRun r{std::move(label), seed, {2009, 1}, {"GHA"}, {{"I", "one", 0, 11}, {"II", "two", 12, 23}}, {}};
  for (double f : firms) {
    sim::PhaseSummary s(2, 1);
    for (int p = 0; p < 2; ++p)
      for (int slot = 0; slot < 2; ++slot) s.at(p, slot, S::firms_trained) = f;
    r.summaries.push_back(s);
  }
  return r;
}

const ComparedRow& find(const Comparison& c, const std::string& phase, S s) {
  for (const ComparedRow& r : c.rows)
    if (r.phase == phase && r.summary == s) return r;
  throw std::runtime_error("no row " + phase);
}

// Replications that vary a lot between seeds, and a second run that adds 5
// to each, with a little noise of its own: common random numbers.
std::vector<double> base() { return {100, 140, 80, 120, 160, 90, 110, 130}; }
std::vector<double> shifted() {
  std::vector<double> xs = base();
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] += 5 + (i % 2 ? 1 : -1);
  return xs;
}

TEST(CompareRuns, EqualSeedsGivePairedIntervalsNarrowerThanWelch) {
  const std::vector<ComparedRun> same{run("A", 7, base()), run("B", 7, shifted())};
  const std::vector<ComparedRun> other{run("A", 7, base()), run("B", 8, shifted())};
  const CompareOptions only{{S::firms_trained}, "", 0.95};
  const Comparison paired = compare_runs(same, only), welch = compare_runs(other, only);
  EXPECT_EQ(paired.pairing[1], Pairing::paired);
  EXPECT_EQ(welch.pairing[1], Pairing::welch);
  const Difference& p = find(paired, "I", S::firms_trained).differences[1];
  const Difference& w = find(welch, "I", S::firms_trained).differences[1];
  EXPECT_DOUBLE_EQ(p.mean, 5);
  EXPECT_DOUBLE_EQ(w.mean, 5);
  EXPECT_LT(p.high - p.low, (w.high - w.low) / 5);
  EXPECT_EQ(p.verdict, Verdict::differs);
  EXPECT_EQ(w.verdict, Verdict::within_noise);
}

TEST(CompareRuns, DifferentReplicationCountsAreNotPaired) {
  std::vector<double> fewer = shifted();
  fewer.pop_back();
  const std::vector<ComparedRun> runs{run("A", 7, base()), run("B", 7, fewer)};
  EXPECT_EQ(compare_runs(runs).pairing[1], Pairing::welch);
}

TEST(CompareRuns, PhasesDifferingInMonthsAreFlaggedAndNoneIsDropped) {
  ComparedRun split = run("split", 7, base());
  split.phases = {{"I", "one", 0, 11}, {"II", "two", 12, 17}, {"III", "three", 18, 23}};
  for (auto& s : split.summaries) {
    sim::PhaseSummary three(3, 1);
    for (int p = 0; p < 3; ++p) three.at(p, 1, S::firms_trained) = s.total(0, S::firms_trained);
    s = three;
  }
  const std::vector<ComparedRun> runs{run("history", 7, base()), split};
  const Comparison c = compare_runs(runs, {{S::firms_trained}, "", 0.95});
  ASSERT_EQ(c.phases.size(), 3u);
  EXPECT_FALSE(c.phases[0].months_differ);
  EXPECT_TRUE(c.phases[1].months_differ);
  EXPECT_TRUE(c.phases[2].missing);
  ASSERT_EQ(c.warnings.size(), 2u);
  EXPECT_NE(
      c.warnings[0].find("phase II covers different months: history 2010-01 to 2010-12; split 2010-01 to "
                         "2010-06"),
      std::string::npos)
      << c.warnings[0];
  EXPECT_NE(c.warnings[1].find("phase III is not in every run"), std::string::npos) << c.warnings[1];
  const ComparedRow& extra = find(c, "III", S::firms_trained);
  EXPECT_TRUE(std::isnan(extra.means[0]));
  EXPECT_DOUBLE_EQ(extra.means[1], mean(base()));
  EXPECT_TRUE(std::isnan(extra.differences[1].mean));
}

TEST(CompareRuns, ThreeRunsAreAllListedAgainstTheFirst) {
  const std::vector<ComparedRun> runs{run("A", 1, {10, 12}), run("B", 1, {20, 22}), run("C", 1, {5, 7})};
  const Comparison c = compare_runs(runs, {{S::firms_trained}, "", 0.95});
  EXPECT_EQ(c.labels, (std::vector<std::string>{"A", "B", "C"}));
  const ComparedRow& r = find(c, "I", S::firms_trained);
  ASSERT_EQ(r.means.size(), 3u);
  EXPECT_DOUBLE_EQ(r.means[2], 6);
  EXPECT_DOUBLE_EQ(r.differences[1].mean, 10);
  EXPECT_DOUBLE_EQ(r.differences[2].mean, -5);
  EXPECT_DOUBLE_EQ(r.differences[2].relative, -5.0 / 11);
  EXPECT_EQ(r.differences[0].mean, 0);
}

TEST(CompareRuns, ProgrammeRowsSumFlowsOverPhases) {
  const std::vector<ComparedRun> runs{run("A", 1, {10, 12}), run("B", 1, {20, 22})};
  const Comparison c = compare_runs(runs, {{S::firms_trained}, "", 0.95});
  const ComparedRow& total = c.rows.back();
  EXPECT_EQ(total.phase, kProgramme);
  EXPECT_DOUBLE_EQ(total.means[0], 22);
  EXPECT_DOUBLE_EQ(total.differences[1].mean, 20);
}

TEST(CompareRuns, OneCountryOnRequestAndAWarningForARunWithoutIt) {
  ComparedRun other = run("B", 1, {20, 22});
  other.country_ids = {"KEN"};
  const std::vector<ComparedRun> runs{run("A", 1, {10, 12}), other};
  const Comparison c = compare_runs(runs, {{S::firms_trained}, "GHA", 0.95});
  EXPECT_DOUBLE_EQ(find(c, "I", S::firms_trained).means[0], 11);
  EXPECT_TRUE(std::isnan(find(c, "I", S::firms_trained).means[1]));
  ASSERT_FALSE(c.warnings.empty());
  EXPECT_EQ(c.warnings[0], "B has no country GHA");
}

TEST(ProgrammeTotals, RatiosAreRecomputedFromSummedFlows) {
  sim::PhaseSummary s(2, 0);
  s.at(0, 0, S::donor_spend_usd) = 1000;
  s.at(0, 0, S::firms_trained) = 10;
  s.at(1, 0, S::donor_spend_usd) = 1000;
  s.at(1, 0, S::firms_trained) = 90;
  s.at(0, 0, S::trainers_certified) = 5;
  s.at(1, 0, S::trainers_certified) = 7;
  EXPECT_DOUBLE_EQ(programme_total(s, 0, S::donor_cost_per_firm_usd), 20);
  EXPECT_DOUBLE_EQ(programme_total(s, 0, S::trainers_certified), 7);
  EXPECT_DOUBLE_EQ(programme_total(s, 0, S::firms_trained), 100);
}

}  // namespace
}  // namespace score::session
