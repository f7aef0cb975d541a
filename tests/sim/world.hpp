#pragma once
// Small hand-built models for the simulation tests: two countries, one
// phase, one donor, numbers small enough to reason about.
#include "model/description.hpp"

namespace score::test {

inline model::Description small_world(int firms_per_country = 2000, int months = 48) {
  model::Description m;
  m.name = "small";
  m.start = {2010, 1};
  m.steps = months;
  m.end = m.start.plus(months - 1);
  m.seed = 7;
  m.replications = 2;
  for (const char* id : {"AAA", "BBB"}) {
    model::Country c;
    c.id = c.name = id;
    c.eligible_firms = firms_per_country;
    c.cluster_size = 40;
    m.countries.push_back(c);
  }
  for (int k = 0; k < model::kModules; ++k) {
    m.modules[static_cast<std::size_t>(k)].id = model::module_ids()[static_cast<std::size_t>(k)];
    m.modules[static_cast<std::size_t>(k)].effect_mean[0] = 0.1;
  }
  model::Phase p;
  p.id = "I";
  p.start = m.start;
  p.end = m.end;
  p.first_step = 0;
  p.last_step = months - 1;
  p.global_overhead_usd_per_month = 1000;
  model::Plan plan;
  plan.active = true;
  plan.subsidy_share.fill(0.6);
  plan.fee_share.fill(0.2);
  plan.trainers_per_year = 24;
  plan.providers_onboarded = 3;
  plan.marketing_usd_per_month = 5000;
  plan.national_staff_usd_per_month = 2000;
  p.plans = {plan, plan};
  m.phases.push_back(p);
  model::Funder donor;
  donor.id = "D";
  donor.kind = model::FunderKind::donor;
  donor.budget = {2.0e6};
  model::Funder ilo;
  ilo.id = "ILO";
  ilo.kind = model::FunderKind::ilo;
  ilo.budget = {1.0e6};
  m.funders = {donor, ilo};
  m.behaviour.enrol_rate = 0.2;
  m.behaviour.marketing_reach_per_1000_usd = 20;
  return m;
}

// A buyer funder signing every lead buyer of country 0 only, paying `share`
// of its suppliers' price from `budget` in each phase, from `first_step` to
// `last_step` (-1: the phase's own months).
inline model::Funder lead_buyers(const model::Description& m, double share, double budget,
                                 int first_step = -1, int last_step = -1) {
  model::Funder b;
  b.id = "B";
  b.kind = model::FunderKind::buyer;
  b.countries = {true, false};
  b.buyers = m.countries[0].buyers;
  b.share = share;
  b.first_step = first_step;
  b.last_step = last_step;
  b.budget.assign(m.phases.size(), budget);
  return b;
}

}  // namespace score::test
