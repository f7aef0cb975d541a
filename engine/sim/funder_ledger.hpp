#pragma once
// Each named funder's money per phase, as donors account for it: the budget
// it opened, money carried in from the previous phase, what it spent, what
// it left unspent (carried to the next phase, or still there when the
// calendar ends) and what lapsed. In the funder's own currency,
//   budget + carried_in = spent + unspent + lapsed,
// and in USD at the rate of the month each happened (budget and carried in
// at the phase's first month, spending month by month, unspent and lapsed at
// the phase's last month), so with yearly rates the USD columns differ from
// that balance by exchange gains or losses. Plain arrays: the writer stores them.
#include <array>
#include <cstddef>
#include <vector>

namespace score::sim {

struct State;

// pledge_failed: of budget + carried_in, what never came because the phase's
// pledge failed, so the funder was absent for the phase (that money is
// counted in unspent or lapsed as well). Last, so files written before it
// read their first five columns unchanged.
enum class LedgerColumn : int { budget, carried_in, spent, unspent, lapsed, pledge_failed, count };
constexpr int kLedgerColumns = static_cast<int>(LedgerColumn::count);
// The columns' names in outputs, in LedgerColumn order.
const std::array<const char*, kLedgerColumns>& ledger_column_names();

struct FunderLedger {
  int funders = 0, phases = 0;
  std::vector<double> own, usd;  // [funder][phase][column]

  FunderLedger() = default;
  FunderLedger(int funders, int phases);
  std::size_t index(int funder, int phase, LedgerColumn column) const {
    return (static_cast<std::size_t>(funder) * phases + phase) * kLedgerColumns + static_cast<int>(column);
  }
  double& own_at(int f, int p, LedgerColumn c) { return own[index(f, p, c)]; }
  double own_at(int f, int p, LedgerColumn c) const { return own[index(f, p, c)]; }
  double& usd_at(int f, int p, LedgerColumn c) { return usd[index(f, p, c)]; }
  double usd_at(int f, int p, LedgerColumn c) const { return usd[index(f, p, c)]; }
};

// Brings the ledger up to the end of this month from the funders' state
// (State::funders), after the month's spending and the closing of a phase's
// budgets. Called once a month by record_metrics.
void record_funder_ledger(State& s);

}  // namespace score::sim
