#pragma once
// What a results file records about a run: shared by `score run` and the
// viewer so that both write the same metadata for the same scenario.
#include "output/run_info.hpp"
#include "scenario/build.hpp"

namespace score::provenance {

// The RunInfo of a loaded scenario, stamped with this build's engine version.
output::RunInfo run_info(const scenario::Scenario& sc);

}  // namespace score::provenance
