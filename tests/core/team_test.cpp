// threads::Team: while one is in place, the loops of core/threads.hpp run on
// its threads, every index once, as many loops in a row as a run makes
// (helpers that went to sleep between two are woken), with a nested loop run
// inline and a piece's exception reaching the caller.
#include "core/team.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/threads.hpp"

namespace score::threads {
namespace {

using std::chrono::milliseconds;

// Longer than a helper spins before it sleeps (team.cpp).
constexpr milliseconds kHelpersAsleep{20};

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

// Ranges that do not start at 0, unsigned and negative bounds, and grains
// of 0 (taken as 1) and far beyond the range: each index once, on a team and
// off one.
TEST(team, any_bounds_and_grain_cover_the_range_once) {
  for (const bool on_team : {false, true}) {
    in_arena(2, [&] {
      std::optional<Team> team;
      if (on_team) team.emplace(2);
      for (const std::size_t grain :
           {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::numeric_limits<std::size_t>::max()}) {
        std::vector<std::atomic<int>> seen(100);
        for_ranges(std::size_t{20}, std::size_t{100}, grain, [&](std::size_t lo, std::size_t hi) {
          for (std::size_t i = lo; i < hi; ++i) ++seen[i];
        });
        for (std::size_t i = 0; i < seen.size(); ++i)
          ASSERT_EQ(seen[i].load(), i >= 20 ? 1 : 0) << "grain " << grain << ", index " << i;
      }
      std::vector<std::atomic<int>> negative(50);
      for_ranges(std::int64_t{-25}, std::int64_t{25}, std::numeric_limits<std::int64_t>::max(),
                 [&](std::int64_t lo, std::int64_t hi) {
                   for (std::int64_t i = lo; i < hi; ++i) ++negative[static_cast<std::size_t>(i + 25)];
                 });
      for_each(-25, 25, [&](int i) { ++negative[static_cast<std::size_t>(i + 25)]; });
      for (const auto& n : negative) ASSERT_EQ(n.load(), 2) << (on_team ? "on a team" : "on oneTBB");
    });
  }
}

// A month of a run is a dozen loops with serial work between them; a run is
// hundreds of months. Some gaps here are longer than a helper spins, so it
// sleeps and must be woken by the next loop.
TEST(team, many_loops_in_a_row_with_gaps_each_see_all_their_pieces) {
  in_arena(3, [&] {
    const Team team(3);
    std::vector<std::int64_t> values(4096);
    for (int loop = 0; loop < 3000; ++loop) {
      if (loop % 500 == 0) std::this_thread::sleep_for(milliseconds(5));
      for_each(std::size_t{0}, values.size(),
               [&](std::size_t i) { values[i] = loop + static_cast<std::int64_t>(i); });
      std::int64_t sum = 0;
      for (const std::int64_t v : values) sum += v;
      ASSERT_EQ(sum, 4096LL * loop + 4095LL * 4096 / 2) << "loop " << loop;
    }
  });
}

// Two pieces that each wait until both threads of the team have joined
// the loop: a helper asleep that the loop failed to wake leaves the owner
// waiting alone, and the test fails after its timeout.
TEST(team, a_loop_wakes_the_helpers_that_went_to_sleep) {
  in_arena(2, [&] {
    const Team team(2);
    for (int round = 0; round < 3; ++round) {
      std::this_thread::sleep_for(kHelpersAsleep);
      std::mutex m;
      std::set<std::thread::id> ids;
      for_each(0, 2, [&](int) {
        {
          std::lock_guard lock(m);
          ids.insert(std::this_thread::get_id());
        }
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < until) {
          {
            std::lock_guard lock(m);
            if (ids.size() == 2) return;
          }
          std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
      });
      EXPECT_EQ(ids.size(), 2u) << "round " << round << ": the helper never joined the loop";
    }
  });
}

// A team whose helpers sleep ends: they are woken to leave (a lost wake-up
// hangs here until ctest's timeout).
TEST(team, a_team_ends_while_its_helpers_sleep) {
  for (int round = 0; round < 3; ++round) {
    const auto team = std::make_unique<Team>(3);
    std::this_thread::sleep_for(kHelpersAsleep);
  }
  EXPECT_EQ(Team::current(), nullptr);
}

TEST(team, a_loop_inside_a_piece_runs_inline_on_the_thread_of_the_piece) {
  in_arena(2, [&] {
    const Team team(2);
    std::atomic<int> inner_total{0}, not_whole{0}, outside{0};
    for_each(0, 64, [&](int) {
      if (!Team::inside_piece()) ++outside;
      EXPECT_EQ(Team::current(), nullptr);
      for_ranges(0, 1000, 10, [&](int lo, int hi) {
        if (lo != 0 || hi != 1000) ++not_whole;  // inline: the whole range at once
        inner_total += hi - lo;
      });
    });
    EXPECT_EQ(inner_total.load(), 64000);
    EXPECT_EQ(not_whole.load(), 0);
    EXPECT_EQ(outside.load(), 0);
    EXPECT_EQ(Team::current(), &team);
  });
}

// The exception of a piece the helper ran reaches the caller, after which
// the team runs its next loop whole.
TEST(team, a_piece_that_throws_on_a_helper_reaches_the_caller_and_the_team_goes_on) {
  in_arena(2, [&] {
    const Team team(2);
    const auto owner = std::this_thread::get_id();
    std::atomic<bool> thrown_by_helper{false};
    for (int round = 0; round < 200 && !thrown_by_helper; ++round) {
      try {
        for_each(0, 64, [&](int) {
          if (std::this_thread::get_id() != owner) {
            thrown_by_helper = true;
            throw std::runtime_error("a helper's piece");
          }
          std::this_thread::sleep_for(std::chrono::microseconds(50));
        });
        ASSERT_FALSE(thrown_by_helper) << "a helper threw, and the loop returned normally";
      } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "a helper's piece");
      }
    }
    EXPECT_TRUE(thrown_by_helper) << "the helper never ran a piece";
    EXPECT_THROW(for_each(0, 1000,
                          [&](int i) {
                            if (i == 10) throw std::logic_error("the owner's piece");
                          }),
                 std::logic_error);
    std::atomic<int> after{0};
    for_each(0, 1000, [&](int) { ++after; });
    EXPECT_EQ(after.load(), 1000);
  });
}

TEST(team, runs_only_for_the_thread_that_made_it_outside_its_pieces) {
  Team team(2);
  std::atomic<int> ran{0};  // the pieces of the last run may be on either thread
  auto body = [&](std::int64_t) { ++ran; };
  std::thread other([&] { EXPECT_THROW(team.run(4, body), std::logic_error); });
  other.join();
  EXPECT_THROW(for_each(0, 4,
                        [&](int) {
                          auto inner = [](std::int64_t) {};
                          team.run(2, inner);
                        }),
               std::logic_error);
  team.run(4, body);
  EXPECT_EQ(ran.load(), 4);
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
