// spread_awareness: how unaware firms hear of SCORE.
//
// A firm hears through any of four channels in a month: marketing, its
// association (when a partner provider activated it), each trained peer,
// and a pushing partner (its buyer, or its CSR foundation while that has
// money). Each channel is a set of independent Bernoulli trials, so the
// chance a firm stays unaware is the product over channels, as in the ODD.
// The trials are visited through geometric gaps over each channel's
// members (sampling.hpp): the cost is that of the firms reached, not of the
// unaware population. Countries are independent and run in parallel; each
// channel of a country draws from its own stream, so the result does not
// depend on the thread count.
#include <algorithm>
#include <cmath>

#include "core/threads.hpp"
#include "sim/funding.hpp"
#include "sim/graph.hpp"
#include "sim/parallel.hpp"
#include "sim/processes.hpp"
#include "sim/sampling.hpp"

namespace score::sim {
namespace {

class Reach {
 public:
  Reach(State& s, int c) : s_(s), c_(c) {}

  // Makes firm i aware if it is not yet; returns whether it was unaware.
  bool hear(std::int32_t i) {
    const auto u = static_cast<std::size_t>(i);
    if (s_.firms.state[u] != FirmState::unaware) return false;
    s_.firms.state[u] = FirmState::aware;
    s_.firms.since[u] = static_cast<std::int16_t>(s_.step);
    reached_.push_back(i);
    return true;
  }
  Draws draws(Purpose p) const {
    return Draws(s_.model->seed, s_.replication, static_cast<std::uint32_t>(s_.step),
                 static_cast<std::uint32_t>(c_), p);
  }
  std::vector<std::int32_t>& reached() { return reached_; }

 private:
  State& s_;
  int c_;
  std::vector<std::int32_t> reached_;
};

// The successes of Bernoulli(p) trials over the concatenated out-neighbour
// lists of `sources` (in order), visited as hit(firm).
template <class Sources, class Hit>
void each_neighbour_success(const Graph& g, const Sources& sources, double p, Draws& draws, Hit&& hit) {
  std::int64_t total = 0;
  for (auto v : sources)
    total += static_cast<std::int64_t>(boost::out_degree(static_cast<std::uint32_t>(v), g));
  auto src = sources.begin();
  std::int64_t offset = 0;  // position of *src's first neighbour in the concatenation
  each_success(total, p, draws, [&](std::int64_t k) {
    for (;;) {
      const auto deg = static_cast<std::int64_t>(boost::out_degree(static_cast<std::uint32_t>(*src), g));
      if (k < offset + deg) break;
      offset += deg;
      ++src;
    }
    const auto range = neighbours(g, static_cast<std::uint32_t>(*src));
    hit(static_cast<std::int32_t>(range.first[k - offset]));
  });
}

// Marketing reaches reach_per_usd x spend firms, drawn from the unaware:
// each unaware firm with the same probability, as independent trials.
void marketing(State& s, int c, Reach& reach) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  const double per_usd = s.model->behaviour.marketing_reach_per_1000_usd / 1000.0;
  const std::int64_t unaware = cs.unaware;
  if (unaware <= 0 || cs.marketing_usd <= 0) return;
  const double p = std::min(1.0, per_usd * cs.marketing_usd / static_cast<double>(unaware));
  Draws draws = reach.draws(Purpose::marketing);
  std::int64_t n = count_successes(unaware, p, draws);
  const auto size = static_cast<std::uint32_t>(cs.end_firm - cs.first_firm);
  if (n * 4 > unaware || unaware * 4 < static_cast<std::int64_t>(size)) {
    // Many of few: list the unaware and take a random subset (partial shuffle).
    std::vector<std::int32_t> pool;
    pool.reserve(static_cast<std::size_t>(unaware));
    for (int i = cs.first_firm; i < cs.end_firm; ++i)
      if (s.firms.state[static_cast<std::size_t>(i)] == FirmState::unaware) pool.push_back(i);
    for (std::int64_t k = 0; k < n; ++k) {
      const auto left = static_cast<std::uint32_t>(pool.size() - static_cast<std::size_t>(k));
      std::swap(pool[static_cast<std::size_t>(k)], pool[static_cast<std::size_t>(k) + draws.below(left)]);
      reach.hear(pool[static_cast<std::size_t>(k)]);
    }
    return;
  }
  // Few of many: draw firms of the country until n unaware ones are found.
  while (n > 0)
    if (reach.hear(cs.first_firm + static_cast<std::int32_t>(draws.below(size)))) --n;
}

// Members of associations that a partner provider activated.
void associations(State& s, int c, Reach& reach) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  std::vector<std::uint32_t> active;
  for (int a = 0; a < s.model->countries[static_cast<std::size_t>(c)].associations; ++a)
    if (s.association_active[static_cast<std::size_t>(cs.first_association + a)])
      active.push_back(static_cast<std::uint32_t>(cs.first_association + a));
  Draws draws = reach.draws(Purpose::association_reach);
  each_neighbour_success(s.networks.association_members, active, s.model->behaviour.association_awareness,
                         draws, [&](std::int32_t i) { reach.hear(i); });
}

