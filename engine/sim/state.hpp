#pragma once
// The mutable state of one replication. Agents live in structure-of-arrays
// storage indexed by a stable id (their position); processes are free
// functions over this state (see processes.hpp).
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/description.hpp"
#include "sim/active_set.hpp"
#include "sim/buyer_spans.hpp"
#include "sim/funding_month.hpp"
#include "sim/metrics.hpp"
#include "sim/networks.hpp"
#include "sim/stocks.hpp"

namespace score::sim {

enum class FirmState : std::uint8_t {
  unaware,   // has not heard of SCORE
  aware,     // heard of it, may enrol in a first or further module
  training,  // in a module: intake, classroom, follow-up visits
  done,      // wants no further module
};

// Enterprises. Every vector has one entry per eligible firm.
struct Firms {
  std::vector<std::int16_t> country;
  std::vector<std::uint8_t> manufacturing;  // 1 manufacturing, 0 services
  std::vector<float> employees;
  std::vector<float> fee_capacity_usd;  // largest fee the firm can pay at once
  std::vector<FirmState> state;
  std::vector<std::int16_t> since;                                 // step the current state began
  std::vector<std::uint8_t> modules_done;                          // bit m: module m completed
  std::vector<std::int8_t> module;                                 // module in training, -1 otherwise
  std::vector<std::int32_t> provider;                              // provider delivering it, -1 otherwise
  std::vector<std::uint8_t> adopted;                               // adopted practices of any module
  std::vector<float> savings_usd;                                  // realised monthly savings
  std::vector<float> fees_paid_usd;                                // fees paid for all modules so far
  std::vector<std::int32_t> buyer;                                 // global buyer index, -1 none
  std::vector<std::int32_t> association;                           // global association index, -1 none
  std::vector<std::int16_t> csr;                                   // csr funder index, -1 none
  std::array<std::vector<float>, model::kIndicators> improvement;  // cumulative relative gains

  std::size_t size() const { return state.size(); }
  void resize(std::size_t n);
};

// Partner providers, few: plain vectors of structs are enough, but kept in
// one table so outputs and tests can walk them.
struct Provider {
  int country = 0;
  model::ProviderType type = model::ProviderType::industry_association;
  bool licensed = false;
  bool active = true;
  int joined = 0;
  int certified = 0;                // active certified trainers
  std::vector<int> trainees_ready;  // step each trainee finishes the supervised cycle
  int seats_used = 0;               // firm-module starts this month
  double month_revenue = 0, month_own_revenue = 0, month_cost = 0;
  std::vector<double> own_revenue_window, cost_window;  // ring buffers for independence
  int window_filled = 0;
  int loss_streak = 0;
  bool independent = false;
  double reserves = 0;
  bool dropped_idle = false;  // dropped with neither certified trainers nor trainees
};

// One funder's ledger. Over a phase: budget + carried_in = spent_phase +
// unspent at the phase's end (lapsed or carried to the next phase).
struct FunderState {
  double spent_phase = 0;  // spent in the current phase
  double spent_total = 0;
  double carried_in = 0;  // unspent money of the previous phase, carried over
  double carry_out = 0;   // unspent at the last phase end, waiting for the next phase
  double lapsed_total = 0;
  double budget_total = 0;   // budgets of the phases begun, pledges that failed included
  bool pledge_holds = true;  // drawn once per phase from the reliability
};

// Per-country bookkeeping the processes share within a month.
struct CountryState {
  const model::Plan* plan = nullptr;  // the plan in force (the latest, once support ends)
  bool supported = false;             // the programme runs here this month
  int phase = -1;                     // phase of the plan in force
  int first_firm = 0, end_firm = 0;   // firms [first, end) belong to the country
  int first_buyer = 0, first_association = 0;
  int buyers_partnered = 0;  // buyers [first_buyer, first_buyer + n) are partners
  int licences_signed = 0;
  int providers_onboarded_phase = 0;  // in the current phase
  int trainees_assigned = 0;          // round-robin cursor
  double trainee_credit = 0;          // fractional trainees carried between months
  std::int64_t unaware = 0;           // firms that have not heard of SCORE, kept up to date
  bool association_provider = false;  // an association or employers' body delivers here
  double marketing_usd = 0;           // spent this month
  // The providers' own books, for pricing without programme money: their
  // fixed costs last month and deliveries per month (a moving average).
  double provider_fixed_usd = 0;
  double deliveries_per_month = 0;
};

struct State {
  const model::Description* model = nullptr;
  std::uint32_t replication = 0;
  int step = 0;
  Firms firms;
  std::vector<Provider> providers;
  std::vector<FunderState> funders;
  std::vector<CountryState> countries;
  std::vector<std::uint8_t> association_active;  // per association: hears of SCORE
  Networks networks;
  ActiveSet active;
  std::vector<Stocks> stocks;  // per country
  // The lead buyers each buyer funder signs: model data, built once per
  // model and shared by its replications.
  std::shared_ptr<const BuyerSpans> buyer_spans;
  FundingMonth funding_month;  // the funding rules' view of this month
  Series series;

  // `spans`: the model's table (null: built here, for a lone state).
  State(const model::Description& m, std::uint32_t rep, std::shared_ptr<const BuyerSpans> spans = nullptr);
};

}  // namespace score::sim
