#pragma once
// The frozen description of one run: everything the simulation reads and
// nothing it writes. The scenario layer builds it; the simulation keeps it
// const. Plain data, no I/O formats, no validation (the scenario layer has
// already validated), so a test can build one by hand.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.hpp"

namespace score::model {

constexpr int kModules = 5;
constexpr int kSources = 6;
constexpr int kProviderTypes = 5;
constexpr int kIndicators = 6;

// Revenue sources: who a delivery's money is booked under. Order is the
// output order of `revenue_usd`; the order of payment is in kPayerTable.
enum class Source : int { donor, ilo, government, buyer, csr, enterprise };
// The kinds of organisation that deliver SCORE.
enum class ProviderType : int {
  government,
  employer_org,
  industry_association,
  private_firm,
  csr_foundation
};
// Baseline indicators a module can improve (relative changes).
enum class Indicator : int { productivity, defect_rate, accident_rate, absenteeism, energy_per_unit, waste };

const std::array<const char*, kSources>& source_names();

// One row per revenue source: whether its money is the programme's own
// (ILO or donor money, which cost recovery leaves out).
struct SourceInfo {
  Source source;
  bool programme_money;
};
inline constexpr std::array<SourceInfo, kSources> kSourceTable{{
    {Source::donor, true},
    {Source::ilo, true},
    {Source::government, false},
    {Source::buyer, false},
    {Source::csr, false},
    {Source::enterprise, false},
}};
constexpr bool rows_in_source_order() {
  for (int i = 0; i < kSources; ++i)
    if (static_cast<int>(kSourceTable[static_cast<std::size_t>(i)].source) != i) return false;
  return true;
}
static_assert(rows_in_source_order(), "kSourceTable rows must follow the Source enum");

// Who pays for a delivery. A funder kind in [funders] is a payer with
// `funder_kind` set.
constexpr int kPayers = 7;
enum class Payer : int { donor, ilo, government, buyer, csr, enterprise, levy };
using FunderKind = Payer;

// What a payer is tied to: every firm of a supported country, the firms of
// one country, or a firm's own buyer or supply chain.
enum class Tie { programme, country, supply_chain, firm };
// How a payer's share of the price is set: by the phase's plan
// (subsidy_share, ilo_share), by a buyer's partnerships (the plan's
// buyer_share for the plan's partner buyers, no budget; and a named buyer
// funder's own `share` for the suppliers of the lead buyers it signs), by
// the funder's own `share` of
// the price, by a levy fund's `share` of the fee left to a firm that pays
// the levy (`min_employees` or more), or as what is left.
enum class ShareRule { plan_subsidy, plan_ilo, plan_buyer, funder_share, levy_fee_share, rest };

// The funder-kind table: the single place that says who pays, as which
// revenue source, tied to what, by what rule and in which order. Adding a
// kind is one row plus its share rule (sim/funding.cpp).
struct PayerInfo {
  Payer payer;
  const char* name;     // as written in scenarios (funders.<ID>.kind)
  Source source;        // the revenue its payments are booked as
  const char* revenue;  // where its money comes from
  Tie tie;
  ShareRule share;
  int pay_order;     // 0 pays first
  bool funder_kind;  // may be declared under [funders] with a budget
};
// Third parties pay first, then programme money within the plan; a levy
// fund then reimburses part of the fee left, and the enterprise pays the
// rest (sim/funding.cpp). A levy is public money raised from employers:
// booked as government revenue, so the output layout stays as it was.
inline constexpr std::array<PayerInfo, kPayers> kPayerTable{{
    {Payer::donor, "donor", Source::donor, "donor budgets (SECO, Norad, ...)", Tie::programme,
     ShareRule::plan_subsidy, 3, true},
    {Payer::ilo, "ilo", Source::ilo, "the ILO's own budget", Tie::programme, ShareRule::plan_ilo, 4, true},
    {Payer::government, "government", Source::government, "a national government's budget", Tie::country,
     ShareRule::funder_share, 0, true},
    {Payer::buyer, "buyer", Source::buyer, "a partner buyer paying for its suppliers", Tie::supply_chain,
     ShareRule::plan_buyer, 1, true},
    {Payer::csr, "csr", Source::csr, "a CSR foundation's budget", Tie::supply_chain, ShareRule::funder_share,
     2, true},
    {Payer::enterprise, "enterprise", Source::enterprise, "the enterprise's fee", Tie::firm, ShareRule::rest,
     6, false},
    {Payer::levy, "levy", Source::government,
     "a national training levy fund (a payroll levy on larger firms)", Tie::country,
     ShareRule::levy_fee_share, 5, true},
}};
constexpr bool rows_in_payer_order() {
  for (int i = 0; i < kPayers; ++i)
    if (static_cast<int>(kPayerTable[static_cast<std::size_t>(i)].payer) != i) return false;
  return true;
}
static_assert(rows_in_payer_order(), "kPayerTable rows must follow the Payer enum");
// Each place in the payment order is taken once, and what is left is paid last.
constexpr bool payment_order_complete() {
  for (int place = 0; place < kPayers; ++place) {
    int rows = 0;
    for (const PayerInfo& row : kPayerTable)
      if (row.pay_order == place) rows += (place == kPayers - 1) == (row.share == ShareRule::rest) ? 1 : 2;
    if (rows != 1) return false;
  }
  return true;
}
static_assert(payment_order_complete(), "kPayerTable: one payer per place, the rest paid last");
constexpr const PayerInfo& payer_info(Payer p) { return kPayerTable[static_cast<std::size_t>(p)]; }
// ILO or donor money, which never pays below the plan's fee share.
constexpr bool programme_money(Payer p) {
  return kSourceTable[static_cast<std::size_t>(payer_info(p).source)].programme_money;
}
// Payers in the order they pay for a delivery.
const std::array<Payer, kPayers>& payment_order();
// The funder kind named `name` ("donor", "government", ...); false if none.
bool funder_kind_from_name(const std::string& name, FunderKind& kind);
const std::array<const char*, kProviderTypes>& provider_type_names();
const std::array<const char*, kIndicators>& indicator_names();
const std::array<const char*, kModules>& module_ids();

template <class T>
using PerModule = std::array<T, kModules>;

struct Module {
  std::string id, name;
  double trainer_days_per_firm = 4.5;             // intake, share of the classroom, 3 visits
  double materials_usd_per_firm = 250;            // manuals, venue share, travel
  int duration_months = 3;                        // intake + classroom to the last follow-up
  std::array<double, kIndicators> effect_mean{};  // mean relative improvement for adopters
  double effect_probability = 0.8;                // share of adopters reporting each effect
};

struct Country {
  std::string id, name;
  std::int64_t eligible_firms = 1000;
  double employees_min = 50, employees_max = 250, employees_median = 100;
  double manufacturing_share = 0.7;
  double value_added_per_worker_usd = 600;  // per month
  double trainer_day_usd = 400;
  double training_budget_share = 0.02;  // share of monthly value added a firm can put to training
  double association_membership = 0.3;  // share of eligible firms in an association
  int associations = 10;
  double supplier_share = 0.2;  // share of firms supplying a multinational buyer
  int buyers = 10;              // multinational buyers sourcing in the country
  double peer_degree = 4;       // mean peer links per firm (clusters, word of mouth)
  int cluster_size = 50;
};

// What the programme does in one country during one phase: the planner's levers.
struct Plan {
  bool active = false;
  PerModule<double> subsidy_share{};  // most of the price donors pay
  PerModule<double> fee_share{};      // least share of the price the firm pays
  double ilo_share = 0;               // ILO-paid share of delivery cost
  double trainers_per_year = 0;       // trainees in training-of-trainers workshops
  int providers_onboarded = 0;        // new partner providers over the phase
  std::array<double, kProviderTypes> provider_mix{0.2, 0.2, 0.4, 0.2, 0.0};
  double marketing_usd_per_month = 0;
  double national_staff_usd_per_month = 0;
  int buyer_partnerships = 0;  // multinational buyers signed up by the end of the phase
  double buyer_share = 0;      // share of their suppliers' delivery cost buyers pay
  int licences = 0;            // commercial providers licensed during the phase
  double licence_fee_usd_per_year = 0;
  int exit_step = -1;   // programme support stops at this step (-1: phase end)
  int entry_step = -1;  // the plan comes into force at this step (-1: phase start)
};

// What happens to a seat whose planned funding is not there (a funder's
// money ran out): the firm pays the gap, the seat is not given, or the
// provider absorbs the gap as unpaid delivery cost.
enum class Unfunded { priced_up, rationed, absorbed };

struct Phase {
  std::string id, name, strategy;
  Unfunded unfunded = Unfunded::priced_up;
  YearMonth start, end;  // inclusive
  int first_step = 0, last_step = 0;
  double global_overhead_usd_per_month = 0;
  double tot_usd_per_trainee = 3000;  // cost of training one trainer
  bool donor_pays_delivery = true, donor_pays_trainers = true, donor_pays_marketing = true,
       donor_pays_staff = true, donor_pays_overhead = true;
  std::vector<Plan> plans;  // one per country, in country order
};

// How a funder spreads its phase budget over the months it funds in the
// phase: evenly, front-loaded, all at once, or by a yearly schedule.
enum class Pacing { even, front_loaded, none, schedule };
// The programme's cost lines a funder's money may be earmarked to, in the
// order of sim::Line (delivery is the delivery subsidy; the rest programme).
constexpr int kCostLines = 5;

// A currency budgets may be written in, with its yearly rate to the US
// dollar (USD per unit, from first_year on).
struct Currency {
  std::string id;
  int first_year = 0;
  std::vector<double> usd_per_unit;
  // The rate of a year; years outside the table take the nearest year's.
  double rate(int year) const;
};
// What happens to money unspent at a phase's end.
enum class Unspent { lapse, carry_over };

struct Funder {
  std::string id, name;
  FunderKind kind = FunderKind::donor;
  std::vector<double> budget;  // per phase, in the funder's currency; 0 = not funding in that phase
  int currency = -1;           // index into Description::currencies; -1: USD
  int country = -1;            // government, csr and levy: the country they fund
  // Months the funder pays in (inclusive steps; -1: from the start, to the end).
  int first_step = -1, last_step = -1;
  // Programme money earmarked to countries (empty: every country) and to
  // cost lines (indexed like sim::Line); a buyer's countries are those
  // where its partnerships are signed.
  std::vector<bool> countries;
  std::array<bool, kCostLines> lines{true, true, true, true, true};
  // Pacing `schedule`: per step, what the yearly plan allows by the end of
  // that month since its phase began (own currency).
  std::vector<double> scheduled;
  double share = 0;  // government and csr: share of the price paid
  std::array<bool, kModules> modules{true, true, true, true, true};
  // Per phase (empty: `share` and `modules` in every phase), so a setting
  // for one phase never leaks into another.
  std::vector<double> phase_share;
  std::vector<std::array<bool, kModules>> phase_modules;
  Pacing pacing = Pacing::even;
  Unspent unspent = Unspent::lapse;
  double reliability = 1;      // probability a pledge materialises, drawn per phase
  int suppliers = 0;           // csr: firms in its supply chain
  double min_employees = 0;    // levy: smallest firm that pays the levy and may claim
  int buyers = 0;              // buyer: lead buyers it signs in each of its `countries`
  bool plan_partners = false;  // buyer: signs the plan's partner buyers (from the first) instead

