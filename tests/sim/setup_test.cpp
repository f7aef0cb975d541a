// Shared set-ups: a replication that takes its population's links and
// networks from another with the same key gives the same bits as one that
// draws them, and the key tells apart what set-up reads from what it does not.
#include "sim/setup.hpp"

#include <gtest/gtest.h>

#include "bit_identical.hpp"
#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

Series run_to_end(Simulation& sim) {
  while (!sim.finished()) sim.step();
  return sim.series();
}

using test::bit_identical;

TEST(SharedSetup, AReplicationOnASharedSetUpGivesTheBitsOfOneThatDrawsItsOwn) {
  const model::Description drawn = test::small_world();
  // A different lever, the same population keys: the set-up can be shared.
  model::Description lever = drawn;
  lever.phases[0].plans[0].subsidy_share.fill(0.3);
  ASSERT_EQ(setup_key(drawn, 1), setup_key(lever, 1));
  const Simulation donor(drawn, 1);
  const sim::Setup shared = copy_setup(donor.state());
  Simulation own(lever, 1), taken(lever, 1, shared);
  const Series a = run_to_end(own), b = run_to_end(taken);
  EXPECT_TRUE(bit_identical(a, b));
  // And the shared set-up is what the replication would have drawn.
  EXPECT_EQ(copy_setup(own.state()).buyer, shared.buyer);
  EXPECT_EQ(copy_setup(own.state()).networks.csr_suppliers, shared.networks.csr_suppliers);
}

TEST(SharedSetup, TheKeyChangesWithWhatSetUpReadsOnly) {
  const model::Description m = test::small_world();
  const auto key = setup_key(m, 0);
  EXPECT_NE(key, setup_key(m, 1));  // another replication
  model::Description other = m;
  other.seed = 8;
  EXPECT_NE(key, setup_key(other, 0));
  other = m;
  other.countries[1].peer_degree = 3;
  EXPECT_NE(key, setup_key(other, 0));
  other = m;
  other.countries[0].supplier_share = 0.5;
  EXPECT_NE(key, setup_key(other, 0));
  other = m;
  other.countries[0].eligible_firms += 1;
  EXPECT_NE(key, setup_key(other, 0));
  other = m;
  other.phases[0].plans[0].marketing_usd_per_month = 1;
  EXPECT_EQ(key, setup_key(other, 0));
}

TEST(SharedSetup, TheCacheKeepsTheNewestUpToItsCapacity) {
  SetupCache cache(2);
  const auto make = [] { return std::make_shared<const sim::Setup>(); };
  const std::vector<std::uint64_t> a{1}, b{2}, c{3};
  cache.add(a, make());
  cache.add(b, make());
  EXPECT_NE(cache.find(a), nullptr);
  cache.add(c, make());
  EXPECT_EQ(cache.find(a), nullptr);  // the oldest dropped
  EXPECT_NE(cache.find(b), nullptr);
  EXPECT_NE(cache.find(c), nullptr);
  EXPECT_EQ(SetupCache(0).find(a), nullptr);
}

TEST(SharedSetup, TheCapacityIsWhatCanShareCutToTheMemoryBudget) {
  model::Description m = test::small_world();
  EXPECT_EQ(setup_capacity(m, 8), 8u);  // a small population: all that can share
  EXPECT_EQ(setup_capacity(m, 0), 1u);  // at least one
  // 10 M firms at about 48 bytes each: 256 MiB holds fewer than the 40 asked.
  m.countries[0].eligible_firms = 10'000'000;
  EXPECT_LT(setup_capacity(m, 40), 40u);
  EXPECT_GE(setup_capacity(m, 40), 1u);
  m.countries[0].eligible_firms = 1'000'000'000;
  EXPECT_EQ(setup_capacity(m, 40), 1u);
}

}  // namespace
}  // namespace score::sim
