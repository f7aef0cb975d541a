#pragma once
// What the funding rules read on every quote but what only changes when a
// month begins: which funders take part this month, whether some programme
// funder of a kind plans delivery money in a country, and what each funder
// may have spent by the month's end. Filled by plan_funding_month
// (sim/funding.hpp) at the end of begin_month, after a phase's budgets open,
// so a quote reads a few bytes instead of walking every funder.
#include <cstdint>
#include <vector>

#include "model/description.hpp"

namespace score::sim {

struct FundingMonth {
  int step = -1;                     // the month the table holds; -1 before the first
  std::vector<std::uint8_t> plans;   // per funder: it takes part now (its share is planned)
  std::vector<double> allowed;       // per funder: may have spent by the month's end, own currency
  std::vector<double> usd_per_unit;  // per funder: this month's rate
  std::vector<std::uint8_t> pools;   // [country * kPayers + kind]: a funder of the kind plans delivery money

  bool pool_plans(model::FunderKind kind, int country) const {
    return pools[static_cast<std::size_t>(country) * model::kPayers + static_cast<std::size_t>(kind)] != 0;
  }
};

}  // namespace score::sim
