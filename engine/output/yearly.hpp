#pragma once
// A run's summaries by calendar year, the view donors report in: the phase
// summaries' catalogue (sim/summary.hpp) applied to calendar years instead of
// phases, from the monthly series a results file holds. Each summary's kind
// says how a year aggregates: flows sum the year's months, stocks take its
// last month (December, or the calendar's last month), ratios divide their
// summed parts (cost recovery is the year's recovered revenue over its
// delivery cost, never a mean of monthly ratios).
#include <vector>

#include "output/results_reader.hpp"
#include "sim/summary.hpp"

namespace score::output {

struct YearlySummaries {
  std::vector<int> years;                       // the calendar years the run touches, in order
  std::vector<sim::Period> periods;             // their months within the calendar
  std::vector<sim::PhaseSummary> replications;  // per replication, "phases" = years
  sim::PhaseSummary mean{0, 0};                 // across replications (see yearly_summaries)
};

// The calendar years of a run and their months (the first and last may be partial).
std::vector<sim::Period> calendar_years(const RunInfo& info, std::vector<int>& years);

// Reads every replication's series back and summarises it by year. A metric
// the file lacks (an older file) reads as NaN. The mean across replications
// leaves NaN out; a ratio with parts is the ratio of its parts' means.
YearlySummaries yearly_summaries(const ResultsFile& file);

}  // namespace score::output
