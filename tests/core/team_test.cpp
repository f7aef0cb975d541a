// threads::Team: while one is in place, the loops of core/threads.hpp run on
// its threads, every index once, as many loops in a row as a run makes
// (helpers that went to sleep between two are woken), with a nested loop run
// inline and a piece's exception reaching the caller.
#include "core/team.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/threads.hpp"

namespace score::threads {
namespace {

TEST(team, every_index_of_every_loop_runs_once) {
  for (const int count : {1, 2, 4}) {
    in_arena(count, [&] {
      const Team team(count);
      EXPECT_EQ(Team::current(), &team);
      for (const int n : {0, 1, 3, 17, 1000, 100000}) {
        std::vector<std::atomic<int>> seen(static_cast<std::size_t>(n));
        for_each(0, n, [&](int i) { ++seen[static_cast<std::size_t>(i)]; });
        std::vector<std::atomic<int>> ranged(static_cast<std::size_t>(n));
        for_ranges(0, n, 64, [&](int lo, int hi) {
          EXPECT_TRUE(hi - lo <= 64 && (hi - lo == 64 || hi == n)) << lo << ".." << hi;
          for (int i = lo; i < hi; ++i) ++ranged[static_cast<std::size_t>(i)];
        });
        for (int i = 0; i < n; ++i) {
          ASSERT_EQ(seen[static_cast<std::size_t>(i)].load(), 1)
              << "for_each, " << count << " threads, index " << i;
          ASSERT_EQ(ranged[static_cast<std::size_t>(i)].load(), 1) << "for_ranges, " << count << " threads";
        }
      }
    });
  }
  EXPECT_EQ(Team::current(), nullptr) << "a team left in place after its end";
}

// A month of a run is a dozen loops with serial work between them; a run is
// hundreds of months. Some gaps here are longer than a helper spins, so it
// sleeps and must be woken by the next loop.
TEST(team, many_loops_in_a_row_with_gaps_each_see_all_their_pieces) {
  in_arena(3, [&] {
    const Team team(3);
    std::vector<std::int64_t> values(4096);
    for (int loop = 0; loop < 3000; ++loop) {
      if (loop % 500 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      for_each(std::size_t{0}, values.size(),
               [&](std::size_t i) { values[i] = loop + static_cast<std::int64_t>(i); });
      std::int64_t sum = 0;
      for (const std::int64_t v : values) sum += v;
      ASSERT_EQ(sum, 4096LL * loop + 4095LL * 4096 / 2) << "loop " << loop;
    }
  });
}

TEST(team, a_loop_inside_a_piece_runs_inline_on_the_thread_of_the_piece) {
  in_arena(2, [&] {
    const Team team(2);
    std::mutex m;
    int nested_on_other_threads = 0, inner_total = 0;
    for_each(0, 64, [&](int) {
      const auto outer = std::this_thread::get_id();
      int inner = 0;
      for_each(0, 10, [&](int) {
        std::lock_guard lock(m);
        if (std::this_thread::get_id() != outer) ++nested_on_other_threads;
        ++inner;
      });
      std::lock_guard lock(m);
      inner_total += inner;
    });
    EXPECT_EQ(inner_total, 640);
    EXPECT_EQ(nested_on_other_threads, 0);
  });
}

TEST(team, a_piece_that_throws_reaches_the_caller_and_the_team_goes_on) {
  in_arena(2, [&] {
    const Team team(2);
    EXPECT_THROW(for_each(0, 1000,
                          [&](int i) {
                            if (i == 10) throw std::runtime_error("piece 10");
                          }),
                 std::runtime_error);
    std::atomic<int> after{0};
    for_each(0, 1000, [&](int) { ++after; });
    EXPECT_EQ(after.load(), 1000);
  });
}

TEST(team, the_pieces_run_on_several_threads) {
  in_arena(2, [&] {
    const Team team(2);
    std::mutex m;
    std::set<std::thread::id> ids;
    // Pieces long enough that the helper, spinning, takes some of them.
    for (int round = 0; round < 50 && ids.size() < 2; ++round)
      for_each(0, 64, [&](int) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        std::lock_guard lock(m);
        ids.insert(std::this_thread::get_id());
      });
    EXPECT_EQ(ids.size(), 2u);
  });
}

}  // namespace
}  // namespace score::threads
