#include "scenario/schema.hpp"

#include <deque>
#include <string>

#include "model/description.hpp"

namespace score::scenario {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The planner's levers: set for a whole phase under phases.<ID>, and for one
// country under phases.<ID>.country.<COUNTRY> (which wins).
std::vector<KeySpec> plan_levers() {
  return {
      {"subsidy_share", Type::number, 0, 1, "share", "0",
       "Share of delivery cost paid by donors (subsidy), every module."},
      {"fee_share", Type::number, 0, 1, "share", "0.2",
       "Share of delivery cost charged to the enterprise as its fee, every module."},
      {"ilo_share", Type::number, 0, 1, "share", "0",
       "Share of delivery cost paid from the ILO's own budget."},
      {"trainers_per_year", Type::number, 0, 1e5, "trainees/year", "0",
       "Trainees entering training-of-trainers workshops per year."},
      {"providers_onboarded", Type::integer, 0, 1e4, "providers", "0",
       "New partner providers signed over the phase (spread evenly)."},
      {"provider_mix.government", Type::number, 0, 1, "share", "0.2",
       "Share of new providers that are government training bodies."},
      {"provider_mix.employer_org", Type::number, 0, 1, "share", "0.2",
       "Share that are employers' organisations."},
      {"provider_mix.industry_association", Type::number, 0, 1, "share", "0.4",
       "Share that are industry associations."},
      {"provider_mix.private_firm", Type::number, 0, 1, "share", "0.2",
       "Share that are private (licensable) firms."},
      {"provider_mix.csr_foundation", Type::number, 0, 1, "share", "0",
       "Share that are CSR foundations delivering to their suppliers."},
      {"marketing_usd_per_month", Type::number, 0, 1e9, "USD/month", "0",
       "Marketing and social-marketing spend (awareness)."},
      {"national_staff_usd_per_month", Type::number, 0, 1e9, "USD/month", "0",
       "National programme staff cost (a real cost line)."},
      {"buyer_partnerships", Type::integer, 0, 1e4, "buyers", "0",
       "Multinational buyers signed up as partners by the end of the phase."},
      {"buyer_share", Type::number, 0, 1, "share", "0",
       "Share of their suppliers' delivery cost that partner buyers pay."},
      {"licences", Type::integer, 0, 1e4, "providers", "0",
       "Commercial providers licensed during the phase (they get no subsidy)."},
      {"licence_fee_usd_per_year", Type::number, 0, 1e9, "USD/year", "0",
       "Licence fee a licensed provider pays the programme."},
      {"exit", Type::month, -kInf, kInf, "YYYY-MM", "",
       "Month programme support stops in this phase (hand-over); absent: the phase end."},
      {"entry", Type::month, -kInf, kInf, "YYYY-MM", "",
       "Month programme support starts in this phase (a country joining late); absent: the phase start."},
      {"modules.*.subsidy_share", Type::number, 0, 1, "share", "",
       "Donor share for one module (M1..M5); overrides subsidy_share."},
      {"modules.*.fee_share", Type::number, 0, 1, "share", "",
       "Fee share for one module (M1..M5); overrides fee_share."},
  };
}

// The kinds a [funders] entry may have: rows of the funder-kind table.
std::vector<std::string_view> funder_kinds() {
  std::vector<std::string_view> kinds;
  for (const model::PayerInfo& row : model::kPayerTable)
    if (row.funder_kind) kinds.push_back(row.name);
  return kinds;
}

std::vector<KeySpec> fixed_keys() {
  const std::vector<std::string_view> strategies{
      "direct", "institution_building", "buyer_led", "licensing", "government_led", "market", "exit"};
  const std::vector<std::string_view> lines{"delivery", "trainers", "marketing", "staff", "overhead"};
  return {
      {"extends", Type::string, -kInf, kInf, "path", "",
       "Scenario this one inherits; its keys are overridden by this file's. Relative to this file."},
      {"scenario.name", Type::string, -kInf, kInf, "", "\"unnamed\"", "Short name, used in outputs."},
      {"scenario.description", Type::string, -kInf, kInf, "", "\"\"", "The question the scenario answers."},
      {"calendar.start", Type::month, -kInf, kInf, "YYYY-MM", "", "First simulated month."},
      {"calendar.end", Type::month, -kInf, kInf, "YYYY-MM", "",
       "Last simulated month (inclusive); at most 1,200 months after the start."},
      {"run.seed", Type::integer, 0, 9.007199254740992e15, "", "1",
       "Seed of the counter-based random numbers."},
      {"run.replications", Type::integer, 1, 10000, "runs", "1",
       "Independent replications (different random draws)."},

      {"countries.*.name", Type::string, -kInf, kInf, "", "", "Display name."},
      {"countries.*.eligible_firms", Type::integer, 1, 5e7, "firms", "",
       "Eligible SMEs modelled (the population, not only those reached)."},
      {"countries.*.employees_min", Type::number, 1, 1e5, "employees", "50", "Smallest eligible enterprise."},
      {"countries.*.employees_max", Type::number, 1, 1e5, "employees", "250", "Largest eligible enterprise."},
      {"countries.*.employees_median", Type::number, 1, 1e5, "employees", "100",
       "Median size (log-normal, truncated to the band)."},
      {"countries.*.manufacturing_share", Type::number, 0, 1, "share", "0.7",
       "Share of manufacturing firms (rest: services)."},
      {"countries.*.value_added_per_worker_usd", Type::number, 0, 1e6, "USD/month", "600",
       "Monthly value added per worker."},
      {"countries.*.trainer_day_usd", Type::number, 0, 1e5, "USD/day", "400",
       "Cost of one trainer day (fees, travel)."},
      {"countries.*.training_budget_share", Type::number, 0, 1, "share", "0.02",
       "Share of monthly value added a firm can spend on one training fee."},
      {"countries.*.association_membership", Type::number, 0, 1, "share", "0.3",
       "Share of firms belonging to an association."},
      {"countries.*.associations", Type::integer, 1, 1e5, "associations", "10",
       "Industry and employers' associations."},
      {"countries.*.supplier_share", Type::number, 0, 1, "share", "0.2",
       "Share of firms supplying a multinational buyer."},
      {"countries.*.buyers", Type::integer, 1, 1e5, "buyers", "10",
       "Multinational buyers sourcing in the country."},
      {"countries.*.peer_degree", Type::number, 0, 100, "links/firm", "4",
       "Mean peer links per firm inside its cluster (word of mouth)."},
      {"countries.*.cluster_size", Type::integer, 2, 1e6, "firms", "50", "Firms per local cluster."},

      {"modules.*.name", Type::string, -kInf, kInf, "", "", "Module name (keys M1..M5)."},
      {"modules.*.trainer_days_per_firm", Type::number, 0, 100, "days", "4.5",
       "Trainer days per firm: intake, classroom share, 3 follow-up visits."},
      {"modules.*.materials_usd_per_firm", Type::number, 0, 1e6, "USD", "250",
       "Materials, venue share and travel per firm."},
      {"modules.*.duration_months", Type::integer, 1, 24, "months", "3",
       "From intake to the last follow-up visit."},
      {"modules.*.effect_probability", Type::number, 0, 1, "share", "0.8",
       "Share of adopters that report each of the module's effects."},
      {"modules.*.effect_productivity", Type::number, 0, 1, "relative", "0",
       "Mean productivity gain of adopters reporting it."},
      {"modules.*.effect_defect_rate", Type::number, 0, 1, "relative", "0", "Mean defect-rate reduction."},
      {"modules.*.effect_accident_rate", Type::number, 0, 1, "relative", "0",
       "Mean accident-rate reduction."},
      {"modules.*.effect_absenteeism", Type::number, 0, 1, "relative", "0", "Mean absenteeism reduction."},
      {"modules.*.effect_energy_per_unit", Type::number, 0, 1, "relative", "0",
       "Mean energy-per-unit reduction."},
      {"modules.*.effect_waste", Type::number, 0, 1, "relative", "0", "Mean waste reduction."},

      {"phases.*.name", Type::string, -kInf, kInf, "", "\"\"", "Display name."},
      {"phases.*.start", Type::month, -kInf, kInf, "YYYY-MM", "", "First month of the phase."},
      {"phases.*.end", Type::month, -kInf, kInf, "YYYY-MM", "",
       "Last month (inclusive). Phases may not overlap."},
      {"phases.*.strategy", Type::string, -kInf, kInf, "", "\"institution_building\"",
       "Label of the strategy (the levers carry the behaviour).", strategies},
      {"phases.*.countries", Type::strings, -kInf, kInf, "country ids", "[]",
       "Countries where the programme is active in the phase."},
      {"phases.*.global_overhead_usd_per_month", Type::number, 0, 1e9, "USD/month", "0",
       "Global programme overhead (headquarters, technical staff)."},
      {"phases.*.tot_usd_per_trainee", Type::number, 0, 1e7, "USD", "3000",
       "Cost of training one trainer (workshop and supervised cycle)."},
      {"phases.*.unfunded_seats",
       Type::string,
       -kInf,
       kInf,
       "",
       "\"priced_up\"",
       "When a funder's money for a seat has run out: the enterprise pays the gap (priced_up), the seat is "
       "not given "
       "(rationed), or the provider absorbs it as unpaid cost (absorbed).",
       {"priced_up", "rationed", "absorbed"}},
      {"phases.*.donor_pays", Type::strings, -kInf, kInf, "cost lines",
       "[\"delivery\", \"trainers\", \"marketing\", \"staff\", \"overhead\"]",
       "Cost lines donor budgets may pay; the ILO's budget pays the rest.", lines},

      {"funders.*.name", Type::string, -kInf, kInf, "", "\"\"", "Display name."},
      {"funders.*.kind", Type::string, -kInf, kInf, "", "",
       "donor, ilo, government, buyer, csr or levy (the funder kinds of the payer table).", funder_kinds()},
      {"funders.*.budget_usd.*", Type::number, 0, 1e12, "USD", "", "Budget per phase (key: phase id)."},
      {"funders.*.pacing",
       Type::string,
       -kInf,
       kInf,
       "",
       "\"even\"",
       "Spending plan over the months a funder pays in a phase: even, front_loaded (twice the even pace at "
       "first), "
       "none (all at once) or schedule (the yearly amounts of funders.<ID>.schedule).",
       {"even", "front_loaded", "none", "schedule"}},
      {"funders.*.unspent",
       Type::string,
       -kInf,
       kInf,
       "",
       "\"lapse\"",
       "Money unspent at a phase's end: lapse, or carry_over to the funder's next phase.",
       {"lapse", "carry_over"}},
      {"funders.*.phase.*.share", Type::number, 0, 1, "share", "",
       "government, csr, levy: share in one phase (key: phase id); overrides share."},
      {"funders.*.phase.*.modules", Type::integers, 1, 5, "module numbers", "",
       "government, csr, levy: modules paid for in one phase; overrides modules."},
      {"funders.*.country", Type::string, -kInf, kInf, "country id", "\"\"",
       "government, csr, levy: the country funded."},
      {"funders.*.share", Type::number, 0, 1, "share", "0",
       "government, buyer, csr: share of delivery cost paid; levy: share of the fee left after the other "
       "funders."},
      {"funders.*.modules", Type::integers, 1, 5, "module numbers", "[1, 2, 3, 4, 5]",
       "government, buyer, csr, levy: modules paid for."},
      {"funders.*.reliability", Type::number, 0, 1, "probability", "1",
       "Probability a pledge materialises (drawn once per phase)."},
      {"funders.*.suppliers", Type::integer, 0, 1e7, "firms", "0",
       "csr: firms in the foundation's supply chain."},
      {"funders.*.min_employees", Type::number, 0, 1e6, "employees", "0",
       "levy: smallest firm that pays the levy and may claim from the fund."},
      {"funders.*.buyers", Type::integer, 1, 1e5, "buyers", "",
       "buyer: lead buyers it signs in each of its countries (their suppliers are the firms it pays for)."},
      {"funders.*.plan_partners", Type::boolean, -kInf, kInf, "", "false",
       "buyer: sign the plans' partner buyers (counted from the country's first buyer) instead of buyers of "
       "its "
       "own, to pay for them on a budget once no plan gives them a buyer_share."},
      {"funders.*.currency", Type::string, -kInf, kInf, "currency id", "\"USD\"",
       "Currency of the funder's budget: USD or one under [currencies]."},
      {"funders.*.budget.*", Type::number, 0, 1e12, "funder's currency", "",
       "Budget per phase (key: phase id) in the funder's currency."},
      {"funders.*.start", Type::month, -kInf, kInf, "YYYY-MM", "",
       "First month the funder pays; absent: from its phases' start."},
      {"funders.*.end", Type::month, -kInf, kInf, "YYYY-MM", "",
       "Last month the funder pays (inclusive); absent: to its phases' end."},
      {"funders.*.countries", Type::strings, -kInf, kInf, "country ids", "",
       "donor, ilo: countries the money is earmarked to; buyer: countries its partnerships are signed in; "
       "absent: every country."},
      {"funders.*.lines", Type::strings, -kInf, kInf, "cost lines", "",
       "donor, ilo: cost lines the money is earmarked to; absent: every line.", lines},
      {"funders.*.schedule.*", Type::number, 0, 1e12, "funder's currency", "",
       "Pacing schedule: amount planned for one calendar year (key: YYYY), spread evenly over the months the "
       "funder pays in it."},
      {"currencies.*.usd_per_unit.*", Type::number, 1e-6, 1e6, "USD/unit", "",
       "Yearly rate of a budget currency (key: YYYY); years outside the table take the nearest year's rate."},

      {"behaviour.marketing_reach_per_1000_usd", Type::number, 0, 1e6, "firms/USD 1,000", "2",
       "Firms made aware per USD 1,000 of marketing."},
      {"behaviour.association_awareness", Type::number, 0, 1, "probability/month", "0.02",
       "Members of an association with a partner provider becoming aware."},
      {"behaviour.peer_awareness", Type::number, 0, 1, "probability/month", "0.01",
       "Per trained peer, becoming aware by word of mouth."},
      {"behaviour.buyer_awareness", Type::number, 0, 1, "probability/month", "0.1",
       "Suppliers of a partner buyer or CSR funder becoming aware."},
      {"behaviour.enrol_rate", Type::number, 0, 1, "probability/month", "0.05",
       "Enrolment probability of a keen firm that can pay and finds a seat."},
      {"behaviour.benefit_horizon_months", Type::number, 0, 600, "months", "1",
       "Months of expected savings a firm weighs against the fee (SCORE promises payback 'in one month')."},
      {"behaviour.told_savings_usd", Type::number, 0, 1e7, "USD/month", "1500",
       "Monthly savings the marketing message promises."},
      {"behaviour.peer_weight", Type::number, 0, 1, "share", "0.5",
       "Weight of peers' observed savings in a firm's expectation."},
      {"behaviour.buyer_pressure", Type::number, 0, 100, "multiplier", "2",
       "Enrolment multiplier for suppliers pushed by a partner buyer."},
      {"behaviour.continuation", Type::number, 0, 1, "probability", "0.5",
       "A firm that completed a module wants a further one."},
      {"behaviour.max_wait_months", Type::number, 1, 600, "months", "12",
       "A keen firm without a seat gives up after this long."},
      {"behaviour.firms_per_classroom", Type::number, 1, 100, "firms", "4.5",
       "Enterprises per classroom (4-5)."},
      {"behaviour.participants_per_firm", Type::integer, 1, 100, "people", "4",
       "Participants a firm sends (2 managers, 2 workers)."},
      {"behaviour.classrooms_per_trainer_month", Type::number, 0, 100, "classrooms/month", "1",
       "Classrooms one certified trainer can run per month."},
      {"behaviour.supervised_months", Type::integer, 0, 120, "months", "6",
       "Training of trainers to certification (supervised cycle)."},
      {"behaviour.certification_probability", Type::number, 0, 1, "probability", "0.55",
       "Trainees who get certified."},
      {"behaviour.trainer_attrition_per_month", Type::number, 0, 1, "probability/month", "0.01",
       "Certified trainers leaving."},
      {"behaviour.provider_overhead_usd_per_month", Type::number, 0, 1e8, "USD/month", "500",
       "A provider's fixed cost of running SCORE."},
      {"behaviour.trainer_usd_per_month", Type::number, 0, 1e6, "USD/month", "0",
       "A provider's monthly pay per certified trainer (a retainer); a provider with spent reserves and a "
       "losing month lets one trainer go."},
      {"behaviour.provider_markup", Type::number, 0, 10, "share", "0",
       "Provider price over direct delivery cost."},
      {"behaviour.loss_months_to_drop", Type::integer, 1, 600, "months", "18",
       "Months of losses after which a provider drops out."},
      {"behaviour.fixed_cost_pricing", Type::number, 0, 1, "share", "0",
       "Once the programme has left its country, the share of its fixed costs (overhead, trainer pay) a "
       "provider adds to its price, spread over its expected deliveries (0: the price stays cost plus "
       "markup)."},
      {"behaviour.max_price_over_direct", Type::number, 0, 10, "share", "1",
       "What the market bears: a provider on its own books prices a module at most this share above its "
       "direct cost."},
      {"behaviour.own_trainers_target", Type::integer, 0, 100, "trainers", "0",
       "Once the programme has left its country, a provider trains its own trainers (at the "
       "training-of-trainers cost, from its reserves) to keep this many certified or in training (0: it "
       "trains none)."},
      {"behaviour.reserves_keep_open", Type::integer, 0, 1, "", "0",
       "1: once the programme has left its country, a provider stays open after loss_months_to_drop "
       "losing months while its reserves cover its fixed costs (overhead, trainer pay) and it has trainers "
       "or trainees; 0: it drops on the run of losses whatever its reserves."},
      {"behaviour.independence_window_months", Type::integer, 1, 600, "months", "12",
       "Window over which independence is judged."},
      {"behaviour.independence_cost_share", Type::number, 0, 1, "share", "0.3",
       "Share of its costs a provider must cover without ILO or donor money."},
      {"behaviour.independence_min_trainers", Type::integer, 0, 1000, "trainers", "2",
       "Certified trainers an independent provider needs."},
      {"behaviour.adoption_probability", Type::number, 0, 1, "probability", "0.78",
       "A firm completing its first module adopts the practices (and applies later modules too)."},
      {"behaviour.savings_probability", Type::number, 0, 1, "probability", "0.65",
       "An adopter reports cost savings from a module (drawn per module; savings add up)."},
      {"behaviour.savings_max_usd_per_month", Type::number, 0, 1e8, "USD/month", "5000",
       "Upper end of monthly savings (uniform draw)."},
      {"behaviour.employees_log_sd", Type::number, 0, 3, "log-sd", "0.6",
       "Spread of firm size: sigma of the log-normal around employees_median (before truncation to the "
       "band)."},
      {"behaviour.fee_capacity_log_sd", Type::number, 0, 3, "log-sd", "0.5",
       "Spread of what firms can pay for one training: sigma of the log-normal factor on size x value added "
       "x training_budget_share."},
  };
}

std::vector<KeySpec> build_keys() {
  static std::deque<std::string> paths;  // owns the generated lever paths
  std::vector<KeySpec> all = fixed_keys();
  for (const char* prefix : {"phases.*.", "phases.*.country.*."}) {
    for (KeySpec lever : plan_levers()) {
      paths.push_back(std::string(prefix) + std::string(lever.path));
      lever.path = paths.back();
      all.push_back(lever);
    }
  }
  return all;
}

}  // namespace

const std::vector<KeySpec>& schema() {
  static const std::vector<KeySpec> all = build_keys();
  return all;
}

}  // namespace score::scenario
