#include "sim/funding.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "sim/provider_pricing.hpp"
#include "sim/streams.hpp"

namespace score::sim {
using model::FunderKind;
using model::Payer;

static_assert(static_cast<int>(Line::overhead) + 1 == kLines, "FundingMonth's lists cover every line");

namespace {

// The months a funder pays in within a phase (inclusive steps; empty when
// last < first).
struct Window {
  int first, last;
};

Window funding_window(const model::Funder& f, const model::Phase& phase) {
  return {f.first_step < 0 ? phase.first_step : std::max(phase.first_step, f.first_step),
          f.last_step < 0 ? phase.last_step : std::min(phase.last_step, f.last_step)};
}

// Share of a phase budget the spending plan allows by the end of `step`,
// over the months the funder pays in.
double paced_fraction(model::Pacing pacing, Window w, int step) {
  if (w.last < w.first) return 0.0;
  const double n = w.last - w.first + 1;
  const double x = std::clamp((step - w.first + 1) / n, 0.0, 1.0);
  switch (pacing) {
    case model::Pacing::even:
      return x;
    case model::Pacing::front_loaded:
      return x * (2.0 - x);  // twice the even pace at first, none at the end
    case model::Pacing::none:
    case model::Pacing::schedule:
      return 1.0;
  }
  return 1.0;
}

double phase_budget(const State& s, std::size_t j, int p) {
  return s.model->funders[j].budget[static_cast<std::size_t>(p)] + s.funders[j].carried_in;
}

// What funder j may have spent by the end of this month in phase p, in its
// own currency. Money carried in is free to spend at once.
double allowed(const State& s, std::size_t j, int p) {
  const model::Funder& f = s.model->funders[j];
  const double budget = f.budget[static_cast<std::size_t>(p)];
  const double carried = s.funders[j].carried_in;
  if (f.pacing == model::Pacing::schedule && !f.scheduled.empty())
    return std::min(budget, f.scheduled[static_cast<std::size_t>(s.step)]) + carried;
  const Window w = funding_window(f, s.model->phases[static_cast<std::size_t>(p)]);
  return (budget + carried) * paced_fraction(f.pacing, w, s.step);
}

// The revenue source (series layer) a funder's money is booked under.
int source_of(const model::Funder& f) { return static_cast<int>(model::payer_info(f.kind).source); }

// The ledger is kept in the funder's currency; payments are in USD at the
// month's rate.
void spend(State& s, std::size_t j, int country, double usd) {
  const double own = usd / s.model->usd_per_unit(s.model->funders[j], s.step);
  s.funders[j].spent_phase += own;
  s.funders[j].spent_total += own;
  s.series.at(Metric::funds_spent_usd, s.step, country, source_of(s.model->funders[j])) += usd;
}

// Whether programme funder j's money may pay a line in a country
// (its earmarks).
bool earmarked(const model::Funder& f, FunderKind kind, int country, Line line) {
  return f.kind == kind && f.funds_country(country) && f.lines[static_cast<std::size_t>(line)];
}

inline const FundingMonth& month_table(const State& s);

// Spends up to `amount` from the funders of a kind whose earmarks allow the
// line in the country, pro rata to what each has left, so no budget is
// ever overspent.
double spend_pool(State& s, FunderKind kind, int country, Line line, double amount) {
  const double left = budget_left(s, kind, country, line);
  if (left <= 0 || amount <= 0) return 0;
  const double paid = std::min(amount, left);
  for (const std::uint32_t j : month_table(s).earmarked_for(kind, country, static_cast<int>(line)))
    spend(s, j, country, std::min(funder_left(s, j), paid * funder_left(s, j) / left));
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

// Whether funder j plans its share now: in a phase, within its months, with
// a pledge that held and a budget (or money carried in) in this phase. A
// funder that does not plan is absent, so only money that a planning funder
// has spent (or not yet released) leaves a seat unfunded; otherwise
// `rationed` would refuse seats that no funder was ever going to pay for.
// Worked out when the month begins (plan_funding_month): it is the one
// check of whether a funder takes part, and the rules read its result from
// the month's table.
bool plans_now(const State& s, std::size_t j, int phase) {
  const model::Funder& f = s.model->funders[j];
  if (phase < 0 || !s.funders[j].pledge_holds || !f.active_at(s.step)) return false;
  const auto u = static_cast<std::size_t>(phase);
  return (u < f.budget.size() ? f.budget[u] : 0.0) + s.funders[j].carried_in > 0;
}

// This month's table. The rules read nothing else, so a caller outside the
// monthly step (a test that moves the month or changes a funder) fills it
// again with plan_funding_month first.
[[noreturn, gnu::noinline, gnu::cold]] void stale_table(const State& s) {
  throw std::logic_error("funding rules read in month " + std::to_string(s.step) +
                         " but the funding table is of month " + std::to_string(s.funding_month.step) +
                         ": call plan_funding_month first");
}

inline const FundingMonth& month_table(const State& s) {
  if (s.funding_month.step != s.step) [[unlikely]]
    stale_table(s);
  return s.funding_month;
}

bool funder_plans(const State& s, std::size_t j) { return month_table(s).plans[j] != 0; }

// Whether some programme funder of a kind plans delivery money in a country.
bool pool_plans(const State& s, FunderKind kind, int country) {
  return month_table(s).pool_plans(kind, country);
}

// Whether a budgeted funder j pays for this firm's module: planning now,
// tied to the firm's country or its supply chain (the table's tie: a CSR
// foundation's own chain, a buyer's signed lead buyers), and covering it.
bool funder_covers(const State& s, std::size_t j, int firm, int module, int phase) {
  const model::Funder& f = s.model->funders[j];
  const auto u = static_cast<std::size_t>(firm);
  if (!funder_plans(s, j) || !f.pays_module(phase, module)) return false;
  switch (model::payer_info(f.kind).tie) {
    case model::Tie::country:
      return f.country == s.firms.country[u];
    case model::Tie::supply_chain:
      return f.kind == FunderKind::buyer ? buyer_funder(s, firm) == static_cast<int>(j)
                                         : s.firms.csr[u] == static_cast<int>(j);
    default:
      return false;
  }
}

// The planned share of a payer for this delivery and, for budgeted
// third parties, the money they have for it.
struct Planned {
  double share = 0;
  double available = 0;
  double plan = 0;  // part of `share` the plan gives without a budget (partner buyers)
};

// Funder j's share of the price for this firm, by its kind's share rule:
// its own share of the price, or (a levy fund) its share of the fee left
// (`rest` of the price) for a firm large enough to pay the levy.
double funder_share(const State& s, std::size_t j, int firm, int phase, double rest) {
  const model::Funder& f = s.model->funders[j];
  if (model::payer_info(f.kind).share != model::ShareRule::levy_fee_share) return f.share_in(phase);
  const bool contributes = s.firms.employees[static_cast<std::size_t>(firm)] >= f.min_employees;
  return contributes ? f.share_in(phase) * rest : 0.0;
}

// The plan's buyer share for a firm of a plan partner buyer (no budget).
double plan_buyer_share(const State& s, Payer src, int firm) {
  if (model::payer_info(src).share != model::ShareRule::plan_buyer || !buyer_partnered(s, firm)) return 0;
  return s.countries[static_cast<std::size_t>(s.firms.country[static_cast<std::size_t>(firm)])]
      .plan->buyer_share;
}

// `rest`: the share of the price not yet paid by earlier payers. Buyers:
// the plan's partners first, then the buyer funder that signed the firm's
// buyer.
Planned third_party(const State& s, Payer src, int firm, int module, double price, double rest) {
  Planned out;
  out.share = out.available = out.plan = plan_buyer_share(s, src, firm);
  const int p = month_table(s).phase;
  if (p < 0) return out;
  for (const std::uint32_t j : month_table(s).planning(src)) {
    if (!funder_covers(s, j, firm, module, p)) continue;
    const double share = funder_share(s, j, firm, p, rest);
    out.share += share;
    out.available += std::min(share, funder_left(s, j) / price);
  }
  return out;
}

// Programme money (donor, ILO) planned for this delivery: only at
// subsidised providers while the programme supports the country.
Planned programme_share(const State& s, Payer src, int firm, int module, bool licensed, double price) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  Planned out;
  if (!cs.supported || licensed || cs.phase < 0 || !pool_plans(s, src, c)) return out;
  if (model::payer_info(src).share == model::ShareRule::plan_subsidy) {
    if (!donor_pays(s.model->phases[static_cast<std::size_t>(cs.phase)], Line::delivery)) return out;
    out.share = cs.plan->subsidy_share[static_cast<std::size_t>(module)];
  } else {
    out.share = cs.plan->ilo_share;
  }
  out.available = std::min(out.share, budget_left(s, src, c, Line::delivery) / price);
  return out;
}

}  // namespace

// A funder that does not plan has nothing left: without a budget or money
// carried in, what it may have spent is never above 0.
double funder_left(const State& s, std::size_t j) {
  const FundingMonth& t = month_table(s);
  if (!t.plans[j]) return 0;
  return std::max(0.0, t.allowed[j] - s.funders[j].spent_phase) * t.usd_per_unit[j];
}

void plan_funding_month(State& s) {
  FundingMonth& t = s.funding_month;
  const std::size_t n = s.funders.size();
  const int p = s.model->phase_at(s.step);
  t.plans.assign(n, 0);
  t.allowed.assign(n, 0.0);
  t.usd_per_unit.assign(n, 1.0);
  t.pools.assign(s.countries.size() * model::kPayers, 0);
  for (std::size_t j = 0; j < n; ++j) {
    const model::Funder& f = s.model->funders[j];
    t.plans[j] = plans_now(s, j, p) ? 1 : 0;
    if (!t.plans[j]) continue;
    t.allowed[j] = allowed(s, j, p);
    t.usd_per_unit[j] = s.model->usd_per_unit(f, s.step);
    for (int c = 0; c < static_cast<int>(s.countries.size()); ++c)
      if (earmarked(f, f.kind, c, Line::delivery))
        t.pools[static_cast<std::size_t>(c) * model::kPayers + static_cast<std::size_t>(f.kind)] = 1;
  }
  // Who takes part, by kind and by earmark, in funder order: the rules
  // walk these instead of every funder.
  t.by_kind.clear();
  t.kind_start.assign(1, 0);
  for (int k = 0; k < model::kPayers; ++k) {
    for (std::size_t j = 0; j < n; ++j)
      if (t.plans[j] && static_cast<int>(s.model->funders[j].kind) == k)
        t.by_kind.push_back(static_cast<std::uint32_t>(j));
    t.kind_start.push_back(static_cast<std::uint32_t>(t.by_kind.size()));
  }
  t.earmarked.clear();
  t.earmarked_start.assign(1, 0);
  for (int c = 0; c < static_cast<int>(s.countries.size()); ++c)
    for (int line = 0; line < kLines; ++line)
      for (int k = 0; k < model::kPayers; ++k) {
        const auto kind = static_cast<FunderKind>(k);
        for (const std::uint32_t j : t.planning(kind))
          if (earmarked(s.model->funders[j], kind, c, static_cast<Line>(line))) t.earmarked.push_back(j);
        t.earmarked_start.push_back(static_cast<std::uint32_t>(t.earmarked.size()));
      }
  t.step = s.step;
  t.phase = p;
}

bool buyer_partnered(const State& s, int firm) {
  const int b = s.firms.buyer[static_cast<std::size_t>(firm)];
  if (b < 0) return false;
  const CountryState& cs = s.countries[s.firms.country[static_cast<std::size_t>(firm)]];
  return b - cs.first_buyer < cs.buyers_partnered;
}

BuyerSpan signed_buyers(const State& s, std::size_t j, int country) {
  return s.buyer_spans->span(j, country);
}

int buyer_funder(const State& s, int firm) {
  const int b = s.firms.buyer[static_cast<std::size_t>(firm)];
  if (b < 0) return -1;
  // A firm's buyer is in the firm's country, and spans never overlap: the
  // one funder that signed it, if any, is the only candidate. It takes part
  // by the rule of every funder (funder_plans): money carried in counts, a
  // failed pledge leaves it absent.
  const int j = s.buyer_spans->signed_by(b);
  return j >= 0 && funder_plans(s, static_cast<std::size_t>(j)) ? j : -1;
}

bool buyer_pushes(const State& s, int firm) {
  // A plan partner pushes while the plan in force has its partners pay, as a
  // buyer funder does while it has money: a later plan without a buyer share
  // (Phase V's options, which budget their buyers) ends the push.
  if (plan_buyer_share(s, model::Payer::buyer, firm) > 0) return true;
  const int j = buyer_funder(s, firm);
  return j >= 0 && funder_left(s, static_cast<std::size_t>(j)) > 0;
}

bool pushed_by_partner(const State& s, int firm) {
  const int csr = s.firms.csr[static_cast<std::size_t>(firm)];
  return buyer_pushes(s, firm) || (csr >= 0 && funder_left(s, static_cast<std::size_t>(csr)) > 0);
}

// Funders that do not take part have nothing left, so the month's lists of
// those that do give the same sum.
double budget_left(const State& s, FunderKind kind, int country, Line line) {
  double left = 0;
  for (const std::uint32_t j : month_table(s).earmarked_for(kind, country, static_cast<int>(line)))
    left += funder_left(s, j);
  return left;
}

double direct_cost(const model::Description& m, int country, int module) {
  const model::Module& mod = m.modules[static_cast<std::size_t>(module)];
  return mod.trainer_days_per_firm * m.countries[static_cast<std::size_t>(country)].trainer_day_usd +
         mod.materials_usd_per_firm;
}

double module_price(const model::Description& m, int country, int module) {
  return direct_cost(m, country, module) * (1.0 + m.behaviour.provider_markup);
}

Quote quote_delivery(const State& s, int firm, int module, bool licensed) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
  Quote q;
  if (!cs.plan) return q;
  q.fixed_cost = fixed_cost_in_price(s, c, module);
  q.price = module_price(*s.model, c, module) + q.fixed_cost;
  // Shares as fractions of the price. Programme money stops where the firm
  // would pay less than the plan's fee share.
  double paid = 0, unfunded = 0;
  const double programme_room = 1.0 - cs.plan->fee_share[static_cast<std::size_t>(module)];
  for (const Payer src : model::payment_order()) {
    if (model::payer_info(src).share == model::ShareRule::rest) break;
    const bool programme = model::programme_money(src);
    q.rest[static_cast<std::size_t>(src)] = 1.0 - paid;
    const Planned plan = programme ? programme_share(s, src, firm, module, licensed, q.price)
                                   : third_party(s, src, firm, module, q.price, 1.0 - paid);
    q.plan_share[static_cast<std::size_t>(src)] = plan.plan;
    const double room = std::max(0.0, (programme ? programme_room : 1.0) - paid);
    const double pays = std::min(plan.available, room);
    unfunded += std::min(plan.share, room) - pays;
    q.by_payer[static_cast<std::size_t>(src)] = pays * q.price;
    paid += pays;
  }
  q.unfunded = unfunded * q.price;
  const model::Unfunded rule = cs.phase >= 0 ? s.model->phases[static_cast<std::size_t>(cs.phase)].unfunded
                                             : model::Unfunded::priced_up;
  q.rationed = rule == model::Unfunded::rationed && q.unfunded > 1e-9;
  q.unpaid = rule == model::Unfunded::absorbed ? q.unfunded : 0.0;
  q.by_payer[static_cast<int>(Payer::enterprise)] = std::max(0.0, q.price * (1.0 - paid) - q.unpaid);
  for (const model::PayerInfo& row : model::kPayerTable)
    q.by_source[static_cast<std::size_t>(row.source)] += q.by_payer[static_cast<std::size_t>(row.payer)];
  return q;
}

