// begin_month and run_programme: what the programme decides and pays for.
#include <algorithm>
#include <cmath>

#include "sim/funding.hpp"
#include "sim/processes.hpp"
#include "sim/streams.hpp"

namespace score::sim {
namespace {

void start_phase(State& s, int phase) {
  open_budgets(s, phase);
  for (auto& cs : s.countries) cs.providers_onboarded_phase = cs.licences_signed = 0;
}

// The step a country's plan comes into force: its entry month, else the
// phase's start.
int plan_start(const model::Phase& phase, int country) {
  const int entry = phase.plans[static_cast<std::size_t>(country)].entry_step;
  return entry >= 0 ? entry : phase.first_step;
}

// The latest phase up to `step` whose plan is active for the country and has
// come into force: before a late entry the previous phase's plan stays.
int latest_plan(const model::Description& m, int country, int step) {
  int found = -1;
  for (int p = 0; p < static_cast<int>(m.phases.size()); ++p)
    if (m.phases[p].plans[country].active && plan_start(m.phases[p], country) <= step) found = p;
  return found;
}

// Whole units due by now when n are spread evenly over the country's part of
// a phase (from its entry to the phase's end): the k-th (k = 0..n-1) at k/n
// of the way through, so the first comes with the entry and none in the
// last stretch, where it could do nothing.
int due_by_now(int n, const model::Phase& phase, int country, int step) {
  if (n <= 0) return 0;
  const int first = plan_start(phase, country);
  const int len = phase.last_step - first + 1;
  const int due = static_cast<int>(std::floor(static_cast<double>(n) * (step - first) / len + 1e-9)) + 1;
  return std::min(n, due);
}

void onboard(State& s, int c, bool licensed) {
  const model::Description& m = *s.model;
  const model::Plan& plan = *s.countries[c].plan;
  Provider p;
  p.country = c;
  p.joined = s.step;
  p.licensed = licensed;
  p.own_revenue_window.assign(static_cast<std::size_t>(m.behaviour.independence_window_months), 0.0);
  p.cost_window = p.own_revenue_window;
  if (licensed) {
    p.type = model::ProviderType::private_firm;
  } else {
    Rng rng(m.seed, s.replication, static_cast<std::uint32_t>(s.step),
            static_cast<std::uint32_t>(s.providers.size()), Purpose::provider);
    double total = 0, u = 0;
    for (double w : plan.provider_mix) total += w;
    u = rng.uniform() * total;
    int t = 0;
    while (t < model::kProviderTypes - 1 && u >= plan.provider_mix[static_cast<std::size_t>(t)])
      u -= plan.provider_mix[static_cast<std::size_t>(t++)];
    p.type = static_cast<model::ProviderType>(t);
  }
  s.providers.push_back(std::move(p));
}

// An association or employers' body that partners makes its members hear of
// SCORE: each such provider activates one association of its country.
void activate_association(State& s, int c) {
  const CountryState& cs = s.countries[c];
  const int n = s.model->countries[c].associations;
  int partners = 0;
  for (const Provider& p : s.providers)
    if (p.country == c && p.active &&
        (p.type == model::ProviderType::industry_association || p.type == model::ProviderType::employer_org))
      ++partners;
  for (int a = 0; a < std::min(partners, n); ++a)
    s.association_active[static_cast<std::size_t>(cs.first_association + a)] = 1;
}

void grow_partnerships(State& s, int c, const model::Phase& phase) {
  CountryState& cs = s.countries[c];
  const model::Plan& plan = *cs.plan;
  while (cs.providers_onboarded_phase < due_by_now(plan.providers_onboarded, phase, c, s.step)) {
    onboard(s, c, false);
    ++cs.providers_onboarded_phase;
  }
  while (cs.licences_signed < due_by_now(plan.licences, phase, c, s.step)) {
    onboard(s, c, true);
    ++cs.licences_signed;
  }
  // Partner buyers ramp towards the phase's level; they stay partners after.
  const int target =
      std::min(s.model->countries[c].buyers, due_by_now(plan.buyer_partnerships, phase, c, s.step));
  cs.buyers_partnered = std::max(cs.buyers_partnered, target);
  activate_association(s, c);
}

}  // namespace

void begin_month(State& s) {
  const model::Description& m = *s.model;
  const int p = m.phase_at(s.step);
  if (p >= 0 && m.phases[p].first_step == s.step) start_phase(s, p);
  for (int c = 0; c < static_cast<int>(s.countries.size()); ++c) {
    CountryState& cs = s.countries[c];
    const int latest = latest_plan(m, c, s.step);
    cs.phase = latest;
    cs.plan = latest >= 0 ? &m.phases[latest].plans[c] : nullptr;
    cs.supported = latest >= 0 && latest == p && (cs.plan->exit_step < 0 || s.step < cs.plan->exit_step);
    cs.marketing_usd = 0;
  }
  for (Provider& pr : s.providers) {
    pr.seats_used = 0;
    pr.month_revenue = pr.month_own_revenue = pr.month_cost = 0;
  }
  plan_funding_month(s);
}

void run_programme(State& s) {
  const model::Description& m = *s.model;
  const int p = m.phase_at(s.step);
  if (p < 0) return;
  const model::Phase& phase = m.phases[p];
  int supported = 0;
  for (const CountryState& cs : s.countries) supported += cs.supported ? 1 : 0;
  for (int c = 0; c < static_cast<int>(s.countries.size()); ++c) {
    CountryState& cs = s.countries[c];
    if (!cs.supported) continue;
    pay_programme(s, c, Line::staff, cs.plan->national_staff_usd_per_month);
    pay_programme(s, c, Line::overhead, phase.global_overhead_usd_per_month / supported);
    cs.marketing_usd = pay_programme(s, c, Line::marketing, cs.plan->marketing_usd_per_month);
    grow_partnerships(s, c, phase);
    for (Provider& pr : s.providers)
      if (pr.country == c && pr.licensed && pr.active) {
        const double fee = cs.plan->licence_fee_usd_per_year / 12.0;
        s.series.at(Metric::licence_income_usd, s.step, c) += fee;
        pr.month_cost += fee;
      }
  }
}

}  // namespace score::sim
