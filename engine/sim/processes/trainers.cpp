// train_trainers: the certification pipeline of each provider's trainers,
// trained by the programme or, without it, by the provider itself.
#include <algorithm>
#include <cmath>

#include "sim/funding.hpp"
#include "sim/processes.hpp"
#include "sim/provider_pricing.hpp"
#include "sim/streams.hpp"

namespace score::sim {
namespace {

// New trainees this month, as far as the budget pays for their training.
int intake(State& s, int c) {
  CountryState& cs = s.countries[c];
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  cs.trainee_credit += cs.plan->trainers_per_year / 12.0;
  const int want = static_cast<int>(std::floor(cs.trainee_credit));
  if (want <= 0) return 0;
  // Only whole trainees are trained; those the budget cannot pay for wait
  // (up to a year's intake) for money in a later month.
  const double cost = phase.tot_usd_per_trainee;
  const double affordable =
      cost > 0 ? std::floor(programme_funds_left(s, c, Line::trainers) / cost + 1e-9) : want;
  const int n = static_cast<int>(std::min<double>(want, affordable));
  pay_programme(s, c, Line::trainers, n * cost);
  cs.trainee_credit = std::min(cs.trainee_credit - n, std::max(1.0, cs.plan->trainers_per_year));
  return n;
}

std::vector<int> active_providers(const State& s, int c) {
  std::vector<int> hosts;
  for (int i = 0; i < static_cast<int>(s.providers.size()); ++i)
    if (s.providers[i].country == c && s.providers[i].active) hosts.push_back(i);
  return hosts;
}

// Trainees join providers in turn (the programme spreads its workshops).
void assign_trainees(State& s, int c, const std::vector<int>& hosts, int n) {
  CountryState& cs = s.countries[c];
  const int ready = s.step + s.model->behaviour.supervised_months;
  for (int k = 0; k < n; ++k) {
    Provider& p = s.providers[static_cast<std::size_t>(
        hosts[static_cast<std::size_t>(cs.trainees_assigned++ % static_cast<int>(hosts.size()))])];
    p.trainees_ready.push_back(ready);
  }
  s.series.at(Metric::trainers_trained, s.step, c) += n;
}

void certify_and_retire(State& s, int i) {
  const model::Behaviour& b = s.model->behaviour;
  Provider& p = s.providers[static_cast<std::size_t>(i)];
  Rng rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i),
          Purpose::trainer);
  int leaving = 0;
  for (int t = 0; t < p.certified; ++t) leaving += rng.bernoulli(b.trainer_attrition_per_month) ? 1 : 0;
  p.certified -= leaving;
  std::erase_if(p.trainees_ready, [&](int ready) {
    if (ready > s.step) return false;
    if (rng.bernoulli(b.certification_probability)) ++p.certified;
    return true;
  });
}

// Once the programme has ended, a provider keeps its core of trainers itself: it
// sends trainees to training of trainers (master trainers charge the
// phase's cost per trainee) while its certified trainers and trainees fall
// short of its target and its reserves pay for one more.
void train_own_trainers(State& s, int i) {
  Provider& p = s.providers[static_cast<std::size_t>(i)];
  const CountryState& cs = s.countries[static_cast<std::size_t>(p.country)];
  const int target = s.model->behaviour.own_trainers_target;
  if (target <= 0 || cs.phase < 0 || !on_own_books(s, p.country)) return;
  const double cost = s.model->phases[static_cast<std::size_t>(cs.phase)].tot_usd_per_trainee;
  const int ready = s.step + s.model->behaviour.supervised_months;
  while (p.certified + static_cast<int>(p.trainees_ready.size()) < target &&
         p.reserves - p.month_cost >= cost) {
    p.trainees_ready.push_back(ready);
    p.month_cost += cost;
    s.series.at(Metric::trainers_trained, s.step, p.country) += 1;
    s.series.at(Metric::trainers_own_trained, s.step, p.country) += 1;
  }
}

}  // namespace

void train_trainers(State& s) {
  for (int c = 0; c < static_cast<int>(s.countries.size()); ++c) {
    if (!s.countries[c].supported) continue;
    const std::vector<int> hosts = active_providers(s, c);
    if (!hosts.empty()) assign_trainees(s, c, hosts, intake(s, c));
  }
  for (int i = 0; i < static_cast<int>(s.providers.size()); ++i)
    if (s.providers[i].active) train_own_trainers(s, i);
  for (int i = 0; i < static_cast<int>(s.providers.size()); ++i)
    if (s.providers[i].active) certify_and_retire(s, i);
}

}  // namespace score::sim