  bool active_at(int step) const {
    return (first_step < 0 || step >= first_step) && (last_step < 0 || step <= last_step);
  }
  bool funds_country(int c) const { return countries.empty() || countries[static_cast<std::size_t>(c)]; }
  // Per-phase settings with a fallback for descriptions built by hand.
  double share_in(int phase) const {
    return phase < 0 || phase_share.empty() ? share : phase_share[static_cast<std::size_t>(phase)];
  }
  bool pays_module(int phase, int module) const {
    const auto& m =
        phase < 0 || phase_modules.empty() ? modules : phase_modules[static_cast<std::size_t>(phase)];
    return m[static_cast<std::size_t>(module)];
  }
};

struct Behaviour {
  // Awareness.
  double marketing_reach_per_1000_usd = 2.0;  // firms made aware per USD 1,000 of marketing
  double association_awareness = 0.02;        // monthly, members of an association with a partner provider
  double peer_awareness = 0.01;               // monthly, per trained peer
  double buyer_awareness = 0.10;              // monthly, suppliers of a partnered buyer or csr funder
  // Enrolment.
  double enrol_rate = 0.05;           // monthly enrolment probability of a keen, able firm
  double benefit_horizon_months = 1;  // months of expected savings weighed against the fee
  double told_savings_usd = 1500;     // monthly savings the marketing promises
  double peer_weight = 0.5;           // weight of peers' observed savings in expectations
  double buyer_pressure = 2.0;        // enrolment multiplier for pushed suppliers
  double continuation = 0.5;          // probability a firm wants a further module
  double max_wait_months = 12;        // an aware firm gives up after this long without a seat
  // Delivery.
  double firms_per_classroom = 4.5;
  int participants_per_firm = 4;  // 2 managers + 2 workers
  double classrooms_per_trainer_month = 1.0;
  // Trainers.
  int supervised_months = 6;
  double certification_probability = 0.55;
  double trainer_attrition_per_month = 0.01;
  // Providers.
  double provider_overhead_usd_per_month = 500;
  double trainer_usd_per_month = 0;  // a provider's monthly pay per certified trainer
  double provider_markup = 0.0;      // price over direct cost
  // On its own books (no programme money in the country): the share of its
  // fixed costs (overhead, trainer pay) a provider spreads over its expected
  // deliveries in the price, the most the market bears over direct cost,
  // and the certified trainers it keeps by paying their training itself.
  double fixed_cost_pricing = 0;
  double max_price_over_direct = 1.0;
  int own_trainers_target = 0;
  int loss_months_to_drop = 18;
  // On its own books, 1: a run of losing months closes a provider only once
  // its reserves no longer cover its fixed costs (0: whatever its reserves).
  int reserves_keep_open = 0;
  int independence_window_months = 12;
  double independence_cost_share = 0.3;
  int independence_min_trainers = 2;
  // Outcomes.
  double adoption_probability = 0.78;
  double savings_probability = 0.65;  // adopters reporting cost savings
  double savings_max_usd_per_month = 5000;
  // Spreads of the firm population (log-normal sigmas), scenario keys so that
  // sweeps and calibration can move them.
  double employees_log_sd = 0.6;     // of firm size around employees_median
  double fee_capacity_log_sd = 0.5;  // of what a firm can pay for one training
};

// One run, frozen.
struct Description {
  std::string name;
  YearMonth start, end;
  int steps = 0;
  std::uint64_t seed = 1;
  int replications = 1;
  std::vector<Country> countries;
  std::vector<Phase> phases;
  std::array<Module, kModules> modules;
  std::vector<Funder> funders;
  std::vector<Currency> currencies;
  Behaviour behaviour;

  // Phase index of a step, or -1 between phases.
  int phase_at(int step) const;
  // USD per unit of a funder's currency in the month of `step` (1 for USD).
  double usd_per_unit(const Funder& f, int step) const;
  std::int64_t total_firms() const;
};

}  // namespace score::model
