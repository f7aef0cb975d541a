#pragma once
// Who pays: the money rules of funders, shared by the processes that spend.
//
// Delivery of one module to one firm is paid in a fixed order: government
// co-funding, the firm's buyer, its CSR foundation, the firm's own fee, the
// donor subsidy, the ILO; each pays its share of the price as far as its
// budget and what is left allow. What nobody pays is the provider's shortfall.
// So, every month: delivery cost = revenues by source + shortfall.
#include <array>

#include "sim/state.hpp"

namespace score::sim {

// Programme cost lines a phase's `donor_pays` may include.
enum class Line { delivery, trainers, marketing, staff, overhead };

// Price of one module for one firm in a country (direct cost plus markup).
double module_price(const model::Description& m, int country, int module);

// What the firm would be asked to pay, before it enrols. Reads budgets, writes nothing.
double expected_fee(const State& s, int firm, int module);

struct Payment {
  double price = 0;
  std::array<double, model::kSources> by_source{};
  double shortfall = 0;
};

// Pays for one delivery, spending budgets and recording revenues and costs
// in the series and the provider's accounts.
Payment pay_delivery(State& s, int firm, int provider, int module);

// Pays a programme cost line in a country: donors if the phase lets them,
// the ILO for the rest. Returns what was paid (less when budgets run short).
double pay_programme(State& s, int country, Line line, double amount);

// What funder j can still spend this phase (0 if its pledge failed).
double funder_left(const State& s, std::size_t funder);

// The firm supplies a buyer that partners with the programme.
bool buyer_partnered(const State& s, int firm);

// A partner buyer or a funding CSR foundation pushes this firm to enrol.
bool pushed_by_partner(const State& s, int firm);

// What pay_programme could pay for a line in a country now.
double programme_funds_left(const State& s, int country, Line line);

// Budget left this phase for funders of a kind (all countries).
double budget_left(const State& s, model::FunderKind kind);

}  // namespace score::sim
