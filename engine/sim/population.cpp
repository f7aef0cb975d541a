#include "sim/population.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/threads.hpp"
#include "sim/graph.hpp"
#include "sim/peer_lists.hpp"
#include "sim/streams.hpp"

namespace score::sim {
namespace {

using model::Country;

// Employees: log-normal around the median, redrawn until inside the band
// (a truncated log-normal; the band is what SCORE calls eligible).
float draw_employees(Rng& rng, const Country& c, double sigma) {
  for (int tries = 0; tries < 64; ++tries) {
    const double e = c.employees_median * std::exp(sigma * rng.normal());
    if (e >= c.employees_min && e <= c.employees_max) return static_cast<float>(std::round(e));
  }
  return static_cast<float>(c.employees_median);
}

// A firm's links, drawn for every firm at the start: whether it supplies a
// buyer and which, whether it belongs to an association and which. One
// Philox block holds the four draws.
void create_firm(State& s, std::size_t i, int country_index) {
  const model::Description& m = *s.model;
  const Country& c = m.countries[static_cast<std::size_t>(country_index)];
  Firms& f = s.firms;
  Rng rng(m.seed, s.replication, 0, static_cast<std::uint32_t>(i), Purpose::population);
  const CountryState& cs = s.countries[static_cast<std::size_t>(country_index)];
  f.country[i] = static_cast<std::int16_t>(country_index);
  const bool supplies = rng.uniform32() < c.supplier_share;
  const auto buyer = static_cast<int>(rng.below32(static_cast<std::uint32_t>(std::max(1, c.buyers))));
  const bool member = rng.uniform32() < c.association_membership;
  const auto association =
      static_cast<int>(rng.below32(static_cast<std::uint32_t>(std::max(1, c.associations))));
  f.buyer[i] = supplies && c.buyers > 0 ? cs.first_buyer + buyer : -1;
  f.association[i] = member && c.associations > 0 ? cs.first_association + association : -1;
}

// A CSR foundation's supply chain: `suppliers` firms of its country, taken
// at an even stride so they spread over the local clusters instead of
// filling the first ones. Firms already in another chain are skipped.
void assign_csr_suppliers(State& s) {
  const model::Description& m = *s.model;
  for (std::size_t j = 0; j < m.funders.size(); ++j) {
    const model::Funder& fu = m.funders[j];
    if (model::payer_info(fu.kind).tie != model::Tie::supply_chain || fu.country < 0 || fu.suppliers <= 0)
      continue;
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

// A local cluster of peers: firms [first, first + size) of one country.
struct Cluster {
  int country, first, size;
};

std::vector<Cluster> clusters(const State& s) {
  std::vector<Cluster> out;
  for (int c = 0; c < static_cast<int>(s.countries.size()); ++c) {
    const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
    const int size = s.model->countries[static_cast<std::size_t>(c)].cluster_size;
    for (int first = cs.first_firm; first < cs.end_firm; first += size)
      out.push_back({c, first, std::min(size, cs.end_firm - first)});
  }
  return out;
}

// Scratch space for building one cluster's links, reused across clusters.
struct LinkScratch {
  DrawnLinks drawn;
  PeerListScratch lists;
};

// The peer links of one cluster: each firm draws half its links, and links
// are symmetric, so the mean degree is peer_degree. Appends the peers to
// `column` firm by firm and writes each firm's count at
// `degree[firm - first]` (peer_lists.hpp).
void cluster_links(const State& s, const Cluster& k, LinkScratch& w, std::vector<std::uint32_t>& column,
                   std::uint32_t* degree) {
  if (k.size < 2) {
    std::fill(degree, degree + k.size, 0U);
    return;
  }
  const double half = s.model->countries[static_cast<std::size_t>(k.country)].peer_degree / 2;
  const auto first = static_cast<std::uint32_t>(k.first), n = static_cast<std::uint32_t>(k.size);
  w.drawn.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    Rng rng(s.model->seed, s.replication, 0, first + i, Purpose::network);
    // Truncation is the floor here (a degree is never negative), without a
    // call to floor on machines that lack a rounding instruction.
    const int links = static_cast<int>(half + rng.uniform32());
    for (int l = 0; l < links; ++l) {
      const std::uint32_t j = rng.below32(n);
      if (j != i) w.drawn.emplace_back(i, j);
    }
  }
  peer_lists(w.drawn, n, first, w.lists, column, degree);
}

// Peers, built cluster by cluster in parallel. Clusters are id ranges in
// order, and so are blocks of them: each block writes its firms' degrees in
// place and its peers to a column of its own, laid end to end afterwards.
Graph peer_graph(const State& s) {
  const std::vector<Cluster> all = clusters(s);
  constexpr std::size_t kBlock = 64;  // clusters per task
  std::vector<std::vector<std::uint32_t>> blocks((all.size() + kBlock - 1) / kBlock);
  std::vector<std::uint32_t> row_start(s.firms.size() + 1, 0);
  threads::for_each(std::size_t{0}, blocks.size(), [&](std::size_t b) {
    LinkScratch work;
    const std::size_t end = std::min(all.size(), (b + 1) * kBlock);
    std::size_t room = 0;  // an upper bound on the block's links: no reallocation
    for (std::size_t k = b * kBlock; k < end; ++k) {
      const double degree = s.model->countries[static_cast<std::size_t>(all[k].country)].peer_degree;
      room +=
          static_cast<std::size_t>(all[k].size) * 2 * static_cast<std::size_t>(std::floor(degree / 2 + 1));
    }
    blocks[b].reserve(room);
    for (std::size_t k = b * kBlock; k < end; ++k)
      cluster_links(s, all[k], work, blocks[b], row_start.data() + all[k].first + 1);
  });
  for (std::size_t v = 1; v < row_start.size(); ++v) row_start[v] += row_start[v - 1];
  std::vector<std::uint32_t> column(row_start.back());
  std::size_t at = 0;
  for (const auto& block : blocks) {
    std::copy(block.begin(), block.end(), column.begin() + static_cast<std::ptrdiff_t>(at));
    at += block.size();
  }
  return graph_of_rows(std::move(row_start), std::move(column));
}

// group -> member links (buyers' suppliers, associations' members) from each
// firm's group index (-1 for none), by counting sort: firms are visited in
// id order, so each group's members come out sorted. Whether a firm is a
// member is as random as the draw that made it, so neither pass branches on
// it: non-members are counted at start[0], set back to 0 afterwards, and
// written to one spare slot past the members (at[groups], the end of the
// last group), dropped at the end.
Graph membership_graph(const std::vector<std::int32_t>& group_of, std::uint32_t groups, std::uint32_t firms) {
  std::vector<std::uint32_t> start(static_cast<std::size_t>(groups) + 1, 0);
  for (const std::int32_t g : group_of) ++start[static_cast<std::size_t>(g + 1)];
  start[0] = 0;
  for (std::size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  const std::uint32_t members = start.back();
  std::vector<std::uint32_t> column(static_cast<std::size_t>(members) + 1), at(start);
  for (std::uint32_t i = 0; i < firms; ++i) {
    const std::int32_t g = group_of[i];
    const auto k = static_cast<std::size_t>(g < 0 ? static_cast<std::int32_t>(groups) : g);
    column[at[k]] = i;
    at[k] += g >= 0 ? 1U : 0U;
  }
  column.pop_back();
  return graph_of_rows(std::move(start), std::move(column));
}

}  // namespace

void draw_profile(State& s, int firm) {
  const auto i = static_cast<std::size_t>(firm);
  Firms& f = s.firms;
  if (f.employees[i] > 0) return;  // drawn when the firm was first reached
  const Country& c = s.model->countries[static_cast<std::size_t>(f.country[i])];
  Rng rng(s.model->seed, s.replication, 0, static_cast<std::uint32_t>(firm), Purpose::profile);
  f.manufacturing[i] = rng.bernoulli(c.manufacturing_share) ? 1 : 0;
  const model::Behaviour& b = s.model->behaviour;
  f.employees[i] = draw_employees(rng, c, b.employees_log_sd);
  f.fee_capacity_usd[i] =
      static_cast<float>(static_cast<double>(f.employees[i]) * c.value_added_per_worker_usd *
                         c.training_budget_share * std::exp(b.fee_capacity_log_sd * rng.normal()));
}

void create_population(State& s) {
  const model::Description& m = *s.model;
  s.firms.resize(static_cast<std::size_t>(m.total_firms()));
  for (int c = 0; c < static_cast<int>(m.countries.size()); ++c) {
    const CountryState& cs = s.countries[c];
    threads::for_ranges(cs.first_firm, cs.end_firm, 4096, [&](int lo, int hi) {
      for (int i = lo; i != hi; ++i) create_firm(s, static_cast<std::size_t>(i), c);
    });
  }
  assign_csr_suppliers(s);
}

void create_networks(State& s) {
  const auto n = static_cast<std::uint32_t>(s.firms.size());
  s.networks.peers = peer_graph(s);
  const auto& last = s.countries.back();
  const auto nb = static_cast<std::uint32_t>(last.first_buyer + s.model->countries.back().buyers);
  const auto na = static_cast<std::uint32_t>(last.first_association + s.model->countries.back().associations);
  s.networks.buyer_suppliers = membership_graph(s.firms.buyer, nb, n);
  s.networks.association_members = membership_graph(s.firms.association, na, n);
  s.networks.csr_suppliers.assign(s.model->funders.size(), {});
  for (std::uint32_t i = 0; i < n; ++i)
    if (const int j = s.firms.csr[i]; j >= 0)
      s.networks.csr_suppliers[static_cast<std::size_t>(j)].push_back(static_cast<std::int32_t>(i));
}

}  // namespace score::sim
