// From a sweep file to its points and their runs: the design in parameter
// units, the overrides of each point (range = "scenario" included), the
// point seeds, the point checks, and a point's results.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <set>

#include "core/calendar.hpp"
#include "scenario/diagnostic.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_analysis.hpp"
#include "sweep_files.hpp"

namespace score::sweep {
namespace {

using sweep_design = testing::SweepFiles;
using sweep_runner = testing::SweepFiles;

TEST_F(sweep_design, AGridTakesEveryCombinationLastParameterFastest) {
  const Sweep sw =
      load_sweep(write_sweep("g.toml", "design = \"grid\"\nlevels = 2\nseed = 4\nreplications = 2",
                             "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nvalues = [0.2, 0.6]\n"
                             "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"));
  ASSERT_EQ(sw.points(), 4);
  EXPECT_EQ(sw.design.values[1],
            (std::vector<double>{0.2, 0.1}));  // enrol_rate's declared range is [0.01, 0.1]
  EXPECT_EQ(sw.design.values[2], (std::vector<double>{0.6, 0.01}));
  const auto overrides = point_overrides(sw.spec, sw.design, 1);
  ASSERT_EQ(overrides.size(), 4u);
  EXPECT_EQ(overrides[0], "phases.I.subsidy_share=0.2");
  EXPECT_EQ(overrides[1], "behaviour.enrol_rate=0.1");
  EXPECT_EQ(overrides[2], "run.seed=" + std::to_string(point_seed(4, 1)));
  EXPECT_EQ(overrides[3], "run.replications=2");
}

TEST_F(sweep_design, AScenarioRangeBoundsTheSampledValues) {
  const Sweep sw =
      load_sweep(write_sweep("l.toml", "design = \"lhs\"\npoints = 16\nseed = 8",
                             "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n"));
  std::set<int> strata;
  for (const auto& row : sw.design.values) {
    EXPECT_GE(row[0], 0.2);
    EXPECT_LT(row[0], 0.7);
    strata.insert(static_cast<int>((row[0] - 0.2) / 0.5 * 16));
  }
  EXPECT_EQ(strata.size(), 16u);  // one point per stratum of [0.2, 0.7)
}

TEST_F(sweep_design, IntegerKeysGetWholeValues) {
  const Sweep sw = load_sweep(
      write_sweep("i.toml", "design = \"sobol\"\npoints = 8",
                  "[[parameter]]\nkey = \"countries.AAA.eligible_firms\"\nrange = \"scenario\"\n"));
  for (int p = 0; p < sw.points(); ++p) {
    const double v = sw.design.values[static_cast<std::size_t>(p)][0];
    EXPECT_EQ(v, std::round(v));
    EXPECT_EQ(point_overrides(sw.spec, sw.design, p)[0],
              "countries.AAA.eligible_firms=" + scenario::format_number(v));
    EXPECT_EQ(point_model(sw, p).countries[0].eligible_firms, static_cast<std::int64_t>(v));
  }
}

TEST_F(sweep_design, APointsModelCarriesItsValuesSeedAndReplications) {
  const Sweep sw =
      load_sweep(write_sweep("m.toml", "design = \"lhs\"\npoints = 3\nseed = 11\nreplications = 3",
                             "[[parameter]]\nkey = \"phases.II.subsidy_share\"\nrange = [0.1, 0.4]\n"
                             "[[parameter]]\nkey = \"funders.D.budget_usd.II\"\nrange = [1e5, 9e5]\n"));
  for (int p = 0; p < sw.points(); ++p) {
    const model::Description m = point_model(sw, p);
    const auto& row = sw.design.values[static_cast<std::size_t>(p)];
    EXPECT_DOUBLE_EQ(m.phases[1].plans[0].subsidy_share[0], row[0]);
    EXPECT_DOUBLE_EQ(m.funders[0].budget[1], row[1]);
    EXPECT_EQ(m.seed, sw.design.seeds[static_cast<std::size_t>(p)]);
    EXPECT_EQ(m.replications, 3);
  }
}

TEST_F(sweep_design, PointSeedsDependOnlyOnTheSweepSeedAndTheIndex) {
  std::set<std::uint64_t> seeds;
  for (int p = 0; p < 1000; ++p) {
    const std::uint64_t s = point_seed(42, p);
    EXPECT_LT(s, std::uint64_t{1} << 53);
    seeds.insert(s);
  }
  EXPECT_EQ(seeds.size(), 1000u);
  EXPECT_NE(point_seed(42, 0), point_seed(43, 0));
  const Sweep small =
      load_sweep(write_sweep("a.toml", "design = \"lhs\"\npoints = 2\nseed = 42",
                             "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0, 1]\n"));
  EXPECT_EQ(small.design.seeds[1], point_seed(42, 1));
}

TEST_F(sweep_design, SaltelliAndMorrisKeepTheirLayouts) {
  const Sweep s =
      load_sweep(write_sweep("s.toml", "design = \"saltelli\"\nn = 4",
                             "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n"
                             "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = [0.01, 0.1]\n"));
  EXPECT_EQ(s.design.saltelli.n, 4);
  EXPECT_EQ(s.design.saltelli.rows(), s.points());
  const auto& v = s.design.values;
  const auto& l = s.design.saltelli;
  EXPECT_EQ(v[static_cast<std::size_t>(l.ab(0, 1))][0], v[static_cast<std::size_t>(l.b(1))][0]);
  EXPECT_EQ(v[static_cast<std::size_t>(l.ab(0, 1))][1], v[static_cast<std::size_t>(l.a(1))][1]);
  for (int j = 0; j < l.n; ++j)  // no base row with A = B (Sobol' points 0 and 1 are skipped)
    EXPECT_NE(v[static_cast<std::size_t>(l.a(j))], v[static_cast<std::size_t>(l.b(j))]) << j;
  const Sweep m =
      load_sweep(write_sweep("m.toml", "design = \"morris\"\ntrajectories = 3",
                             "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n"));
  EXPECT_EQ(m.spec.levels, 4);  // the default
  EXPECT_EQ(m.design.morris.trajectories, 3);
  EXPECT_EQ(m.points(), 3 * 2);
}

// Common random numbers: A_j, B_j and every AB_i,j run with base row j's
// seed, so a parameter with no effect leaves the outputs bit-identical and
// gets Sobol' indices of exactly 0; different base rows get different seeds.
TEST_F(sweep_design, TheRowsOfASaltelliBaseRowShareItsSeed) {
  const Sweep s =
      load_sweep(write_sweep("s.toml", "design = \"saltelli\"\nn = 8\nseed = 9",
                             "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n"
                             "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = [0.01, 0.1]\n"));
  const auto& l = s.design.saltelli;
  std::set<std::uint64_t> distinct;
  for (int j = 0; j < l.n; ++j) {
    const std::uint64_t seed = s.design.seeds[static_cast<std::size_t>(l.a(j))];
    EXPECT_EQ(seed, point_seed(9, j));
    EXPECT_EQ(s.design.seeds[static_cast<std::size_t>(l.b(j))], seed) << j;
    for (int i = 0; i < l.k; ++i) EXPECT_EQ(s.design.seeds[static_cast<std::size_t>(l.ab(i, j))], seed) << j;
    distinct.insert(seed);
  }
  EXPECT_EQ(distinct.size(), 8u);
}

TEST_F(sweep_design, PointsTheScenarioRejectsAreReportedBeforeAnythingRuns) {
  const Sweep sw =
      load_sweep(write_sweep("c.toml", "design = \"grid\"\nlevels = 3",
                             "[[parameter]]\nkey = \"countries.AAA.employees_median\"\nrange = [20, 400]\n"));
  try {
    check_points(sw, 2);
    FAIL() << "points with a median outside [employees_min, employees_max] passed";
  } catch (const scenario::ScenarioError& e) {
    const std::string text = e.what();
    EXPECT_NE(text.find("point 0 (countries.AAA.employees_median=20) is not a valid scenario"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("point 2 (countries.AAA.employees_median=400)"), std::string::npos) << text;
    EXPECT_EQ(text.find("point 1 "), std::string::npos) << text;
  }
}

TEST_F(sweep_runner, APointsResultsDoNotDependOnWhoRunsItOrWhen) {
  const Sweep sw =
      load_sweep(write_sweep("r.toml", "design = \"lhs\"\npoints = 4\nseed = 2\nreplications = 3",
                             "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
                             "[output]\ntimeseries = [\"firms_trained_total\", \"module_deliveries\"]\n"));
  const PointResult alone = *run_point(sw, 2);
  std::vector<PointResult> all(4);
  PendingPoints source({3, 2, 1, 0});
  RunPointsOptions options;
  options.threads = 2;
  options.on_point = [&](PointResult&& r) { all[static_cast<std::size_t>(r.point)] = std::move(r); };
  ASSERT_TRUE(run_points(sw, source, options));
  const PointResult& again = all[2];
  EXPECT_EQ(again.seed, sw.design.seeds[2]);
  const PointShape shape = point_shape(sw);
  ASSERT_EQ(again.outcome.size(), shape.outcome_size());
  ASSERT_EQ(again.timeseries.size(), 2u);
  EXPECT_EQ(again.timeseries[1].size(), shape.timeseries_size(1));
  EXPECT_EQ(std::memcmp(alone.outcome.data(), again.outcome.data(), alone.outcome.size() * sizeof(double)),
            0);
  EXPECT_EQ(std::memcmp(alone.stats.data(), again.stats.data(), alone.stats.size() * sizeof(double)), 0);
  EXPECT_EQ(alone.timeseries, again.timeseries);
  EXPECT_NE(all[1].outcome, all[2].outcome);
}

TEST_F(sweep_runner, StatisticsSummariseTheReplications) {
  const Sweep sw =
      load_sweep(write_sweep("r.toml", "design = \"lhs\"\npoints = 1\nreplications = 4",
                             "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = [0.04, 0.06]\n"));
  const PointResult r = *run_point(sw, 0);
  const PointShape shape = point_shape(sw);
  const int s = static_cast<int>(sim::Summary::firms_trained);
  for (int phase = 0; phase < shape.phases; ++phase) {
    double sum = 0;
    for (int rep = 0; rep < 4; ++rep)
      sum += r.outcome[(static_cast<std::size_t>(rep) * shape.phases + phase) * sim::kSummaries + s];
    const std::size_t at = (static_cast<std::size_t>(phase) * sim::kSummaries + s) * kStatistics;
    EXPECT_DOUBLE_EQ(r.stats[at + static_cast<int>(Statistic::mean)], sum / 4);
    EXPECT_LE(r.stats[at + static_cast<int>(Statistic::p05)], r.stats[at + static_cast<int>(Statistic::p95)]);
  }
}

TEST_F(sweep_runner, ACancelledPointGivesNothing) {
  const Sweep sw =
      load_sweep(write_sweep("c.toml", "design = \"lhs\"\npoints = 2",
                             "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = [0.04, 0.06]\n"));
  std::atomic<bool> cancel{true};
  EXPECT_FALSE(run_point(sw, 0, {nullptr, &cancel, {}}).has_value());
  PendingPoints source({0, 1});
  RunPointsOptions options;
  options.hooks.cancel = &cancel;
  int stored = 0;
  options.on_point = [&](PointResult&&) { ++stored; };
  EXPECT_FALSE(run_points(sw, source, options));
  EXPECT_EQ(stored, 0);
}

TEST(sweep_shipped, EveryShippedSweepLoadsAndItsPointsAreValid) {
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(SCORE_SOURCE_DIR) /
                                                           "scenarios" / "sweeps")) {
    if (e.path().extension() != ".toml") continue;
    ++files;
    const Sweep sw = load_sweep(e.path());
    EXPECT_NO_THROW(check_points(sw, 2)) << e.path();
    // The saltelli example must be large enough to rank its parameters and
    // to keep its first-order intervals within reach of [0, 1]
    // (docs/experiments.md, section 5: n = 1024), the policy examples to give
    // each of their options a spread (the Phase V options: 4 x 32 points x 2
    // replications); the others only show their design.
    const int limit = sw.spec.method == Method::saltelli ? 5120 : sw.spec.policies.empty() ? 40 : 256;
    EXPECT_LE(sw.points() * sw.spec.replications, limit) << e.path() << ": keep the shipped examples small";
    // Every example varies the history, directly or through a Phase V option
    // that extends it to 2030.
    EXPECT_EQ(sw.base.model.start, (YearMonth{2009, 1})) << e.path();
    EXPECT_EQ(sw.base.model.phases.front().id, "I") << e.path();
  }
  EXPECT_EQ(files, 8);
}

TEST(sweep_analysis, ReplicationAdviceTakesTheNeediestPoint) {
  OutcomeTable means{2, 1, std::vector<double>(2 * sim::kSummaries, 100.0)};
  OutcomeTable sds{2, 1, std::vector<double>(2 * sim::kSummaries, 0.0)};
  sds.values[static_cast<std::size_t>(sim::Summary::firms_trained)] = 10;                    // point 0
  sds.values[sim::kSummaries + static_cast<std::size_t>(sim::Summary::firms_trained)] = 20;  // point 1
  const auto advice = replication_advice(means, sds, 0.1);
  ASSERT_EQ(advice.size(), headline_summaries().size());
  EXPECT_EQ(advice[0].summary, sim::Summary::firms_trained);
  // z = 1.96, half width 5: ceil((1.96 * 20 / 5)^2) = 62.
  EXPECT_EQ(advice[0].needed, 62);
  EXPECT_EQ(advice[1].needed, 2);  // sd 0: the minimum
}

TEST(sweep_analysis, OnlySaltelliAndMorrisHaveIndices) {
  EXPECT_TRUE(supports_sensitivity(Method::saltelli));
  EXPECT_TRUE(supports_sensitivity(Method::morris));
  for (const Method m : {Method::grid, Method::lhs, Method::sobol}) EXPECT_FALSE(supports_sensitivity(m));
  EXPECT_THROW(sensitivity_table(Method::lhs, {}, 1, {}, {}, 10, 0.95, 1), std::invalid_argument);
}

// y = 10 x0 + x1 / 10 + 50: S0 = 100 / 100.01 and S1 = 0.01 / 100.01 exactly
// (additive, so first = total). The old uncentred estimator was pulled off
// by the +50; a mutant dropping -f(A) gave S0 = 4.06; both fail here.
OutcomeTable linear_outcomes(int n, int k) {
  const auto unit = experiment::saltelli(n, k, experiment::saltelli_skip(n));
  OutcomeTable outcomes{static_cast<int>(unit.size()), 1, {}};
  for (const auto& row : unit)
    for (int s = 0; s < sim::kSummaries; ++s) outcomes.values.push_back(10 * row[0] + row[1] / 10 + 50);
  return outcomes;
}

TEST(sweep_analysis, SobolIndicesFindTheParameterThatMatters) {
  const int n = 64, k = 2;
  const SensitivityTable t =
      sensitivity_table(Method::saltelli, linear_outcomes(n, k), k, {n, k}, {}, 200, 0.9, 5);
  const std::size_t x0 = t.index(0, 0, 0), x1 = t.index(0, 0, 1);
  EXPECT_NEAR(t.first[x0], 100 / 100.01, 0.05);
  EXPECT_NEAR(t.total[x0], 100 / 100.01, 0.05);
  EXPECT_NEAR(t.first[x1], 0.01 / 100.01, 0.005);
  EXPECT_NEAR(t.total[x1], 0.01 / 100.01, 0.005);
  EXPECT_LE(t.first_lo[x0], 100 / 100.01);
  EXPECT_GE(t.first_hi[x0], 100 / 100.01);
  // The centred estimator's error grows with the index (near 1 here), so
  // at n = 64 the interval is wide but still excludes "no effect".
  EXPECT_LT(t.first_hi[x0] - t.first_lo[x0], 0.5);
  EXPECT_GT(t.first_lo[x0], 0.5);
}

// The convergence table recomputes the indices from the first n/8, n/4, n/2
// and n base rows; its last step is the full table, and the intervals
// narrow as rows are added.
TEST(sweep_analysis, ConvergenceStepsUseTheFirstBaseRows) {
  const int n = 64, k = 2;
  const OutcomeTable outcomes = linear_outcomes(n, k);
  const std::vector<ConvergenceStep> steps = sobol_convergence(outcomes, k, {n, k}, 200, 0.9, 5);
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].n, 8);
  EXPECT_EQ(steps[3].n, 64);
  const SensitivityTable full = sensitivity_table(Method::saltelli, outcomes, k, {n, k}, {}, 200, 0.9, 5);
  EXPECT_EQ(steps[3].table.first, full.first);
  EXPECT_EQ(steps[3].table.total_hi, full.total_hi);
  const std::size_t x0 = full.index(0, 0, 0);
  const auto width = [&](const ConvergenceStep& s) { return s.table.first_hi[x0] - s.table.first_lo[x0]; };
  EXPECT_GT(width(steps[0]), width(steps[3]));
  EXPECT_NE(steps[0].table.first[x0], full.first[x0]);  // computed from fewer rows, not copied
  // The eighth is the saltelli table of the first 8 rows of every block.
  OutcomeTable eighth{8 * (k + 2), 1, {}};
  for (int block = 0; block < k + 2; ++block)
    for (int j = 0; j < 8; ++j)
      for (int s = 0; s < sim::kSummaries; ++s) eighth.values.push_back(outcomes.at(block * n + j, 0, s));
  EXPECT_EQ(steps[0].table.first,
            sensitivity_table(Method::saltelli, eighth, k, {8, k}, {}, 200, 0.9, 5).first);
}

}  // namespace
}  // namespace score::sweep
