#pragma once
// The per-phase summary table `score run`, `score info` and `score compare`
// print: all-country totals, the mean over replications.
#include <string>
#include <vector>

#include "sim/summary.hpp"

namespace score::cli {

struct PhaseLabel {
  std::string id, name, dates;
};

// Mean over replications of one summary value of one phase (all countries).
double phase_mean(const std::vector<sim::PhaseSummary>& reps, int phase, sim::Summary s);

// Fixed-width table, one row per phase.
std::string phase_table(const std::vector<PhaseLabel>& phases, const std::vector<sim::PhaseSummary>& reps);

// One column of such a table: the mean of a summary, times `scale`.
struct PhaseColumn {
  const char* head;
  sim::Summary value;
  double scale;
  int decimals;
};
std::string phase_table(const std::vector<PhaseLabel>& phases, const std::vector<sim::PhaseSummary>& reps,
                        const std::vector<PhaseColumn>& columns);

// A number in a table cell: thousands separators, given decimals; "-" for NaN.
std::string cell(double value, int decimals = 0);

}  // namespace score::cli