double expected_fee(const State& s, int firm, int module) {
  return quote_delivery(s, firm, module, false).fee();
}

namespace {

// Spends a third party's payment from its funders in table order, each
// up to its share as quoted (its `rest`: the share of the price left to it).
// The plan's part, as quoted, is paid first and spends no budget.
void spend_third_party(State& s, const Quote& q, Payer src, int firm, int module) {
  const int p = month_table(s).phase;
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  const auto k = static_cast<std::size_t>(src);
  double amount = q.by_payer[k] - std::min(q.by_payer[k], q.plan_share[k] * q.price);
  for (const std::uint32_t j : month_table(s).planning(src)) {
    if (amount <= 0) break;
    if (!funder_covers(s, j, firm, module, p)) continue;
    const double part =
        std::min({amount, funder_share(s, j, firm, p, q.rest[k]) * q.price, funder_left(s, j)});
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
  out.at(Metric::fixed_cost_priced_usd, s.step, c) += q.fixed_cost;
  out.at(Metric::donor_spend_usd, s.step, c) += q.by_source[static_cast<int>(model::Source::donor)];
  Provider& p = s.providers[static_cast<std::size_t>(provider)];
  p.month_revenue += revenue;
  p.month_own_revenue += revenue - programme;
  p.month_cost += (q.price - q.fixed_cost) / (1.0 + s.model->behaviour.provider_markup);
}

}  // namespace

Quote pay_delivery(State& s, int firm, int provider, int module) {
  const Quote q = quote_delivery(s, firm, module, s.providers[static_cast<std::size_t>(provider)].licensed);
  pay_quote(s, firm, provider, module, q);
  return q;
}

void pay_quote(State& s, int firm, int provider, int module, const Quote& q) {
  const int c = s.firms.country[static_cast<std::size_t>(firm)];
  for (const Payer src : model::payment_order()) {
    const double amount = q.by_payer[static_cast<std::size_t>(src)];
    if (amount <= 0 || !model::payer_info(src).funder_kind) continue;
    if (model::programme_money(src))
      spend_pool(s, src, c, Line::delivery, amount);
    else
      spend_third_party(s, q, src, firm, module);
  }
  s.firms.fees_paid_usd[static_cast<std::size_t>(firm)] += static_cast<float>(q.fee());
  book(s, q, c, provider);
}

namespace {

// Whether a payer's money pays a programme cost line: programme money, in
// the table's payment order; the subsidy's payer only where the phase's
// donor_pays lets it.
bool pays_line(const model::Phase& phase, Payer p, Line line) {
  const model::PayerInfo& row = model::payer_info(p);
  return row.funder_kind && model::programme_money(p) &&
         (row.share != model::ShareRule::plan_subsidy || donor_pays(phase, line));
}

}  // namespace

double programme_funds_left(const State& s, int country, Line line) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (!cs.supported || cs.phase < 0) return 0;
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  double left = 0;
  for (const Payer p : model::payment_order())
    if (pays_line(phase, p, line)) left += budget_left(s, p, country, line);
  return left;
}

