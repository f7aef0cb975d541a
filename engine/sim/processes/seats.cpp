// allocate_seats: classroom seats go to keen firms in a random order, each
// delivery is paid for at once. The seat order of each country is drawn in
// parallel; the seats are then given out serially, country by country,
// because funders' budgets are shared across countries.
#include <algorithm>
#include <cmath>

#include "core/threads.hpp"
#include "sim/funding.hpp"
#include "sim/parallel.hpp"
#include "sim/processes.hpp"
#include "sim/streams.hpp"

namespace score::sim {
namespace {

struct Keen {
  std::uint64_t priority;
  double provider_draw;
  int firm;
};

// Keen firms of country c in seat order. The keen list is sorted by id and
// countries are id ranges, so the country's firms are one run of it.
std::vector<Keen> keen_firms(const State& s, int c) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  const auto& all = s.active.keen;
  const auto lo = std::lower_bound(all.begin(), all.end(), cs.first_firm);
  const auto hi = std::lower_bound(lo, all.end(), cs.end_firm);
  std::vector<Keen> keen;
  for (auto it = lo; it != hi; ++it) {
    const int i = *it;
    Rng rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i),
            Purpose::seat_priority);
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

// The free seats of a country's providers this month, as seats are taken.
class FreeSeats {
 public:
  FreeSeats(const State& s, int c) {
    for (int p = 0; p < static_cast<int>(s.providers.size()); ++p) {
      const Provider& pr = s.providers[static_cast<std::size_t>(p)];
      if (pr.country != c) continue;
      const int free = seats_of(s.model->behaviour, pr) - pr.seats_used;
      if (free <= 0) continue;
      open_.emplace_back(p, free);
      total_ += free;
    }
  }
  // A provider with a free seat, drawn in proportion to its free seats
  // (firms spread over the providers near them); -1 when the country is full.
  int peek(double u) const {
    if (total_ == 0) return -1;
    return open_[slot(u)].first;
  }
  // The same provider, and its seat taken.
  int take(double u) {
    if (total_ == 0) return -1;
    const std::size_t k = slot(u);
    --open_[k].second;
    --total_;
    const int p = open_[k].first;
    if (open_[k].second == 0) open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(k));
    return p;
  }

 private:
  std::size_t slot(double u) const {
    double target = u * total_;
    std::size_t k = 0;
    while (k + 1 < open_.size() && !(target < open_[k].second)) target -= open_[k++].second;
    return k;
  }
  std::vector<std::pair<int, int>> open_;  // (provider, free seats)
  int total_ = 0;
};

// Whether the seat at this provider can be given: not if the phase rations
// unfunded seats and the planned money is gone, nor if the fee there (a
// licensed provider's clients get no programme money) is more than the firm
// can pay. Either is counted. `q` gets the quote, which pays for the seat if given.
bool seat_funded(State& s, int i, int provider, Quote& q) {
  const auto u = static_cast<std::size_t>(i);
  q = quote_delivery(s, i, s.firms.module[u], s.providers[static_cast<std::size_t>(provider)].licensed);
  const int c = s.firms.country[u];
  if (q.rationed) {
    s.series.at(Metric::seats_rationed, s.step, c) += 1;
    return false;
  }
  if (q.fee() > static_cast<double>(s.firms.fee_capacity_usd[u])) {
    s.series.at(Metric::firms_priced_out, s.step, c) += 1;
    return false;
  }
  return true;
}

void start_module(State& s, int i, int provider, const Quote& q) {
  Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const int m = f.module[u];
  const int c = f.country[u];
  Stocks& stocks = s.stocks[static_cast<std::size_t>(c)];
  const Stocks before = stock_of(f, i);  // the fee changes a trained firm's payback
  pay_quote(s, i, provider, m, q);
  stocks.add_change(before, stock_of(f, i));
  stocks.in_training += 1;
  ++s.providers[static_cast<std::size_t>(provider)].seats_used;
  f.state[u] = FirmState::training;
  f.since[u] = static_cast<std::int16_t>(s.step);
  f.provider[u] = provider;
  s.active.module_ends.add(s.step + s.model->modules[static_cast<std::size_t>(m)].duration_months, i);
  s.series.at(Metric::module_deliveries, s.step, c, m) += 1;
  s.series.at(Metric::classroom_participants, s.step, c) += s.model->behaviour.participants_per_firm;
}

}  // namespace

void allocate_seats(State& s) {
  const int nc = static_cast<int>(s.countries.size());
  std::vector<std::vector<Keen>> orders(static_cast<std::size_t>(nc));
  threads::for_each(0, nc, [&](int c) {
    if (s.countries[static_cast<std::size_t>(c)].plan) orders[static_cast<std::size_t>(c)] = keen_firms(s, c);
  });
  for (int c = 0; c < nc; ++c) {
    const std::vector<Keen>& keen = orders[static_cast<std::size_t>(c)];
    if (keen.empty()) continue;
    FreeSeats seats(s, c);
    Quote quote;
    for (const Keen& k : keen) {
      const int p = seats.peek(k.provider_draw);
      if (p < 0) break;  // no seats left in the country this month
      if (!seat_funded(s, k.firm, p, quote)) continue;
      seats.take(k.provider_draw);
      start_module(s, k.firm, p, quote);
    }
  }
  // Firms that started leave the waiting set (a first module) or the
  // returning one.
  for (const std::int32_t i : s.active.keen) {
    const auto u = static_cast<std::size_t>(i);
    if (s.firms.state[u] != FirmState::training) continue;
    (s.firms.modules_done[u] == 0 ? s.active.waiting : s.active.returning).erase(i);
  }
  s.active.keen.clear();
}

}  // namespace score::sim
