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

// Who pays for delivery. Order is the output order of `revenue_usd`.
enum class Source : int { donor, ilo, government, buyer, csr, enterprise };
// The kinds of organisation that deliver SCORE.
enum class ProviderType : int { government, employer_org, industry_association, private_firm, csr_foundation };
// Baseline indicators a module can improve (relative changes).
enum class Indicator : int { productivity, defect_rate, accident_rate, absenteeism, energy_per_unit, waste };

const std::array<const char*, kSources>& source_names();
const std::array<const char*, kProviderTypes>& provider_type_names();
const std::array<const char*, kIndicators>& indicator_names();
const std::array<const char*, kModules>& module_ids();

template <class T> using PerModule = std::array<T, kModules>;

struct Module {
  std::string id, name;
  double trainer_days_per_firm = 4.5;   // intake, share of the classroom, 3 visits
  double materials_usd_per_firm = 250;  // manuals, venue share, travel
  int duration_months = 3;              // intake + classroom to the last follow-up
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
  double supplier_share = 0.2;          // share of firms supplying a multinational buyer
  int buyers = 10;                      // multinational buyers sourcing in the country
  double peer_degree = 4;               // mean peer links per firm (clusters, word of mouth)
  int cluster_size = 50;
};

// What the programme does in one country during one phase: the planner's levers.
struct Plan {
  bool active = false;
  PerModule<double> subsidy_share{};  // donor-paid share of delivery cost
  PerModule<double> fee_share{};      // share of delivery cost charged to the firm
  double ilo_share = 0;               // ILO-paid share of delivery cost
  double trainers_per_year = 0;       // trainees in training-of-trainers workshops
  int providers_onboarded = 0;        // new partner providers over the phase
  std::array<double, kProviderTypes> provider_mix{0.2, 0.2, 0.4, 0.2, 0.0};
  double marketing_usd_per_month = 0;
  double national_staff_usd_per_month = 0;
  int buyer_partnerships = 0;   // multinational buyers signed up by the end of the phase
  double buyer_share = 0;       // share of their suppliers' delivery cost buyers pay
  int licences = 0;             // commercial providers licensed during the phase
  double licence_fee_usd_per_year = 0;
  int exit_step = -1;           // programme support stops at this step (-1: phase end)
};

struct Phase {
  std::string id, name, strategy;
  YearMonth start, end;       // inclusive
  int first_step = 0, last_step = 0;
  double global_overhead_usd_per_month = 0;
  double tot_usd_per_trainee = 3000;  // cost of training one trainer
  bool donor_pays_delivery = true, donor_pays_trainers = true, donor_pays_marketing = true,
       donor_pays_staff = true, donor_pays_overhead = true;
  std::vector<Plan> plans;    // one per country, in country order
};

enum class FunderKind { donor, ilo, government, csr };

struct Funder {
  std::string id, name;
  FunderKind kind = FunderKind::donor;
  std::vector<double> budget_usd;  // per phase; 0 = not funding in that phase
  int country = -1;                // government and csr: the country they fund
  double share = 0;                // government and csr: share of delivery cost paid
  std::array<bool, kModules> modules{true, true, true, true, true};
  double reliability = 1;          // probability a pledge materialises, drawn per phase
  int suppliers = 0;               // csr: firms in its supply chain
};

struct Behaviour {
  // Awareness.
  double marketing_reach_per_1000_usd = 2.0;  // firms made aware per USD 1,000 of marketing
  double association_awareness = 0.02;       // monthly, members of an association with a partner provider
  double peer_awareness = 0.01;              // monthly, per trained peer
  double buyer_awareness = 0.10;             // monthly, suppliers of a partnered buyer or csr funder
  // Enrolment.
  double enrol_rate = 0.05;            // monthly enrolment probability of a keen, able firm
  double benefit_horizon_months = 1;   // months of expected savings weighed against the fee
  double told_savings_usd = 1500;      // monthly savings the marketing promises
  double peer_weight = 0.5;            // weight of peers' observed savings in expectations
  double buyer_pressure = 2.0;         // enrolment multiplier for pushed suppliers
  double continuation = 0.5;           // probability a firm wants a further module
  double max_wait_months = 12;         // an aware firm gives up after this long without a seat
  // Delivery.
  double firms_per_classroom = 4.5;
  int participants_per_firm = 4;       // 2 managers + 2 workers
  double classrooms_per_trainer_month = 1.0;
  // Trainers.
  int supervised_months = 6;
  double certification_probability = 0.55;
  double trainer_attrition_per_month = 0.01;
  // Providers.
  double provider_overhead_usd_per_month = 500;
  double provider_markup = 0.0;   // price over direct cost
  int loss_months_to_drop = 18;
  int independence_window_months = 12;
  double independence_cost_share = 0.3;
  int independence_min_trainers = 2;
  // Outcomes.
  double adoption_probability = 0.78;
  double savings_probability = 0.65;     // adopters reporting cost savings
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
  Behaviour behaviour;

  // Phase index of a step, or -1 between phases.
  int phase_at(int step) const;
  std::int64_t total_firms() const;
};

}  // namespace score::model
