// threads::overlap: the two jobs both run, what they wrote is seen after it
// returns, and an exception from either reaches the caller only once neither
// job is running (the statistics of a results file read the next group on
// one side while the other summarises the last).
#include "core/threads.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

namespace score::threads {
namespace {

TEST(threads, overlap_runs_both_jobs_and_returns_when_both_are_done) {
  for (const int count : {1, 2, 4}) {
    std::vector<int> summed(1000, 0), read;
    in_arena(count, [&] {
      overlap(
          [&] {  // the background job may start loops of its own
            for_each(0, static_cast<int>(summed.size()),
                     [&](int i) { summed[static_cast<std::size_t>(i)] = 2 * i; });
          },
          [&] { read.assign(500, 1); });
    });
    EXPECT_EQ(std::accumulate(summed.begin(), summed.end(), 0), 999 * 1000) << count << " threads";
    EXPECT_EQ(read.size(), 500u) << count << " threads";
  }
}

// After the foreground throws, the background is cancelled if it has not
// started (oneTBB) or run to its end (std::threads): either way it is over
// when the exception reaches the caller.
TEST(threads, overlap_rethrows_after_both_jobs_end) {
  std::atomic<bool> foreground_done{false};
  EXPECT_THROW(overlap([] { throw std::runtime_error("background"); }, [&] { foreground_done = true; }),
               std::runtime_error);
  EXPECT_TRUE(foreground_done);
  for (int round = 0; round < 20; ++round) {
    std::atomic<bool> started{false}, ended{false};
    try {
      overlap(
          [&] {
            started = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ended = true;
          },
          [] { throw std::logic_error("foreground"); });
      ADD_FAILURE() << "the foreground's exception was not rethrown";
    } catch (const std::logic_error& e) {
      EXPECT_STREQ(e.what(), "foreground");
    }
    EXPECT_EQ(started.load(), ended.load()) << "the background job was still running when overlap returned";
  }
}

}  // namespace
}  // namespace score::threads
