#include "session/background_run.hpp"

#include <gtest/gtest.h>

#include "session_files.hpp"
#include "sim/runner.hpp"

namespace score::session {
namespace {

std::shared_ptr<const scenario::Scenario> small(int replications) {
  return std::make_shared<const scenario::Scenario>(scenario::load_scenario(
      testing::small_scenario(), {"run.replications=" + std::to_string(replications)}));
}

TEST(BackgroundRun, EqualsTheEngineRunnerBitForBit) {
  const auto sc = small(3);
  BackgroundRun run(sc, "small", 2, false);
  run.wait();
  ASSERT_EQ(run.status(), RunStatus::finished);
  ASSERT_EQ(run.series().size(), 3u);
  for (std::uint32_t r = 0; r < 3; ++r) {
    const sim::Series expected = sim::run_one(sc->model, r);
    for (int m = 0; m < sim::kMetrics; ++m)
      EXPECT_TRUE(testing::same_bits(run.series()[r].values(static_cast<sim::Metric>(m)),
                                     expected.values(static_cast<sim::Metric>(m))))
          << "replication " << r << ", metric " << sim::metric_catalogue()[static_cast<std::size_t>(m)].name;
    EXPECT_TRUE(testing::same_bits(run.snapshot()->summaries[r].values(),
                                   sim::summarise(expected, sc->model).values()));
  }
}

TEST(BackgroundRun, SnapshotsGrowMonthByMonthToTheEnd) {
  const auto sc = small(2);
  BackgroundRun run(sc, "small", 1, false);
  run.wait();
  const SnapshotPtr s = run.snapshot();
  EXPECT_EQ(s->months_done, sc->model.steps);
  EXPECT_EQ(s->charts.months(), sc->model.steps);
  const Band& total = s->charts.band(Chart::firms_trained_total, s->charts.countries());
  EXPECT_EQ(total.p50.size(), static_cast<std::size_t>(sc->model.steps));
  EXPECT_LE(total.p05.back(), total.p50.back());
  EXPECT_LE(total.p50.back(), total.p95.back());
  EXPECT_GT(total.p95.back(), 0);
}

// wait_until_idle returns once the run thread blocks for a turn, or when the
// run ends: a run that ignored the pause would end at month 36 instead.
TEST(BackgroundRun, PausedRunAdvancesOneMonthPerStep) {
  BackgroundRun run(small(1), "small", 1, true);
  run.wait_until_idle();
  EXPECT_EQ(run.status(), RunStatus::paused);
  EXPECT_EQ(run.snapshot()->months_done, 0);
  run.step();
  run.step();
  run.wait_until_idle();
  EXPECT_EQ(run.status(), RunStatus::paused) << "blocked for a turn after the two granted months";
  EXPECT_EQ(run.snapshot()->months_done, 2);
  run.step();
  run.wait_until_idle();
  EXPECT_EQ(run.snapshot()->months_done, 3);
  run.resume();
  run.wait();
  EXPECT_EQ(run.status(), RunStatus::finished);
  EXPECT_EQ(run.snapshot()->months_done, 36);
}

TEST(BackgroundRun, CancelBeforeTheFirstMonthStopsAndLeavesNoThread) {
  BackgroundRun run(small(1), "small", 1, true);
  ASSERT_TRUE(run.thread_alive());
  run.cancel();
  EXPECT_FALSE(run.thread_alive()) << "cancel joins the run thread";
  EXPECT_EQ(run.status(), RunStatus::cancelled);
  EXPECT_EQ(run.snapshot()->status, RunStatus::cancelled);
  EXPECT_EQ(run.snapshot()->months_done, 0);
  EXPECT_TRUE(run.series().empty());
}

TEST(BackgroundRun, CancelAfterSomeMonthsKeepsThemAndStops) {
  BackgroundRun run(small(1), "small", 1, true);
  for (int i = 0; i < 4; ++i) run.step();
  run.wait_until_idle();
  run.cancel();
  EXPECT_FALSE(run.thread_alive());
  EXPECT_EQ(run.status(), RunStatus::cancelled);
  EXPECT_EQ(run.snapshot()->months_done, 4);
  EXPECT_EQ(run.snapshot()->charts.months(), 4);
}

TEST(BackgroundRun, WaitLeavesNoThread) {
  BackgroundRun run(small(1), "small", 1, false);
  run.wait();
  EXPECT_FALSE(run.thread_alive());
  EXPECT_EQ(run.status(), RunStatus::finished);
}

TEST(BackgroundRun, CopiesTheWatchedCountrysNetwork) {
  BackgroundRun run(small(1), "small", 1, true);
  run.watch_network(0);
  run.step();
  run.wait_until_idle();
  ASSERT_EQ(run.snapshot()->months_done, 1);
  const NetworkView& net = run.snapshot()->network;
  EXPECT_EQ(net.country, 0);
  EXPECT_FALSE(net.hubs.empty());
  EXPECT_FALSE(net.firms.empty());
  EXPECT_EQ(net.counts[0] + net.counts[1] + net.counts[2], static_cast<int>(net.firms.size()));
}

TEST(BackgroundRun, FinishedRunShowsAnyCountrysNetwork) {
  BackgroundRun run(small(1), "small", 1, false);
  run.wait();
  EXPECT_EQ(run.snapshot()->network.country, -1);
  run.watch_network(1);
  const NetworkView& net = run.snapshot()->network;
  EXPECT_EQ(net.country, 1);
  EXPECT_EQ(net.month, 36);
  EXPECT_FALSE(net.firms.empty());
}

}  // namespace
}  // namespace score::session