// Word of mouth: each trained firm tells each of its peers with some chance.
void peers(State& s, int c, Reach& reach) {
  const Ids& links = s.active.told_peers[static_cast<std::size_t>(c)];
  Draws draws = reach.draws(Purpose::peer_reach);
  each_success(static_cast<std::int64_t>(links.size()), s.model->behaviour.peer_awareness, draws,
               [&](std::int64_t k) { reach.hear(links[static_cast<std::size_t>(k)]); });
}

// The buyers pushing their suppliers in a country: the plan's partners,
// then the lead buyers of buyer funders that still have money (each once).
std::vector<std::uint32_t> pushing_buyers(const State& s, int c) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  std::vector<std::uint32_t> buyers(static_cast<std::size_t>(cs.buyers_partnered));
  for (int b = 0; b < cs.buyers_partnered; ++b)
    buyers[static_cast<std::size_t>(b)] = static_cast<std::uint32_t>(cs.first_buyer + b);
  for (std::size_t j = 0; j < s.model->funders.size(); ++j) {
    const model::Funder& f = s.model->funders[j];
    if (f.kind != model::FunderKind::buyer || !f.funds_country(c) || funder_left(s, j) <= 0) continue;
    const BuyerSpan span = signed_buyers(s, j, c);
    for (int b = std::max(span.first, cs.first_buyer + cs.buyers_partnered); b < span.last; ++b)
      buyers.push_back(static_cast<std::uint32_t>(b));
  }
  return buyers;
}

// Suppliers of partner buyers, and the supply chains of CSR foundations
// that still have money. A firm pushed both ways has one chance, through
// its buyer.
void partners(State& s, int c, Reach& reach) {
  const double p = s.model->behaviour.buyer_awareness;
  const std::vector<std::uint32_t> buyers = pushing_buyers(s, c);
  Draws by_buyer = reach.draws(Purpose::buyer_reach);
  each_neighbour_success(s.networks.buyer_suppliers, buyers, p, by_buyer,
                         [&](std::int32_t i) { reach.hear(i); });
  Draws by_csr = reach.draws(Purpose::csr_reach);
  for (std::size_t j = 0; j < s.networks.csr_suppliers.size(); ++j) {
    const auto& chain = s.networks.csr_suppliers[j];
    if (chain.empty() || s.model->funders[j].country != c || funder_left(s, j) <= 0) continue;
    each_success(static_cast<std::int64_t>(chain.size()), p, by_csr, [&](std::int64_t k) {
      const std::int32_t i = chain[static_cast<std::size_t>(k)];
      if (!buyer_pushes(s, i)) reach.hear(i);
    });
  }
}

}  // namespace

void spread_awareness(State& s) {
  const int nc = static_cast<int>(s.countries.size());
  std::vector<std::vector<std::int32_t>> reached(static_cast<std::size_t>(nc));
  threads::for_each(0, nc, [&](int c) {
    Reach reach(s, c);
    // Marketing first: it samples among the firms unaware at the start of the month.
    marketing(s, c, reach);
    associations(s, c, reach);
    peers(s, c, reach);
    partners(s, c, reach);
    reached[static_cast<std::size_t>(c)] = std::move(reach.reached());
  });
  // Newly aware firms wait for a seat, with a limit to their patience.
  for (int c = 0; c < nc; ++c) {
    const auto& r = reached[static_cast<std::size_t>(c)];
    s.countries[static_cast<std::size_t>(c)].unaware -= static_cast<std::int64_t>(r.size());
    for (const std::int32_t i : r) {
      s.active.gives_up.add(patience_ends(s, s.step), i);
      s.active.waiting.insert(i);
    }
  }
}

}  // namespace score::sim
