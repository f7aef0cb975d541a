#pragma once
// The text `score info FILE.h5` prints: what a results file holds and its
// headline figures.
#include <string>

#include "output/results_reader.hpp"
#include "output/yearly.hpp"

namespace score::output {

// Scenario, sha256, engine version, seed, replications, calendar, countries,
// phases, the variables present and, per phase, the all-country totals (mean
// across replications) of the headline summaries. Pure: no I/O.
std::string describe(const Results& results);

// `score info FILE.h5 --by year`: per calendar year, the all-country headline
// figures of describe() and cost recovery by country (means across
// replications, output/yearly.hpp). Pure: no I/O.
std::string describe_years(const Results& results, const YearlySummaries& years);

}  // namespace score::output
