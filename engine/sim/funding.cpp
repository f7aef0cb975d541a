#include "sim/funding.hpp"

#include <algorithm>

#include "core/rng.hpp"

namespace score::sim {
using model::FunderKind;
using model::Source;

namespace {

// Share of a phase budget the spending plan allows by the end of `step`.
double paced_fraction(model::Pacing pacing, const model::Phase& phase, int step) {
  const double n = phase.last_step - phase.first_step + 1;
  const double x = std::clamp((step - phase.first_step + 1) / n, 0.0, 1.0);
  switch (pacing) {
    case model::Pacing::even:
      return x;
    case model::Pacing::front_loaded:
      return x * (2.0 - x);  // twice the even pace at first, none at the end
    case model::Pacing::none:
      return 1.0;
  }
  return 1.0;
}

double phase_budget(const State& s, std::size_t j, int p) {
  return s.model->funders[j].budget_usd[static_cast<std::size_t>(p)] + s.funders[j].carried_in;
}

void spend(State& s, std::size_t j, int country, double amount) {
  s.funders[j].spent_phase += amount;
  s.funders[j].spent_total += amount;
  s.series.at(Metric::funds_spent_usd, s.step, country, static_cast<int>(s.model->funders[j].kind)) += amount;
}

// Spends up to `amount` from all funders of a kind, pro rata to what each
// has left, so no budget is ever overspent.
double spend_pool(State& s, FunderKind kind, int country, double amount) {
  const double left = budget_left(s, kind);
  if (left <= 0 || amount <= 0) return 0;
  const double paid = std::min(amount, left);
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    if (s.model->funders[j].kind != kind) continue;
    spend(s, j, country, std::min(funder_left(s, j), paid * funder_left(s, j) / left));
  }
  return paid;
}

bool donor_pays(const model::Phase& phase, Line line) {
  switch (line) {
    case Line::delivery:
      return phase.donor_pays_delivery;
    case Line::trainers:
      return phase.donor_pays_trainers;
    case Line::marketing:
      return phase.donor_pays_marketing;
    case Line::staff:
      return phase.donor_pays_staff;
    case Line::overhead:
      return phase.donor_pays_overhead;
  }
  return false;
}

// Whether a budgeted funder j pays for this firm's module: tied to the
// firm's country (government) or its supply chain (csr), and covering it.
bool funder_covers(const State& s, std::size_t j, int firm, int module, int phase) {
  const model::Funder& f = s.model->funders[j];
  const auto u = static_cast<std::size_t>(firm);
  if (!f.pays_module(phase, module)) return false;
  switch (model::source_info(f.kind).tie) {
    case model::Tie::country:
      return f.country == s.firms.country[u];
    case model::Tie::supply_chain:
      return s.firms.csr[u] == static_cast<int>(j);
    default:
      return false;
  }
}

// The planned share of a source for this delivery and, for budgeted
// third parties, the money they have for it.
struct Planned {
  double share = 0;
  double available = 0;
};

Planned third_party(const State& s, Source src, int firm, int module, double price) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  Planned out;
  if (model::source_info(src).share == model::ShareRule::plan_buyer) {
    if (buyer_partnered(s, firm)) out.share = out.available = cs.plan->buyer_share;
    return out;
  }
  const int p = s.model->phase_at(s.step);
  if (p < 0) return out;
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    if (s.model->funders[j].kind != src || !funder_covers(s, j, firm, module, p)) continue;
    const double share = s.model->funders[j].share_in(p);
    out.share += share;
    out.available += std::min(share, funder_left(s, j) / price);
  }
  return out;
}

// Programme money (donor, ILO) planned for this delivery: only at
// subsidised providers while the programme supports the country.
Planned programme_share(const State& s, Source src, int firm, int module, bool licensed) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  Planned out;
  if (!cs.supported || licensed || cs.phase < 0) return out;
  if (src == Source::donor) {
    if (!donor_pays(s.model->phases[static_cast<std::size_t>(cs.phase)], Line::delivery)) return out;
    out.share = cs.plan->subsidy_share[static_cast<std::size_t>(module)];
  } else {
    out.share = cs.plan->ilo_share;
  }
  const double price = module_price(*s.model, c, module);
  out.available = std::min(out.share, budget_left(s, src) / price);
  return out;
}

}  // namespace

