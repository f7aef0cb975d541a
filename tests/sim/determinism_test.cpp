// A run is a pure function of (model, seed, replication): the thread count
// and the order agents are visited in must not change a single bit.
#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <cstring>
#include <mutex>

#include "bit_identical.hpp"
#include "sim/runner.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

Series run_with_threads(const model::Description& m, int threads, std::uint32_t rep) {
  // Allow more threads than cores, so 16 really means 16 on a small machine.
  const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(threads));
  tbb::task_arena arena(threads);
  Series out(0, 0);
  arena.execute([&] { out = run_one(m, rep); });
  return out;
}

using test::bit_identical;

TEST(Determinism, OneAndTwoAndSixteenThreadsGiveIdenticalBits) {
  // Large enough that agent loops split into several chunks.
  const model::Description m = test::small_world(20000, 36);
  const Series one = run_with_threads(m, 1, 0);
  EXPECT_GT(one.at(Metric::firms_trained_total, 35, 0), 0)
      << "the test world must train firms to mean anything";
  EXPECT_TRUE(bit_identical(one, run_with_threads(m, 2, 0)));
  EXPECT_TRUE(bit_identical(one, run_with_threads(m, 16, 0)));
}

TEST(Determinism, SameSeedSameResultsOtherReplicationDiffers) {
  const model::Description m = test::small_world();
  EXPECT_TRUE(bit_identical(run_one(m, 0), run_one(m, 0)));
  EXPECT_FALSE(bit_identical(run_one(m, 0), run_one(m, 1)));
  model::Description other = m;
  other.seed = 8;
  EXPECT_FALSE(bit_identical(run_one(m, 0), run_one(other, 0)));
}

TEST(Determinism, ParallelReplicationsEqualSerialOnes) {
  model::Description m = test::small_world();
  m.replications = 4;
  std::mutex mutex;
  std::vector<Series> got(4, Series(0, 0));
  RunOptions options;
  options.threads = 2;
  options.on_replication = [&](int rep, const Series& s, const PhaseSummary&) {
    std::lock_guard lock(mutex);
    got[static_cast<std::size_t>(rep)] = s;
  };
  ASSERT_TRUE(run_replications(m, options));
  for (std::uint32_t r = 0; r < 4; ++r)
    EXPECT_TRUE(bit_identical(got[r], run_one(m, r))) << "replication " << r;
}

// A single replication runs its loops on a team of the run's threads
// (core/team.hpp): the bits are those of a run on one thread.
TEST(Determinism, ASingleReplicationOnATeamOfThreadsGivesTheBitsOfOneThread) {
  model::Description m = test::small_world(20000, 36);
  m.replications = 1;
  const Series alone = run_with_threads(m, 1, 0);
  for (const int threads : {2, 4}) {
    Series got(0, 0);
    RunOptions options;
    options.threads = threads;
    options.on_replication = [&](int, const Series& s, const PhaseSummary&) { got = s; };
    ASSERT_TRUE(run_replications(m, options));
    EXPECT_TRUE(bit_identical(alone, got)) << threads << " threads";
  }
}

TEST(Runner, StopsWhenCancelled) {
  model::Description m = test::small_world();
  std::atomic<bool> cancel{true};
  RunOptions options;
  options.cancel = &cancel;
  int finished = 0;
  options.on_replication = [&](int, const Series&, const PhaseSummary&) { ++finished; };
  EXPECT_FALSE(run_replications(m, options));
  EXPECT_EQ(finished, 0);
}

}  // namespace
}  // namespace score::sim
