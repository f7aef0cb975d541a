#include "sim/population.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "core/rng.hpp"

namespace score::sim {
namespace {

using model::Country;

// Employees: log-normal around the median, redrawn until inside the band
// (a truncated log-normal; the band is what SCORE calls eligible).
float draw_employees(Rng& rng, const Country& c) {
  const double sigma = 0.6;
  for (int tries = 0; tries < 64; ++tries) {
    const double e = c.employees_median * std::exp(sigma * rng.normal());
    if (e >= c.employees_min && e <= c.employees_max) return static_cast<float>(std::round(e));
  }
  return static_cast<float>(c.employees_median);
}

void create_firm(State& s, std::size_t i, int country_index) {
  const model::Description& m = *s.model;
  const Country& c = m.countries[country_index];
  Firms& f = s.firms;
  Rng rng(m.seed, s.replication, 0, static_cast<std::uint32_t>(i), Purpose::population);
  const CountryState& cs = s.countries[country_index];
  f.country[i] = static_cast<std::int16_t>(country_index);
  f.manufacturing[i] = rng.bernoulli(c.manufacturing_share) ? 1 : 0;
  f.employees[i] = draw_employees(rng, c);
  f.fee_capacity_usd[i] =
      static_cast<float>(static_cast<double>(f.employees[i]) * c.value_added_per_worker_usd * c.training_budget_share *
                         std::exp(0.5 * rng.normal()));
  f.buyer[i] = rng.bernoulli(c.supplier_share) ? cs.first_buyer + static_cast<int>(rng.below(static_cast<std::uint32_t>(c.buyers))) : -1;
  f.association[i] = rng.bernoulli(c.association_membership)
                         ? cs.first_association + static_cast<int>(rng.below(static_cast<std::uint32_t>(c.associations)))
                         : -1;
}

// A CSR foundation's supply chain: `suppliers` firms of its country, taken
// at an even stride so they spread over the local clusters instead of
// filling the first ones. Firms already in another chain are skipped.
void assign_csr_suppliers(State& s) {
  const model::Description& m = *s.model;
  for (std::size_t j = 0; j < m.funders.size(); ++j) {
    const model::Funder& fu = m.funders[j];
    if (fu.kind != model::FunderKind::csr || fu.country < 0 || fu.suppliers <= 0) continue;
    const CountryState& cs = s.countries[static_cast<std::size_t>(fu.country)];
    const int n = cs.end_firm - cs.first_firm;
    const int stride = std::max(1, n / fu.suppliers);
    int taken = 0;
    for (int offset = 0; offset < stride && taken < fu.suppliers; ++offset) {
      for (int k = offset; k < n && taken < fu.suppliers; k += stride) {
        const auto i = static_cast<std::size_t>(cs.first_firm + k);
        if (s.firms.csr[i] >= 0) continue;
        s.firms.csr[i] = static_cast<std::int16_t>(j);
        ++taken;
      }
    }
  }
}

}  // namespace

void create_population(State& s) {
  const model::Description& m = *s.model;
  s.firms.resize(static_cast<std::size_t>(m.total_firms()));
  for (int c = 0; c < static_cast<int>(m.countries.size()); ++c) {
    const CountryState& cs = s.countries[c];
    tbb::parallel_for(tbb::blocked_range<int>(cs.first_firm, cs.end_firm, 4096), [&](const auto& r) {
      for (int i = r.begin(); i != r.end(); ++i) create_firm(s, static_cast<std::size_t>(i), c);
    });
  }
  assign_csr_suppliers(s);
}

void create_networks(State& s) {
  const model::Description& m = *s.model;
  const Firms& f = s.firms;
  std::vector<Edge> peers, buyers, members;
  for (int c = 0; c < static_cast<int>(m.countries.size()); ++c) {
    const Country& country = m.countries[c];
    const CountryState& cs = s.countries[c];
    for (int i = cs.first_firm; i < cs.end_firm; ++i) {
      // Each firm draws half its links; links are symmetric, so the mean degree is peer_degree.
      const int cluster_start = cs.first_firm + (i - cs.first_firm) / country.cluster_size * country.cluster_size;
      const int cluster_len = std::min(country.cluster_size, cs.end_firm - cluster_start);
      Rng rng(m.seed, s.replication, 0, static_cast<std::uint32_t>(i), Purpose::network);
      const int links = cluster_len > 1 ? static_cast<int>(std::floor(country.peer_degree / 2 + rng.uniform())) : 0;
      for (int k = 0; k < links; ++k) {
        const int j = cluster_start + static_cast<int>(rng.below(static_cast<std::uint32_t>(cluster_len)));
        if (j == i) continue;
        peers.emplace_back(i, j);
        peers.emplace_back(j, i);
      }
      if (f.buyer[i] >= 0) buyers.emplace_back(f.buyer[i], i);
      if (f.association[i] >= 0) members.emplace_back(f.association[i], i);
    }
  }
  std::sort(peers.begin(), peers.end());
  peers.erase(std::unique(peers.begin(), peers.end()), peers.end());
  const auto n = static_cast<std::uint32_t>(f.size());
  s.networks.peers = make_graph(peers, n);
  const auto& last = s.countries.back();
  const auto nb = static_cast<std::uint32_t>(last.first_buyer + m.countries.back().buyers);
  const auto na = static_cast<std::uint32_t>(last.first_association + m.countries.back().associations);
  s.networks.buyer_suppliers = make_graph(buyers, nb);
  s.networks.association_members = make_graph(members, na);
}

}  // namespace score::sim