double funder_left(const State& s, std::size_t j) {
  const int p = s.model->phase_at(s.step);
  if (p < 0 || !s.funders[j].pledge_holds) return 0;
  const model::Funder& f = s.model->funders[j];
  const double budget = phase_budget(s, j, p);
  const double allowed =
      budget * paced_fraction(f.pacing, s.model->phases[static_cast<std::size_t>(p)], s.step);
  return std::max(0.0, allowed - s.funders[j].spent_phase);
}

bool buyer_partnered(const State& s, int firm) {
  const int b = s.firms.buyer[static_cast<std::size_t>(firm)];
  if (b < 0) return false;
  const CountryState& cs = s.countries[s.firms.country[static_cast<std::size_t>(firm)]];
  return b - cs.first_buyer < cs.buyers_partnered;
}

bool pushed_by_partner(const State& s, int firm) {
  const int csr = s.firms.csr[static_cast<std::size_t>(firm)];
  return buyer_partnered(s, firm) || (csr >= 0 && funder_left(s, static_cast<std::size_t>(csr)) > 0);
}

double budget_left(const State& s, FunderKind kind) {
  double left = 0;
  for (std::size_t j = 0; j < s.funders.size(); ++j)
    if (s.model->funders[j].kind == kind) left += funder_left(s, j);
  return left;
}

double module_price(const model::Description& m, int country, int module) {
  const model::Module& mod = m.modules[static_cast<std::size_t>(module)];
  const double direct =
      mod.trainer_days_per_firm * m.countries[static_cast<std::size_t>(country)].trainer_day_usd +
      mod.materials_usd_per_firm;
  return direct * (1.0 + m.behaviour.provider_markup);
}

Quote quote_delivery(const State& s, int firm, int module, bool licensed) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  Quote q;
  if (!cs.plan) return q;
  q.price = module_price(*s.model, c, module);
  // Shares as fractions of the price. Programme money stops where the firm
  // would pay less than the plan's fee share.
  double paid = 0, unfunded = 0;
  const double programme_room = 1.0 - cs.plan->fee_share[static_cast<std::size_t>(module)];
  for (const Source src : model::payment_order()) {
    const model::SourceInfo& row = model::source_info(src);
    if (row.share == model::ShareRule::rest) break;
    const Planned plan = row.programme_money ? programme_share(s, src, firm, module, licensed)
                                             : third_party(s, src, firm, module, q.price);
    const double room = std::max(0.0, (row.programme_money ? programme_room : 1.0) - paid);
    const double pays = std::min(plan.available, room);
    unfunded += std::min(plan.share, room) - pays;
    q.by_source[static_cast<std::size_t>(src)] = pays * q.price;
    paid += pays;
  }
  q.unfunded = unfunded * q.price;
  const model::Unfunded rule = cs.phase >= 0 ? s.model->phases[static_cast<std::size_t>(cs.phase)].unfunded
                                             : model::Unfunded::priced_up;
  q.rationed = rule == model::Unfunded::rationed && q.unfunded > 1e-9;
  q.unpaid = rule == model::Unfunded::absorbed ? q.unfunded : 0.0;
  q.by_source[static_cast<int>(Source::enterprise)] = std::max(0.0, q.price * (1.0 - paid) - q.unpaid);
  return q;
}

double expected_fee(const State& s, int firm, int module) {
  return quote_delivery(s, firm, module, false).fee();
}

namespace {

// Spends a third party's payment from its funders in table order.
void spend_third_party(State& s, Source src, int firm, int module, double amount) {
  const int p = s.model->phase_at(s.step);
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const double price = module_price(*s.model, c, module);
  for (std::size_t j = 0; j < s.funders.size() && amount > 0; ++j) {
    if (s.model->funders[j].kind != src || !funder_covers(s, j, firm, module, p)) continue;
    const double part = std::min({amount, s.model->funders[j].share_in(p) * price, funder_left(s, j)});
    spend(s, j, c, part);
    amount -= part;
  }
}

void book(State& s, const Quote& q, int c, int provider) {
  Series& out = s.series;
  double revenue = 0, programme = 0;
  for (int src = 0; src < model::kSources; ++src) {
    out.at(Metric::revenue_usd, s.step, c, src) += q.by_source[static_cast<std::size_t>(src)];
    revenue += q.by_source[static_cast<std::size_t>(src)];
    if (model::kSourceTable[static_cast<std::size_t>(src)].programme_money)
      programme += q.by_source[static_cast<std::size_t>(src)];
  }
  out.at(Metric::delivery_cost_usd, s.step, c) += q.price;
  out.at(Metric::delivery_shortfall_usd, s.step, c) += q.unpaid;
  out.at(Metric::donor_spend_usd, s.step, c) += q.by_source[static_cast<int>(Source::donor)];
  Provider& p = s.providers[static_cast<std::size_t>(provider)];
  p.month_revenue += revenue;
  p.month_own_revenue += revenue - programme;
  p.month_cost += q.price / (1.0 + s.model->behaviour.provider_markup);
}

}  // namespace

