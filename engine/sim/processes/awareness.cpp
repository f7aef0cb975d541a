// spread_awareness: how unaware firms hear of SCORE.
#include <algorithm>
#include <cmath>

#include "core/rng.hpp"
#include "sim/funding.hpp"
#include "sim/parallel.hpp"
#include "sim/processes.hpp"

namespace score::sim {
namespace {

// Marketing reaches a number of firms per dollar, drawn from the unaware.
std::vector<double> marketing_probability(const State& s) {
  const double per_usd = s.model->behaviour.marketing_reach_per_1000_usd / 1000.0;
  std::vector<double> p(s.countries.size(), 0.0);
  for (std::size_t c = 0; c < p.size(); ++c) {
    const auto unaware = std::max<std::int64_t>(1, s.countries[c].unaware);
    p[c] = std::min(1.0, per_usd * s.countries[c].marketing_usd / static_cast<double>(unaware));
  }
  return p;
}

int trained_peers(const State& s, int i) {
  int k = 0;
  for (auto j : boost::make_iterator_range(neighbours(s.networks.peers, static_cast<std::uint32_t>(i))))
    k += s.firms.modules_done[j] != 0 ? 1 : 0;
  return k;
}

}  // namespace

void spread_awareness(State& s) {
  const model::Behaviour& b = s.model->behaviour;
  const std::vector<double> marketing = marketing_probability(s);
  Firms& f = s.firms;
  for_each_agent(0, static_cast<int>(f.size()), [&](int i) {
    const auto u = static_cast<std::size_t>(i);
    if (f.state[u] != FirmState::unaware) return;
    double stay = 1.0 - marketing[static_cast<std::size_t>(f.country[u])];
    if (f.association[u] >= 0 && s.association_active[static_cast<std::size_t>(f.association[u])])
      stay *= 1.0 - b.association_awareness;
    if (const int k = trained_peers(s, i); k > 0) stay *= std::pow(1.0 - b.peer_awareness, k);
    if (pushed_by_partner(s, i)) stay *= 1.0 - b.buyer_awareness;
    if (stay >= 1.0) return;
    Rng rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i), Purpose::awareness);
    if (rng.uniform() >= stay) {
      f.state[u] = FirmState::aware;
      f.since[u] = static_cast<std::int16_t>(s.step);
    }
  });
}

}  // namespace score::sim
