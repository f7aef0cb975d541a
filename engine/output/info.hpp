#pragma once
// The text `score info FILE.h5` prints: what a results file holds and its
// headline figures.
#include <string>

#include "output/results_reader.hpp"

namespace score::output {

// Scenario, sha256, engine version, seed, replications, calendar, countries,
// phases, the variables present and, per phase, the all-country totals (mean
// across replications) of the headline summaries. Pure: no I/O.
std::string describe(const Results& results);

}  // namespace score::output
