// allocate_seats: classroom seats go to keen firms in a random order, each
// delivery is paid for at once. Serial over the (small) set of keen firms,
// because seats and budgets are shared.
#include <algorithm>
#include <cmath>

#include "core/rng.hpp"
#include "sim/funding.hpp"
#include "sim/processes.hpp"

namespace score::sim {
namespace {

struct Keen {
  std::uint64_t priority;
  double provider_draw;
  int firm;
};

std::vector<Keen> keen_firms(const State& s, int c) {
  const CountryState& cs = s.countries[c];
  std::vector<Keen> keen;
  for (int i = cs.first_firm; i < cs.end_firm; ++i) {
    if (!s.firms.wants[static_cast<std::size_t>(i)]) continue;
    Rng rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i), Purpose::seat_priority);
    const std::uint64_t priority = rng.bits();
    keen.push_back({priority, rng.uniform(), i});
  }
  std::sort(keen.begin(), keen.end(), [](const Keen& a, const Keen& b) {
    return a.priority != b.priority ? a.priority < b.priority : a.firm < b.firm;
  });
  return keen;
}

// Firm-module starts a provider can take this month: its certified trainers'
// classrooms, each holding firms_per_classroom firms.
int seats_of(const model::Behaviour& b, const Provider& p) {
  if (!p.active || p.certified <= 0) return 0;
  return static_cast<int>(std::floor(p.certified * b.classrooms_per_trainer_month * b.firms_per_classroom));
}

// A provider with free seats, drawn in proportion to its free seats (firms
// spread over the providers near them), or -1 when the country is full.
int pick_provider(const State& s, int c, double u) {
  std::vector<std::pair<int, int>> open;  // (provider, free seats)
  int total = 0;
  for (int p = 0; p < static_cast<int>(s.providers.size()); ++p) {
    const Provider& pr = s.providers[static_cast<std::size_t>(p)];
    if (pr.country != c) continue;
    const int free = seats_of(s.model->behaviour, pr) - pr.seats_used;
    if (free <= 0) continue;
    open.emplace_back(p, free);
    total += free;
  }
  if (total == 0) return -1;
  double target = u * total;
  for (const auto& [p, free] : open) {
    if (target < free) return p;
    target -= free;
  }
  return open.back().first;
}

void start_module(State& s, int i, int provider) {
  Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const int m = f.module[u];
  pay_delivery(s, i, provider, m);
  ++s.providers[static_cast<std::size_t>(provider)].seats_used;
  f.state[u] = FirmState::training;
  f.since[u] = static_cast<std::int16_t>(s.step);
  f.provider[u] = provider;
  const int c = f.country[u];
  s.series.at(Metric::module_deliveries, s.step, c, m) += 1;
  s.series.at(Metric::classroom_participants, s.step, c) += s.model->behaviour.participants_per_firm;
}

}  // namespace

void allocate_seats(State& s) {
  for (int c = 0; c < static_cast<int>(s.countries.size()); ++c) {
    if (!s.countries[c].plan) continue;
    for (const Keen& k : keen_firms(s, c)) {
      const int p = pick_provider(s, c, k.provider_draw);
      if (p < 0) break;  // no seats left in the country this month
      start_module(s, k.firm, p);
    }
  }
  for (auto& w : s.firms.wants) w = 0;
}

}  // namespace score::sim
