#pragma once
// The value-for-money table `score run` prints under the phase table: what
// donors paid per enterprise and per worker reached, and the enterprises'
// cost savings per donor dollar, phase by phase (all countries; per country
// in the results file and `score export`).
#include <string>
#include <vector>

#include "cli/phase_table.hpp"
#include "sim/summary.hpp"

namespace score::cli {

// Fixed-width table, one row per phase; means over replications.
std::string value_for_money_table(const std::vector<PhaseLabel>& phases,
                                  const std::vector<sim::PhaseSummary>& reps);

}  // namespace score::cli
