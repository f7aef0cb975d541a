// Providers' own-books pricing: see sim/provider_pricing.hpp.
#include "sim/provider_pricing.hpp"

#include <algorithm>

#include "sim/funding.hpp"

namespace score::sim {
namespace {

// Deliveries are averaged over about a year (an exponential moving average
// with a 12-month span): a provider plans its price on last year's clients.
constexpr double kDemandSpanMonths = 12.0;

}  // namespace

bool on_own_books(const State& s, int country) {
  // Per country: once its support ends (an exit, or a phase that no longer
  // lists it) a provider there earns only what firms and third parties pay,
  // whatever the programme still does elsewhere. A country it never
  // reached has no plan and no providers.
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  return cs.plan != nullptr && !cs.supported;
}

double fixed_cost_in_price(const State& s, int country, int module) {
  const model::Behaviour& b = s.model->behaviour;
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (b.fixed_cost_pricing <= 0 || cs.provider_fixed_usd <= 0 || !on_own_books(s, country)) return 0;
  const double direct = direct_cost(*s.model, country, module);
  const double room = direct * (1.0 + b.max_price_over_direct) - module_price(*s.model, country, module);
  // Spread over at least one delivery a month: fewer clients than that and
  // the cap decides anyway.
  const double share = b.fixed_cost_pricing * cs.provider_fixed_usd / std::max(1.0, cs.deliveries_per_month);
  return std::clamp(share, 0.0, std::max(0.0, room));
}

void update_own_books(State& s) {
  const model::Behaviour& b = s.model->behaviour;
  std::vector<double> fixed(s.countries.size(), 0.0), deliveries(s.countries.size(), 0.0);
  for (const Provider& p : s.providers) {
    if (!p.active) continue;
    const auto c = static_cast<std::size_t>(p.country);
    fixed[c] += b.provider_overhead_usd_per_month + b.trainer_usd_per_month * p.certified;
    deliveries[c] += p.seats_used;
  }
  for (std::size_t c = 0; c < s.countries.size(); ++c) {
    CountryState& cs = s.countries[c];
    cs.provider_fixed_usd = fixed[c];
    cs.deliveries_per_month += (deliveries[c] - cs.deliveries_per_month) / kDemandSpanMonths;
  }
}

}  // namespace score::sim
