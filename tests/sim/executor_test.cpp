// The replication executor: run to end, in step, with shared set-ups and
// stopped early, every way gives each replication the bits of one run
// alone, whatever the thread count, and a stop is reported, never hidden.
#include "sim/executor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "bit_identical.hpp"
#include "core/threads.hpp"
#include "sim/runner.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

using test::bit_identical;

// Each finished replication's series, by replication, from `threads` threads.
std::map<int, Series> run_all(const model::Description& m, int threads, SetupCache* setups = nullptr) {
  std::map<int, Series> out;
  std::mutex mutex;
  ExecutorHooks hooks;
  hooks.setups = setups;
  hooks.on_finished = [&](int rep, const Simulation& sim) {
    std::lock_guard lock(mutex);
    out.emplace(rep, sim.series());
  };
  threads::in_arena(threads, [&] { EXPECT_TRUE(Executor(m, hooks).run_to_end(m.replications)); });
  return out;
}

TEST(Executor, RunToEndGivesEachReplicationTheBitsOfItsRunAlone) {
  model::Description m = test::small_world(800, 24);
  m.replications = 3;
  const auto one = run_all(m, 1), two = run_all(m, 2);
  ASSERT_EQ(one.size(), 3u);
  ASSERT_EQ(two.size(), 3u);
  for (int r = 0; r < 3; ++r) {
    const Series alone = run_one(m, static_cast<std::uint32_t>(r));
    EXPECT_TRUE(bit_identical(one.at(r), alone)) << "replication " << r;
    EXPECT_TRUE(bit_identical(two.at(r), alone)) << "replication " << r;
  }
}

TEST(Executor, ASharedSetUpGivesTheSameBits) {
  model::Description m = test::small_world(800, 24);
  SetupCache cache(4);
  const auto drawn = run_all(m, 2, &cache);  // fills the cache
  const auto taken = run_all(m, 2, &cache);  // takes from it
  ASSERT_EQ(taken.size(), drawn.size());
  for (const auto& [rep, series] : drawn) EXPECT_TRUE(bit_identical(taken.at(rep), series));
}

TEST(Executor, InStepGivesTheBitsOfRunToEndAndHandsOnInOrder) {
  model::Description m = test::small_world(800, 24);
  m.replications = 3;
  std::vector<int> order;
  std::vector<Series> finished;
  std::atomic<int> made{0}, months{0};
  ExecutorHooks hooks;
  hooks.on_month = [&] { ++months; };
  hooks.on_finished = [&](int rep, const Simulation& sim) {
    order.push_back(rep);
    finished.push_back(sim.series());
  };
  Executor run(m, hooks);
  threads::in_arena(2, [&] {
    ASSERT_TRUE(run.make_all(m.replications, [&] { ++made; }));
    for (int month = 0; month < m.steps; ++month) run.step_all();
  });
  EXPECT_EQ(made, 3);
  EXPECT_EQ(months, 3 * m.steps);
  run.finish_all();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
  const auto alone = run_all(m, 1);
  for (int r = 0; r < 3; ++r) EXPECT_TRUE(bit_identical(finished[static_cast<std::size_t>(r)], alone.at(r)));
  EXPECT_NE(run.release(0), nullptr);
}

TEST(Executor, AStopEndsTheRunUnfinishedAndSaysSo) {
  model::Description m = test::small_world(800, 24);
  m.replications = 4;
  std::atomic<int> months{0}, finished{0};
  ExecutorHooks hooks;
  // Stops once the fifth month of any replication is done.
  hooks.stop = [&] { return months.load() >= 5; };
  hooks.on_month = [&] { ++months; };
  hooks.on_finished = [&](int, const Simulation&) { ++finished; };
  bool completed = true;
  threads::in_arena(1, [&] { completed = Executor(m, hooks).run_to_end(m.replications); });
  EXPECT_FALSE(completed);
  EXPECT_EQ(finished, 0);
  EXPECT_EQ(months, 5);
}

TEST(Executor, ShorterRunsStopAtTheirMonthAndStartAtTheirFirstReplication) {
  model::Description m = test::small_world(800, 24);
  ExecutorHooks hooks;
  hooks.months = 10;
  std::map<int, int> months;
  hooks.on_finished = [&](int rep, const Simulation& sim) { months[rep] = sim.month(); };
  threads::in_arena(1, [&] { EXPECT_TRUE(Executor(m, hooks).run_to_end(2, 3)); });
  EXPECT_EQ(months, (std::map<int, int>{{3, 10}, {4, 10}}));
}

TEST(Executor, AStopBeforeMakingMakesNone) {
  const model::Description m = test::small_world(800, 24);
  int made = 0;
  ExecutorHooks hooks;
  hooks.stop = [] { return true; };
  Executor run(m, hooks);
  threads::in_arena(1, [&] { EXPECT_FALSE(run.make_all(m.replications, [&] { ++made; })); });
  EXPECT_EQ(made, 0);
}

}  // namespace
}  // namespace score::sim
