// The active set and the running stocks are bookkeeping the processes keep
// instead of scanning the population: after every month they must agree
// with a scan of every firm.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <set>
#include <utility>

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
  EXPECT_EQ(s.active.waiting.ids(), firms_where(s, [&](std::size_t i) {
              return f.state[i] == FirmState::aware && f.modules_done[i] == 0;
            }));
  EXPECT_EQ(s.active.returning.ids(), firms_where(s, [&](std::size_t i) {
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

// A firm's profile is drawn the first time it weighs a module's fee: firms
// never reached have none, every trained firm has one, and firms that heard
// of SCORE but never got as far as the fee cost nothing either.
TEST(ActiveSet, OnlyFirmsThatWeighedAFeeHaveAProfile) {
  const model::Description m = test::small_world(1500, 12);  // the simulation keeps a reference
  Simulation sim(m, 0);
  while (!sim.finished()) sim.step();
  const Firms& f = sim.state().firms;
  int unreached = 0, reached_without = 0, trained = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.state[i] == FirmState::unaware && f.since[i] == 0) {
      ++unreached;
      EXPECT_EQ(f.employees[i], 0.f);
    } else if (f.modules_done[i] != 0) {
      ++trained;
      EXPECT_GT(f.employees[i], 0.f);
    } else {
      reached_without += f.employees[i] == 0.f;
    }
  }
  EXPECT_GT(unreached, 0);
  EXPECT_GT(trained, 0);
  EXPECT_GT(reached_without, 0);
}

// A firm set holds what a sorted list of ids would: ids added in any order,
// removed in any order, removed twice or never added; counted and ranked
// over ranges that start and end inside a word, as countries do.
TEST(FirmSet, HoldsCountsAndRanksAsASortedList) {
  for (const std::size_t firms : {std::size_t{1}, std::size_t{64}, std::size_t{1000}, std::size_t{70'001}}) {
    std::mt19937 gen(static_cast<std::uint32_t>(firms));
    Ids all(firms);
    for (std::size_t k = 0; k < firms; ++k) all[k] = static_cast<std::int32_t>(k);
    std::shuffle(all.begin(), all.end(), gen);
    FirmSet set;
    set.resize(firms);
    std::set<std::int32_t> reference;
    for (std::size_t k = 0; k < firms / 2 + 1; ++k) {
      set.insert(all[k]);
      reference.insert(all[k]);
    }
    for (std::size_t k = 0; k < firms / 5; ++k) {
      set.erase(all[3 * k % firms]);  // some twice, some never added
      reference.erase(all[3 * k % firms]);
    }
    const Ids expected(reference.begin(), reference.end());
    ASSERT_EQ(set.ids(), expected) << firms;
    EXPECT_EQ(set.size(), static_cast<std::int64_t>(expected.size()));
    for (const std::int32_t id : {std::int32_t{0}, static_cast<std::int32_t>(firms - 1)})
      EXPECT_EQ(set.contains(id), reference.count(id) == 1) << id;
    const auto n = static_cast<std::int32_t>(firms);
    for (const auto& [first, end] : {std::pair{0, n}, std::pair{n / 3, n - n / 7}, std::pair{n / 2, n / 2},
                                     std::pair{std::min(n, 5), std::min(n, 70)}}) {
      Ids in_range;
      for (const std::int32_t id : expected)
        if (id >= first && id < end) in_range.push_back(id);
      ASSERT_EQ(set.count(first, end), static_cast<std::int64_t>(in_range.size())) << first << ".." << end;
      FirmSet::Ranks ranks(set, first, end);
      for (std::size_t k = 0; k < in_range.size(); k += 1 + k % 3)  // ranks that skip, as successes do
        ASSERT_EQ(ranks.at(static_cast<std::int64_t>(k)), in_range[k]) << firms << " firms, rank " << k;
    }
  }
}

}  // namespace
}  // namespace score::sim
