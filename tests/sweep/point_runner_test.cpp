// Points that run with one seed share their replications' set-ups, and get
// the numbers they would have drawn themselves.
#include "sweep/point_runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <numeric>
#include <set>

#include "sweep/sweep.hpp"
#include "sweep_files.hpp"

namespace score::sweep {
namespace {

class point_runner : public testing::SweepFiles {};

constexpr const char* kSubsidy = "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n";

std::vector<int> all_points(const Sweep& sw) {
  std::vector<int> points(static_cast<std::size_t>(sw.points()));
  std::iota(points.begin(), points.end(), 0);
  return points;
}

TEST_F(point_runner, ASaltelliSweepOnSharedSetUpsGivesTheNumbersOfOneWithout) {
  const Sweep sw = load_sweep(write_sweep(
      "s.toml", "name = \"demo\"\ndesign = \"saltelli\"\nn = 2\nseed = 9\nreplications = 2", kSubsidy));
  sim::SetupCache cache(8);
  PointRunHooks shared;
  shared.setups = &cache;
  for (const int p : setup_order(sw, all_points(sw))) {
    const auto own = run_point(sw, p), taken = run_point(sw, p, shared);
    ASSERT_TRUE(own && taken);
    EXPECT_EQ(own->outcome, taken->outcome) << "point " << p;
    EXPECT_EQ(own->stats, taken->stats) << "point " << p;
    // The replications' set-ups are now there for the next point of the seed.
    EXPECT_NE(cache.find(sim::setup_key(point_model(sw, p), 1)), nullptr);
  }
}

TEST_F(point_runner, PointsOfOneSeedRunOneAfterAnother) {
  const Sweep sw = load_sweep(write_sweep(
      "s.toml", "name = \"demo\"\ndesign = \"saltelli\"\nn = 4\nseed = 9\nreplications = 1", kSubsidy));
  const std::vector<int> order = setup_order(sw, all_points(sw));
  ASSERT_EQ(order.size(), all_points(sw).size());
  EXPECT_EQ(std::set<int>(order.begin(), order.end()).size(), order.size());
  std::set<std::uint64_t> finished;
  for (std::size_t i = 1; i < order.size(); ++i) {
    const auto before = sw.design.seeds[static_cast<std::size_t>(order[i - 1])];
    const auto seed = sw.design.seeds[static_cast<std::size_t>(order[i])];
    if (seed == before) continue;
    finished.insert(before);
    EXPECT_FALSE(finished.count(seed)) << "seed " << seed << " comes back at position " << i;
  }
  // A design with one seed per point keeps its order.
  const Sweep lhs = load_sweep(write_sweep(
      "l.toml", "name = \"demo\"\ndesign = \"lhs\"\npoints = 5\nseed = 9\nreplications = 1", kSubsidy));
  EXPECT_EQ(setup_order(lhs, all_points(lhs)), all_points(lhs));
}

// Runs cut at a month (what a calibration asks for): each replication
// simulates that many months, its series is whole up to them and zero after.
TEST_F(point_runner, RunsCutAtAMonthSimulateThatManyMonthsWithTheSeriesOfWholeRunsUpToThem) {
  const Sweep sw = load_sweep(write_sweep(
      "s.toml", "name = \"demo\"\ndesign = \"lhs\"\npoints = 1\nseed = 9\nreplications = 2", kSubsidy));
  constexpr int kMonths = 14;
  std::mutex m;
  std::map<int, sim::Series> whole, cut;
  std::atomic<int> months_run{0};
  PointRunHooks all, some;
  all.on_replication = [&](int, int rep, const sim::Series& s, const sim::PhaseSummary&) {
    std::lock_guard lock(m);
    whole.emplace(rep, s);
  };
  some.months = kMonths;
  some.on_month = [&] { ++months_run; };
  some.on_replication = [&](int, int rep, const sim::Series& s, const sim::PhaseSummary&) {
    std::lock_guard lock(m);
    cut.emplace(rep, s);
  };
  ASSERT_TRUE(run_point(sw, 0, all));
  ASSERT_TRUE(run_point(sw, 0, some));
  EXPECT_EQ(months_run.load(), 2 * kMonths);
  ASSERT_EQ(cut.size(), 2u);
  const sim::Metric trained = sim::Metric::firms_trained_total;
  for (const auto& [rep, series] : cut) {
    const sim::Series& full = whole.at(rep);
    for (int t = 0; t < series.steps(); ++t)
      for (int c = 0; c < series.countries(); ++c)
        EXPECT_EQ(series.at(trained, t, c), t < kMonths ? full.at(trained, t, c) : 0.0)
            << "replication " << rep << ", month " << t << ", country " << c;
    EXPECT_GT(full.at(trained, series.steps() - 1, 0), full.at(trained, kMonths - 1, 0))
        << "the test's runs must train firms after the cut to mean anything";
  }
}

}  // namespace
}  // namespace score::sweep
