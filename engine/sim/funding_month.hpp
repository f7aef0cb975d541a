#pragma once
// What the funding rules read on every quote but what only changes when a
// month begins: which funders take part this month, whether some programme
// funder of a kind plans delivery money in a country, and what each funder
// may have spent by the month's end. Filled by plan_funding_month
// (sim/funding.hpp) at the end of begin_month, after a phase's budgets open,
// so a quote reads a few bytes instead of walking every funder.
#include <cstdint>
#include <span>
#include <vector>

#include "model/description.hpp"

namespace score::sim {

// Programme cost lines (sim/funding.hpp's Line): delivery, trainers,
// marketing, staff, overhead.
constexpr int kLines = 5;

struct FundingMonth {
  int step = -1;                     // the month the table holds; -1 before the first
  int phase = -1;                    // the phase of that month (Description::phase_at), -1 outside phases
  std::vector<std::uint8_t> plans;   // per funder: it takes part now (its share is planned)
  std::vector<double> allowed;       // per funder: may have spent by the month's end, own currency
  std::vector<double> usd_per_unit;  // per funder: this month's rate
  std::vector<std::uint8_t> pools;   // [country * kPayers + kind]: a funder of the kind plans delivery money
  // The funders taking part now, by kind, in funder order: kind k's are
  // by_kind[kind_start[k] .. kind_start[k + 1]).
  std::vector<std::uint32_t> by_kind, kind_start;
  // The funders taking part now whose earmarks let them pay a line in a
  // country, in funder order: [(country * kLines + line) * kPayers + kind]
  // starts a run of earmarked, ended by the next entry of earmarked_start.
  std::vector<std::uint32_t> earmarked, earmarked_start;

  bool pool_plans(model::FunderKind kind, int country) const {
    return pools[static_cast<std::size_t>(country) * model::kPayers + static_cast<std::size_t>(kind)] != 0;
  }
  std::span<const std::uint32_t> planning(model::FunderKind kind) const {
    const auto k = static_cast<std::size_t>(kind);
    return {by_kind.data() + kind_start[k], by_kind.data() + kind_start[k + 1]};
  }
  std::span<const std::uint32_t> earmarked_for(model::FunderKind kind, int country, int line) const {
    const std::size_t k =
        (static_cast<std::size_t>(country) * kLines + static_cast<std::size_t>(line)) * model::kPayers +
        static_cast<std::size_t>(kind);
    return {earmarked.data() + earmarked_start[k], earmarked.data() + earmarked_start[k + 1]};
  }
};

}  // namespace score::sim
