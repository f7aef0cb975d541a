#include "sim/funding.hpp"

#include <algorithm>

namespace score::sim {
using model::FunderKind;
using model::Source;

double funder_left(const State& s, std::size_t j) {
  const int p = s.model->phase_at(s.step);
  if (p < 0) return 0;
  const model::Funder& f = s.model->funders[j];
  if (!s.funders[j].pledge_holds) return 0;
  return std::max(0.0, f.budget_usd[static_cast<std::size_t>(p)] - s.funders[j].spent_phase);
}

bool buyer_partnered(const State& s, int firm) {
  const int b = s.firms.buyer[static_cast<std::size_t>(firm)];
  if (b < 0) return false;
  const CountryState& cs = s.countries[s.firms.country[static_cast<std::size_t>(firm)]];
  return b - cs.first_buyer < cs.buyers_partnered;
}

namespace {

double left_of(const State& s, std::size_t j) { return funder_left(s, j); }

// Spends up to `amount` from all funders of a kind, pro rata to what each
// has left, so no budget is ever overspent.
double spend_pool(State& s, FunderKind kind, double amount) {
  const double left = budget_left(s, kind);
  if (left <= 0 || amount <= 0) return 0;
  const double paid = std::min(amount, left);
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    if (s.model->funders[j].kind != kind) continue;
    const double part = std::min(left_of(s, j), paid * left_of(s, j) / left);
    s.funders[j].spent_phase += part;
    s.funders[j].spent_total += part;
  }
  return paid;
}

// A funder tied to a country (government, csr) paying for one delivery.
double pay_tied(State& s, std::size_t j, int module, double want) {
  const model::Funder& f = s.model->funders[j];
  if (!f.modules[static_cast<std::size_t>(module)]) return 0;
  const double paid = std::min(want, left_of(s, j));
  s.funders[j].spent_phase += paid;
  s.funders[j].spent_total += paid;
  return paid;
}

bool donor_pays(const model::Phase& phase, Line line) {
  switch (line) {
    case Line::delivery: return phase.donor_pays_delivery;
    case Line::trainers: return phase.donor_pays_trainers;
    case Line::marketing: return phase.donor_pays_marketing;
    case Line::staff: return phase.donor_pays_staff;
    case Line::overhead: return phase.donor_pays_overhead;
  }
  return false;
}

// Third parties' shares (government, buyer, csr) of a firm's price, as
// fractions, in payment order, considering who is willing and able now.
std::array<double, 3> third_party_shares(const State& s, int firm, int module) {
  std::array<double, 3> share{};
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    const model::Funder& f = s.model->funders[j];
    if (f.kind != FunderKind::government || f.country != c) continue;
    if (f.modules[static_cast<std::size_t>(module)] && left_of(s, j) > 0) share[0] += f.share;
  }
  if (buyer_partnered(s, firm) && s.countries[c].plan) share[1] = s.countries[c].plan->buyer_share;
  const int csr = s.firms.csr[static_cast<std::size_t>(firm)];
  if (csr >= 0 && left_of(s, static_cast<std::size_t>(csr)) > 0 &&
      s.model->funders[static_cast<std::size_t>(csr)].modules[static_cast<std::size_t>(module)])
    share[2] = s.model->funders[static_cast<std::size_t>(csr)].share;
  return share;
}

}  // namespace

bool pushed_by_partner(const State& s, int firm) {
  const int csr = s.firms.csr[static_cast<std::size_t>(firm)];
  return buyer_partnered(s, firm) || (csr >= 0 && left_of(s, static_cast<std::size_t>(csr)) > 0);
}

double budget_left(const State& s, FunderKind kind) {
  double left = 0;
  for (std::size_t j = 0; j < s.funders.size(); ++j)
    if (s.model->funders[j].kind == kind) left += left_of(s, j);
  return left;
}

double module_price(const model::Description& m, int country, int module) {
  const model::Module& mod = m.modules[static_cast<std::size_t>(module)];
  const double direct = mod.trainer_days_per_firm * m.countries[static_cast<std::size_t>(country)].trainer_day_usd +
                        mod.materials_usd_per_firm;
  return direct * (1.0 + m.behaviour.provider_markup);
}

