#include <gtest/gtest.h>

#include <algorithm>

#include "sim/graph.hpp"
#include "sim/population.hpp"
#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

TEST(Networks, PeerLinksAreSymmetricAndInsideClusters) {
  const model::Description m = test::small_world(1000, 1);
  const Simulation sim(m, 0);
  const State& s = sim.state();
  std::size_t edges = 0;
  for (std::uint32_t i = 0; i < s.firms.size(); ++i) {
    for (auto j : boost::make_iterator_range(neighbours(s.networks.peers, i))) {
      ++edges;
      EXPECT_NE(i, j);
      EXPECT_EQ(s.firms.country[i], s.firms.country[j]);
      EXPECT_EQ((i % 1000) / 40, (j % 1000) / 40) << "peers share a cluster of 40";
      const auto back = neighbours(s.networks.peers, j);
      EXPECT_NE(std::find(back.first, back.second, i), back.second)
          << "link " << i << "-" << j << " is one-way";
    }
  }
  const double degree = static_cast<double>(edges) / static_cast<double>(s.firms.size());
  EXPECT_NEAR(degree, m.countries[0].peer_degree, 0.5);
}

TEST(Networks, BuyerAndAssociationGraphsMatchTheFirms) {
  const model::Description m = test::small_world(1000, 1);
  const Simulation sim(m, 0);
  const State& s = sim.state();
  std::size_t suppliers = 0, members = 0;
  for (std::uint32_t b = 0; b < boost::num_vertices(s.networks.buyer_suppliers.get()); ++b)
    for (auto f : boost::make_iterator_range(neighbours(s.networks.buyer_suppliers, b))) {
      EXPECT_EQ(s.firms.buyer[f], static_cast<std::int32_t>(b));
      ++suppliers;
    }
  for (std::uint32_t a = 0; a < boost::num_vertices(s.networks.association_members.get()); ++a)
    for (auto f : boost::make_iterator_range(neighbours(s.networks.association_members, a))) {
      EXPECT_EQ(s.firms.association[f], static_cast<std::int32_t>(a));
      ++members;
    }
  std::size_t with_buyer = 0, in_association = 0;
  for (std::size_t i = 0; i < s.firms.size(); ++i) {
    with_buyer += s.firms.buyer[i] >= 0;
    in_association += s.firms.association[i] >= 0;
  }
  EXPECT_EQ(suppliers, with_buyer);
  EXPECT_EQ(members, in_association);
  EXPECT_NEAR(static_cast<double>(with_buyer) / 2000.0, m.countries[0].supplier_share, 0.03);
}

TEST(Population, SizesStayInsideTheEligibleBand) {
  model::Description m = test::small_world(2000, 1);
  m.countries[0].employees_min = 50;
  m.countries[0].employees_max = 250;
  Simulation sim(m, 0);
  for (int i = 0; i < 2000; ++i) {
    const auto u = static_cast<std::size_t>(i);
    EXPECT_EQ(sim.state().firms.employees[u], 0.f) << "drawn before the firm was reached";
    draw_profile(sim.state(), i);
    EXPECT_GE(sim.state().firms.employees[u], 50.f);
    EXPECT_LE(sim.state().firms.employees[u], 250.f);
    EXPECT_GT(sim.state().firms.fee_capacity_usd[u], 0.f);
  }
}

// The two spreads are scenario keys (behaviour.*_log_sd): with both at zero
// every firm has the median size and exactly its budget share of value added.
TEST(Population, TheSpreadsOfSizeAndFeeCapacityComeFromTheModel) {
  model::Description m = test::small_world(500, 1);
  const model::Country& c = m.countries[0];
  const auto spread_of_sizes = [&](double employees_log_sd, double fee_capacity_log_sd) {
    m.behaviour.employees_log_sd = employees_log_sd;
    m.behaviour.fee_capacity_log_sd = fee_capacity_log_sd;
    Simulation sim(m, 0);
    float lo = 1e9f, hi = 0;
    for (int i = 0; i < 500; ++i) {
      const auto u = static_cast<std::size_t>(i);
      draw_profile(sim.state(), i);
      const float e = sim.state().firms.employees[u];
      lo = std::min(lo, e);
      hi = std::max(hi, e);
      if (fee_capacity_log_sd == 0) {
        EXPECT_EQ(sim.state().firms.fee_capacity_usd[u],
                  static_cast<float>(static_cast<double>(e) * c.value_added_per_worker_usd *
                                     c.training_budget_share));
      }
    }
    return hi - lo;
  };
  EXPECT_EQ(spread_of_sizes(0, 0), 0.f);
  EXPECT_GT(spread_of_sizes(0.6, 0), 50.f);
}

}  // namespace
}  // namespace score::sim
