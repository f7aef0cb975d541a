#pragma once
// Helpers shared by the commands that run scenarios or read their results.
#include <functional>
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

// Runs a command body and turns what it throws into a message and an exit
// code (cli/commands.hpp): a ScenarioError prints its diagnostics and gives
// kBadInput; any other exception prints `prefix` and its message and gives
// `otherwise` (kInternal for commands that run something, kBadInput for
// those that only read the files they are given).
int guarded(const std::function<int()>& body, const std::string& prefix, int otherwise);

// Prints the scenario's plausibility warnings (scenario/plausible.hpp) on
// stderr, one per line; returns how many there were.
std::size_t print_warnings(const scenario::Scenario& sc);

}  // namespace score::cli
