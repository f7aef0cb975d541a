#pragma once
// A run's whole programme as one row: flows summed over its phases, stocks
// and shares at its last phase's end, ratios recomputed from the summed
// flows (never averaged over phases).
#include "sim/summary.hpp"

namespace score::session {

// The programme value of `which` for one replication, country slot `slot`
// (the PhaseSummary's countries() for the all-country total); NaN for a run
// with no phases.
double programme_total(const sim::PhaseSummary& summary, int slot, sim::Summary which);

}  // namespace score::session
