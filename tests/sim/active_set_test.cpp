// The active set and the running stocks are bookkeeping the processes keep
// instead of scanning the population: after every month they must agree
// with a scan of every firm.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>

#include "core/threads.hpp"
#include "sim/parallel.hpp"
#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

Ids firms_where(const State& s, auto pred) {
  Ids ids;
  for (std::size_t i = 0; i < s.firms.size(); ++i)
    if (pred(i)) ids.push_back(static_cast<std::int32_t>(i));
  return ids;
}

void expect_lists_match_states(const State& s) {
  const Firms& f = s.firms;
  EXPECT_EQ(s.active.waiting, firms_where(s, [&](std::size_t i) {
              return f.state[i] == FirmState::aware && f.modules_done[i] == 0;
            }));
  EXPECT_EQ(s.active.returning, firms_where(s, [&](std::size_t i) {
              return f.state[i] == FirmState::aware && f.modules_done[i] != 0;
            }));
  for (std::size_t c = 0; c < s.countries.size(); ++c) {
    const CountryState& cs = s.countries[c];
    std::int64_t unaware = 0;
    for (int i = cs.first_firm; i < cs.end_firm; ++i)
      unaware += f.state[static_cast<std::size_t>(i)] == FirmState::unaware;
    EXPECT_EQ(cs.unaware, unaware) << "country " << c << " month " << s.step;
  }
}

void expect_stocks_match_recount(const State& s) {
  const Firms& f = s.firms;
  std::vector<Stocks> recount(s.countries.size());
  for (std::size_t i = 0; i < f.size(); ++i) {
    Stocks& r = recount[static_cast<std::size_t>(f.country[i])];
    r.add_change({}, stock_of(f, static_cast<int>(i)));
    r.in_training += f.state[i] == FirmState::training;
  }
  for (std::size_t c = 0; c < recount.size(); ++c) {
    const Stocks& kept = s.stocks[c];
    const Stocks& r = recount[c];
    EXPECT_EQ(kept.trained, r.trained);
    EXPECT_EQ(kept.workers, r.workers);
    EXPECT_EQ(kept.adopting, r.adopting);
    EXPECT_EQ(kept.saving, r.saving);
    EXPECT_EQ(kept.in_training, r.in_training);
    EXPECT_NEAR(kept.savings_usd, r.savings_usd, 1e-6 * std::max(1.0, r.savings_usd));
    EXPECT_NEAR(kept.payback_months, r.payback_months, 1e-6 * std::max(1.0, r.payback_months));
    for (std::size_t k = 0; k < r.improvement.size(); ++k)
      EXPECT_NEAR(kept.improvement[k], r.improvement[k], 1e-6 * std::max(1.0, r.improvement[k]));
  }
}

TEST(ActiveSet, ListsAndStocksAgreeWithAScanEveryMonth) {
  model::Description m = test::small_world(1500, 60);
  m.behaviour.max_wait_months = 4;  // firms give up, and come back, within the run
  m.behaviour.continuation = 0.8;   // and return for further modules
  Simulation sim(m, 0);
  while (!sim.finished()) {
    sim.step();
    expect_lists_match_states(sim.state());
    expect_stocks_match_recount(sim.state());
  }
  EXPECT_GT(sim.state().stocks[0].trained, 20) << "the world must train firms for the test to mean anything";
}

TEST(ActiveSet, UnreachedFirmsHaveNoProfileYet) {
  const model::Description m = test::small_world(1500, 12);  // the simulation keeps a reference
  Simulation sim(m, 0);
  while (!sim.finished()) sim.step();
  const Firms& f = sim.state().firms;
  int unreached = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.state[i] == FirmState::unaware && f.since[i] == 0) {
      ++unreached;
      EXPECT_EQ(f.employees[i], 0.f);
    } else {
      EXPECT_GT(f.employees[i], 0.f);
    }
  }
  EXPECT_GT(unreached, 0);
}

// The sorted lists change as sets do, whether changed in place or in
// parallel pieces (long lists), on any thread count: ids added in any order,
// ids removed in any order, repeated, or not in the list at all.
TEST(SortedLists, AddAndRemoveAsSets) {
  for (const std::size_t size : {std::size_t{0}, std::size_t{1000}, 5 * kListPiece + 17}) {
    std::mt19937 gen(static_cast<std::uint32_t>(size) + 1);
    Ids universe(3 * size + 100);
    for (std::size_t k = 0; k < universe.size(); ++k) universe[k] = static_cast<std::int32_t>(2 * k + 1);
    std::shuffle(universe.begin(), universe.end(), gen);
    Ids list(universe.begin(), universe.begin() + static_cast<std::ptrdiff_t>(size));
    std::sort(list.begin(), list.end());
    Ids added(universe.begin() + static_cast<std::ptrdiff_t>(size),
              universe.begin() + static_cast<std::ptrdiff_t>(size + size / 3 + 10));
    Ids removed;
    for (std::size_t k = 0; k < list.size(); k += 3) removed.push_back(list[k]);
    if (!removed.empty()) removed.push_back(removed.front());  // twice
    removed.push_back(0);                                      // never listed
    std::shuffle(removed.begin(), removed.end(), gen);

    Ids sorted_added = added, sorted_removed = removed, with, without;
    std::sort(sorted_added.begin(), sorted_added.end());
    std::sort(sorted_removed.begin(), sorted_removed.end());
    std::set_union(list.begin(), list.end(), sorted_added.begin(), sorted_added.end(),
                   std::back_inserter(with));
    std::set_difference(with.begin(), with.end(), sorted_removed.begin(), sorted_removed.end(),
                        std::back_inserter(without));

    Ids in_place = list;
    add_sorted(in_place, added);
    EXPECT_EQ(in_place, with) << size;
    remove_sorted(in_place, removed);
    EXPECT_EQ(in_place, without) << size;
    for (const int threads : {1, 2}) {
      Ids pieces = list;
      threads::in_arena(threads, [&] {
        add_sorted_parallel(pieces, added);
        EXPECT_EQ(pieces, with) << size << " ids, " << threads << " threads";
        remove_sorted_parallel(pieces, removed);
      });
      EXPECT_EQ(pieces, without) << size << " ids, " << threads << " threads";
    }
  }
}

}  // namespace
}  // namespace score::sim
