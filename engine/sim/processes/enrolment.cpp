// decide_enrolment: an aware firm weighs the fee against the benefit it
// expects, checks it can pay, and feels its buyer's pressure.
#include <bit>
#include <cmath>

#include "core/rng.hpp"
#include "sim/funding.hpp"
#include "sim/parallel.hpp"
#include "sim/processes.hpp"

namespace score::sim {
namespace {

// Module 1 first; later modules are chosen after the baseline assessment,
// here at random among those not yet taken. -1 when all are done.
int next_module(int done, Rng& rng) {
  if (!(done & 1)) return 0;
  const int left = model::kModules - std::popcount(static_cast<unsigned>(done));
  if (left <= 0) return -1;
  int pick = static_cast<int>(rng.below(static_cast<std::uint32_t>(left)));
  for (int m = 1; m < model::kModules; ++m)
    if (!(done & (1 << m)) && pick-- == 0) return m;
  return -1;
}

// Monthly savings the firm expects: its own results if it has any, else
// what it was told, moved towards what its trained peers achieved.
double expected_savings(const State& s, int i) {
  const Firms& f = s.firms;
  const model::Behaviour& b = s.model->behaviour;
  if (f.modules_done[static_cast<std::size_t>(i)] != 0) return f.savings_usd[static_cast<std::size_t>(i)];
  double sum = 0;
  int n = 0;
  for (auto j : boost::make_iterator_range(neighbours(s.networks.peers, static_cast<std::uint32_t>(i)))) {
    if (f.modules_done[j] == 0) continue;
    sum += f.savings_usd[j];
    ++n;
  }
  return n == 0 ? b.told_savings_usd : (1 - b.peer_weight) * b.told_savings_usd + b.peer_weight * sum / n;
}

bool has_capacity(const State& s, int c) {
  for (const Provider& p : s.providers)
    if (p.country == c && p.active && p.certified > 0) return true;
  return false;
}

void decide(State& s, int i) {
  Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const model::Behaviour& b = s.model->behaviour;
  if (s.step - f.since[u] > b.max_wait_months) {  // gives up waiting
    f.state[u] = f.modules_done[u] ? FirmState::done : FirmState::unaware;
    f.since[u] = static_cast<std::int16_t>(s.step);
    return;
  }
  const auto step = static_cast<std::uint32_t>(s.step);
  Rng choice(s.model->seed, s.replication, step, static_cast<std::uint32_t>(i), Purpose::module_choice);
  const int m = next_module(f.modules_done[u], choice);
  if (m < 0) {
    f.state[u] = FirmState::done;
    return;
  }
  const double fee = expected_fee(s, i, m);
  if (fee > static_cast<double>(f.fee_capacity_usd[u])) return;  // cannot pay
  const double price = module_price(*s.model, f.country[u], m);
  const double value = expected_savings(s, i) * b.benefit_horizon_months - fee;
  const double keen = 1.0 / (1.0 + std::exp(-value / price));
  const double pressure = pushed_by_partner(s, i) ? b.buyer_pressure : 1.0;
  // A firm that finished a module and chose to go on knows the programme:
  // only the fee against its own results holds it back, not hesitation.
  const double rate = f.modules_done[u] != 0 ? 1.0 : b.enrol_rate;
  Rng rng(s.model->seed, s.replication, step, static_cast<std::uint32_t>(i), Purpose::enrol);
  if (rng.bernoulli(std::min(1.0, rate * keen * pressure))) {
    f.wants[u] = 1;
    f.module[u] = static_cast<std::int8_t>(m);
  }
}

}  // namespace

void decide_enrolment(State& s) {
  std::vector<std::uint8_t> open(s.countries.size());
  for (std::size_t c = 0; c < open.size(); ++c) open[c] = s.countries[c].plan && has_capacity(s, static_cast<int>(c));
  Firms& f = s.firms;
  for_each_agent(0, static_cast<int>(f.size()), [&](int i) {
    const auto u = static_cast<std::size_t>(i);
    f.wants[u] = 0;
    if (f.state[u] != FirmState::aware || !open[static_cast<std::size_t>(f.country[u])]) return;
    decide(s, i);
  });
}

}  // namespace score::sim