double pay_programme(State& s, int country, Line line, double amount) {
  const CountryState& cs = s.countries[static_cast<std::size_t>(country)];
  if (!cs.supported || cs.phase < 0 || amount <= 0) return 0;
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(cs.phase)];
  double paid = 0, donor = 0;
  for (const Payer p : model::payment_order()) {
    if (!pays_line(phase, p, line)) continue;
    const double part = spend_pool(s, p, country, line, amount - paid);
    paid += part;
    if (model::payer_info(p).source == model::Source::donor) donor += part;
  }
  s.series.at(Metric::programme_cost_usd, s.step, country) += paid;
  s.series.at(Metric::donor_spend_usd, s.step, country) += donor;
  return paid;
}

namespace {

// Records a funder's budget line (budget or lapse, own currency) in the
// series in USD at this month's rate: under its country if it is tied to
// one, else shared equally by the phase's countries it may fund.
void record_funds(State& s, std::size_t j, int phase, Metric metric, double amount) {
  const model::Funder& f = s.model->funders[j];
  const int k = source_of(f);
  const double usd = amount * s.model->usd_per_unit(f, s.step);
  if (f.country >= 0) {
    s.series.at(metric, s.step, f.country, k) += usd;
    return;
  }
  const auto& plans = s.model->phases[static_cast<std::size_t>(phase)].plans;
  const auto funded = [&](std::size_t c) { return plans[c].active && f.funds_country(static_cast<int>(c)); };
  std::size_t n = 0;
  for (std::size_t c = 0; c < plans.size(); ++c) n += funded(c) ? 1 : 0;
  if (n == 0) return;  // a phase without countries has no budgets to spend
  for (std::size_t c = 0; c < plans.size(); ++c)
    if (funded(c)) s.series.at(metric, s.step, static_cast<int>(c), k) += usd / static_cast<double>(n);
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
    const double budget = m.funders[j].budget[static_cast<std::size_t>(phase)];
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
