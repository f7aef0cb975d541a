#pragma once
// Who pays: the money rules of funders, shared by the processes that spend.
//
// A provider prices a module at its direct cost plus markup. The payers of
// model::kPayerTable then pay in their payment order: third parties first
// (government, the firm's partner buyers, its CSR foundation), then programme
// money within the plan (the donor subsidy, the ILO), then a levy fund
// (part of the fee left, for firms that pay the levy), each its share while
// its money lasts; the enterprise pays the rest. Programme money never pays
// so much that the firm pays less than the plan's fee_share. When a funder's
// money has run out the phase's `unfunded` rule decides: the firm pays the
// gap (priced up), the seat is not given (rationed), or the provider absorbs
// it (unpaid delivery cost). Every month: delivery cost = revenues by source
// + unpaid cost.
#include <array>

#include "sim/state.hpp"

namespace score::sim {

// Programme cost lines a phase's `donor_pays` may include.
enum class Line { delivery, trainers, marketing, staff, overhead };

// Price of one module for one firm in a country (direct cost plus markup).
double module_price(const model::Description& m, int country, int module);
// Direct cost of one module for one firm: trainer days and materials.
double direct_cost(const model::Description& m, int country, int module);

// The ordered payments for one delivery, as they would be made now.
struct Quote {
  double price = 0;
  double fixed_cost = 0;  // part of the price covering the provider's fixed costs (on its own books)
  std::array<double, model::kPayers> by_payer{};    // indexed by model::Payer
  std::array<double, model::kSources> by_source{};  // the same money by revenue source
  std::array<double, model::kPayers> rest{};        // share of the price left to each payer by those before
  std::array<double, model::kPayers> plan_share{};  // the plan's part of a payer's share (no budget)
  double unfunded = 0;                              // planned funder money that is not there (spent budgets)
  double unpaid = 0;      // part of `unfunded` the provider absorbs (rule `absorbed`)
  bool rationed = false;  // rule `rationed` and money is missing: no seat
  double fee() const { return by_payer[static_cast<int>(model::Payer::enterprise)]; }
};

// The one function that says who pays what for a delivery: used by the
// firm's expected fee and by the payment. Reads budgets, writes nothing.
// `licensed`: a licensed commercial provider, whose clients get no
// programme money.
Quote quote_delivery(const State& s, int firm, int module, bool licensed);

// What the firm would be asked to pay, before it enrols (at a subsidised
// provider).
double expected_fee(const State& s, int firm, int module);

// Pays for one delivery as quoted, spending budgets and recording revenues
// and costs in the series and the provider's accounts.
Quote pay_delivery(State& s, int firm, int provider, int module);
// The same with the quote already made for this firm, module and provider
// (nothing spent since): the seat allocation quotes once to check the seat.
void pay_quote(State& s, int firm, int provider, int module, const Quote& q);

// Pays a programme cost line in a country: donors if the phase lets them,
// the ILO for the rest. Returns what was paid (less when budgets run short).
double pay_programme(State& s, int country, Line line, double amount);

// What funder j can still spend now, in USD at this month's rate: its phase
// budget (with money carried in) paced by its spending plan over the months
// it pays in, less what it spent (0 if its pledge failed or it does not pay
// this month).
double funder_left(const State& s, std::size_t funder);

// Fills the month's funding table (sim/funding_month.hpp): which funders
// take part and what they may spend by the month's end. Called when the
// month begins, after a phase's budgets open; the rules read it all month
// and nothing else. A caller outside the monthly step that moves the month
// or changes who takes part (pledge, months, budget, money carried in)
// calls it again first; the rules throw std::logic_error on a table of
// another month.
void plan_funding_month(State& s);

// The firm supplies a buyer that partners with the programme under the
// phase's plan (buyer_partnerships; no budget).
bool buyer_partnered(const State& s, int firm);

// The lead buyers buyer funder j signs in country c (sim/buyer_spans.hpp),
// from the table built with the state.
BuyerSpan signed_buyers(const State& s, std::size_t j, int country);

// The buyer funder whose partnership covers this firm's buyer now (signed
// in its country and taking part now, as any funder: within its months,
// with a budget or money carried in, and a pledge that held), or -1.
int buyer_funder(const State& s, int firm);

// The firm's buyer pushes it: a plan partner while the plan in force gives its
// partners a buyer share, or a buyer funder with money left.
bool buyer_pushes(const State& s, int firm);

// A partner buyer or a funding CSR foundation pushes this firm to enrol.
bool pushed_by_partner(const State& s, int firm);

// What pay_programme could pay for a line in a country now.
double programme_funds_left(const State& s, int country, Line line);

// Budget left now, in USD, for funders of a kind whose earmarks let them
// pay this line in this country.
double budget_left(const State& s, model::FunderKind kind, int country, Line line);

// Phase bookkeeping: open a phase's budgets (draw pledges, take carried
// money in) and close them at the phase's last month (lapse or carry).
void open_budgets(State& s, int phase);
void close_budgets(State& s, int phase);

}  // namespace score::sim
