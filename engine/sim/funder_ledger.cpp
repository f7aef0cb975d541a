#include "sim/funder_ledger.hpp"

#include <algorithm>

#include "sim/state.hpp"

namespace score::sim {

const std::array<const char*, kLedgerColumns>& ledger_column_names() {
  static constexpr std::array<const char*, kLedgerColumns> names{"budget",  "carried_in", "spent",
                                                                 "unspent", "lapsed",     "pledge_failed"};
  return names;
}

FunderLedger::FunderLedger(int funders_, int phases_)
    : funders(funders_),
      phases(phases_),
      own(static_cast<std::size_t>(funders_) * phases_ * kLedgerColumns, 0.0),
      usd(own.size(), 0.0) {}

namespace {
using enum LedgerColumn;

// Funder j's lapsed money before phase p, to tell this phase's lapse from the
// running total the funding rules keep.
double lapsed_before(const FunderLedger& ledger, int j, int p) {
  double sum = 0;
  for (int q = 0; q < p; ++q) sum += ledger.own_at(j, q, lapsed);
  return sum;
}

void record_one(State& s, FunderLedger& ledger, int j, int p) {
  const model::Funder& f = s.model->funders[static_cast<std::size_t>(j)];
  const FunderState& fs = s.funders[static_cast<std::size_t>(j)];
  const model::Phase& phase = s.model->phases[static_cast<std::size_t>(p)];
  const double rate = s.model->usd_per_unit(f, s.step);
  auto put = [&](LedgerColumn c, double own) {
    ledger.own_at(j, p, c) = own;
    ledger.usd_at(j, p, c) = own * rate;
  };
  if (s.step == phase.first_step) {
    put(budget, f.budget[static_cast<std::size_t>(p)]);
    put(carried_in, fs.carried_in);
    put(pledge_failed, fs.pledge_holds ? 0.0 : f.budget[static_cast<std::size_t>(p)] + fs.carried_in);
  }
  // Spending is booked at each month's rate: the month's part of the phase's spending.
  ledger.usd_at(j, p, spent) += (fs.spent_phase - ledger.own_at(j, p, spent)) * rate;
  ledger.own_at(j, p, spent) = fs.spent_phase;
  const bool closed = s.step == phase.last_step;
  if (closed) {
    put(lapsed, fs.lapsed_total - lapsed_before(ledger, j, p));
    put(unspent, fs.carry_out);
  } else if (s.step == s.model->steps - 1) {
    put(unspent,
        std::max(0.0, ledger.own_at(j, p, budget) + ledger.own_at(j, p, carried_in) - fs.spent_phase));
  }
}
}  // namespace

void record_funder_ledger(State& s) {
  const int p = s.model->phase_at(s.step);
  FunderLedger& ledger = s.series.funder_ledger;
  if (ledger.funders == 0 && !s.funders.empty())
    ledger = FunderLedger(static_cast<int>(s.funders.size()), static_cast<int>(s.model->phases.size()));
  if (p < 0) return;
  for (int j = 0; j < ledger.funders; ++j) record_one(s, ledger, j, p);
}

}  // namespace score::sim