double expected_fee(const State& s, int firm, int module) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const model::Plan* plan = s.countries[c].plan;
  if (!plan) return 0;
  const double price = module_price(*s.model, c, module);
  const auto third = third_party_shares(s, firm, module);
  const double rest = std::max(0.0, 1.0 - third[0] - third[1] - third[2]);
  return price * std::min(plan->fee_share[static_cast<std::size_t>(module)], rest);
}

Payment pay_delivery(State& s, int firm, int provider, int module) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const CountryState& cs = s.countries[c];
  const model::Plan& plan = *cs.plan;
  const std::size_t mi = static_cast<std::size_t>(module);
  Payment pay;
  pay.price = module_price(*s.model, c, module);
  double left = pay.price;
  auto take = [&](Source src, double amount) {
    amount = std::clamp(amount, 0.0, left);
    pay.by_source[static_cast<int>(src)] += amount;
    left -= amount;
  };
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    const model::Funder& f = s.model->funders[j];
    if (f.kind == FunderKind::government && f.country == c)
      take(Source::government, pay_tied(s, j, module, std::min(left, f.share * pay.price)));
  }
  if (buyer_partnered(s, firm)) take(Source::buyer, plan.buyer_share * pay.price);
  const int csr = s.firms.csr[static_cast<std::size_t>(firm)];
  if (csr >= 0) {
    const double want = std::min(left, s.model->funders[static_cast<std::size_t>(csr)].share * pay.price);
    take(Source::csr, pay_tied(s, static_cast<std::size_t>(csr), module, want));
  }
  take(Source::enterprise, plan.fee_share[mi] * pay.price);
  const model::Phase* phase = cs.phase >= 0 ? &s.model->phases[static_cast<std::size_t>(cs.phase)] : nullptr;
  const bool subsidised = cs.supported && !s.providers[static_cast<std::size_t>(provider)].licensed;
  if (subsidised && phase && donor_pays(*phase, Line::delivery))
    take(Source::donor, spend_pool(s, FunderKind::donor, std::min(left, plan.subsidy_share[mi] * pay.price)));
  if (subsidised) take(Source::ilo, spend_pool(s, FunderKind::ilo, std::min(left, plan.ilo_share * pay.price)));
  pay.shortfall = left;
  s.firms.fees_paid_usd[static_cast<std::size_t>(firm)] += static_cast<float>(pay.by_source[static_cast<int>(Source::enterprise)]);

  Series& out = s.series;
  double revenue = 0;
  for (int src = 0; src < model::kSources; ++src) {
    out.at(Metric::revenue_usd, s.step, c, src) += pay.by_source[src];
    revenue += pay.by_source[src];
  }
  out.at(Metric::delivery_cost_usd, s.step, c) += pay.price;
  out.at(Metric::delivery_shortfall_usd, s.step, c) += pay.shortfall;
  out.at(Metric::donor_spend_usd, s.step, c) += pay.by_source[static_cast<int>(Source::donor)];
  Provider& p = s.providers[static_cast<std::size_t>(provider)];
  p.month_revenue += revenue;
  p.month_own_revenue += revenue - pay.by_source[static_cast<int>(Source::donor)] - pay.by_source[static_cast<int>(Source::ilo)];
  p.month_cost += pay.price / (1.0 + s.model->behaviour.provider_markup);
  return pay;
}

double programme_funds_left(const State& s, int country, Line line) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (!cs.supported || cs.phase < 0) return 0;
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  return (donor_pays(phase, line) ? budget_left(s, FunderKind::donor) : 0.0) + budget_left(s, FunderKind::ilo);
}

double pay_programme(State& s, int country, Line line, double amount) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (!cs.supported || cs.phase < 0 || amount <= 0) return 0;
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  const double donor = donor_pays(phase, line) ? spend_pool(s, FunderKind::donor, amount) : 0.0;
  const double ilo = spend_pool(s, FunderKind::ilo, amount - donor);
  s.series.at(Metric::programme_cost_usd, s.step, country) += donor + ilo;
  s.series.at(Metric::donor_spend_usd, s.step, country) += donor;
  return donor + ilo;
}

}  // namespace score::sim
