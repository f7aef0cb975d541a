#pragma once
// Helpers shared by the commands that run scenarios or read their results.
#include <string>
#include <vector>

#include "cli/phase_table.hpp"
#include "output/run_info.hpp"
#include "scenario/build.hpp"

namespace score::cli {

// What a results file records about the run of a loaded scenario.
output::RunInfo run_info(const scenario::Scenario& sc);

// Row labels ("I", "2009-01 to 2013-09") for the phase table.
std::vector<PhaseLabel> phase_labels(const std::vector<output::PhaseInfo>& phases, YearMonth start);

}  // namespace score::cli