Quote pay_delivery(State& s, int firm, int provider, int module) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const Quote q = quote_delivery(s, firm, module, s.providers[static_cast<std::size_t>(provider)].licensed);
  for (const Source src : model::payment_order()) {
    const double amount = q.by_source[static_cast<std::size_t>(src)];
    if (amount <= 0 || !model::source_info(src).funder_kind) continue;
    if (model::source_info(src).programme_money)
      spend_pool(s, src, c, amount);
    else
      spend_third_party(s, src, firm, module, amount);
  }
  s.firms.fees_paid_usd[static_cast<std::size_t>(firm)] += static_cast<float>(q.fee());
  book(s, q, c, provider);
  return q;
}

double programme_funds_left(const State& s, int country, Line line) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (!cs.supported || cs.phase < 0) return 0;
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  return (donor_pays(phase, line) ? budget_left(s, FunderKind::donor) : 0.0) +
         budget_left(s, FunderKind::ilo);
}

double pay_programme(State& s, int country, Line line, double amount) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (!cs.supported || cs.phase < 0 || amount <= 0) return 0;
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  const double donor = donor_pays(phase, line) ? spend_pool(s, FunderKind::donor, country, amount) : 0.0;
  const double ilo = spend_pool(s, FunderKind::ilo, country, amount - donor);
  s.series.at(Metric::programme_cost_usd, s.step, country) += donor + ilo;
  s.series.at(Metric::donor_spend_usd, s.step, country) += donor;
  return donor + ilo;
}

namespace {

// Records a funder's budget line (budget or lapse) in the series: under its
// country if it is tied to one, else shared equally by the phase's countries.
void record_funds(State& s, std::size_t j, int phase, Metric metric, double amount) {
  const model::Funder& f = s.model->funders[j];
  const int k = static_cast<int>(f.kind);
  if (f.country >= 0) {
    s.series.at(metric, s.step, f.country, k) += amount;
    return;
  }
  const auto& plans = s.model->phases[static_cast<std::size_t>(phase)].plans;
  const auto n = std::count_if(plans.begin(), plans.end(), [](const model::Plan& p) { return p.active; });
  if (n == 0) return;  // a phase without countries has no budgets to spend
  for (std::size_t c = 0; c < plans.size(); ++c)
    if (plans[c].active)
      s.series.at(metric, s.step, static_cast<int>(c), k) += amount / static_cast<double>(n);
}

}  // namespace

void open_budgets(State& s, int phase) {
  const model::Description& m = *s.model;
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    FunderState& fs = s.funders[j];
    Rng rng(m.seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(j),
            Purpose::funder);
    fs.spent_phase = 0;
    fs.carried_in = fs.carry_out;
    fs.carry_out = 0;
    fs.pledge_holds = rng.bernoulli(m.funders[j].reliability);
    const double budget = m.funders[j].budget_usd[static_cast<std::size_t>(phase)];
    fs.budget_total += budget;
    record_funds(s, j, phase, Metric::funds_budget_usd, budget);
  }
}

void close_budgets(State& s, int phase) {
  for (std::size_t j = 0; j < s.funders.size(); ++j) {
    FunderState& fs = s.funders[j];
    const double unspent = std::max(0.0, phase_budget(s, j, phase) - fs.spent_phase);
    if (s.model->funders[j].unspent == model::Unspent::carry_over) {
      fs.carry_out = unspent;
      record_funds(s, j, phase, Metric::funds_carried_usd, unspent);
    } else {
      fs.lapsed_total += unspent;
      record_funds(s, j, phase, Metric::funds_lapsed_usd, unspent);
    }
  }
}

}  // namespace score::sim
