#pragma once
// The phase-summary table of a pinned run against the current one: the mean
// over replications of each all-country summary, both runs, their difference.
#include <string>
#include <vector>

#include "session/snapshot.hpp"
#include "sim/summary.hpp"

namespace score::session {

struct ComparisonRow {
  std::string phase;  // phase id
  sim::Summary summary;
  double pinned = 0, current = 0;  // NaN when a run lacks the phase or is unfinished
  double difference = 0;           // current - pinned
  double relative = 0;             // difference / |pinned|; NaN when pinned is 0 or NaN
};

// Summaries the table shows by default: what donors and planners read first.
const std::vector<sim::Summary>& compared_summaries();

// Rows for every phase of `current` (matched to `pinned` by id) and summary
// in `which`. Either snapshot may be null.
std::vector<ComparisonRow> compare(const Snapshot* pinned, const Snapshot* current,
                                   const std::vector<sim::Summary>& which = compared_summaries());

// The rows as CSV, with a header naming both runs.
std::string comparison_csv(const std::vector<ComparisonRow>& rows, const std::string& pinned_label,
                           const std::string& current_label);

}  // namespace score::session
