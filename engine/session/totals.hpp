#pragma once
// Programme totals: one figure per summary over all phases of a run, as a
// donor quotes them (firms trained over the programme, donor cost per firm
// over the programme), recomputed from the phases' parts.
#include <vector>

#include "session/snapshot.hpp"
#include "sim/summary.hpp"

namespace score::session {

// Over all phases of one replication, all countries: flows summed, stocks at
// the last phase, ratios recomputed from the summed parts; NaN for the
// summaries that have no programme figure (means of firms' outcomes).
double programme_total(const sim::PhaseSummary& phases, sim::Summary s);

// The mean over a snapshot's replications (NaN while it is unfinished).
double mean_programme_total(const Snapshot& snapshot, sim::Summary s);

}  // namespace score::session
