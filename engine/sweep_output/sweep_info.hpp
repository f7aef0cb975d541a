#pragma once
// The text `score info SWEEP.h5` prints: what a sweep results file holds.
#include <filesystem>
#include <string>

#include "sweep_output/sweep_reader.hpp"

namespace score::output {

// True when `path` is an HDF5 file marked as a sweep's results
// (score_sweep_format_version); false for anything else, which the run
// reader then explains. Never throws.
bool is_sweep_results(const std::filesystem::path& path);

// Sweep and scenario names, engine, design, seed, points, replications, each
// parameter with the lowest and highest value the points took, the outcomes
// (phases x summaries) and their statistics, the sensitivity indices stored,
// and, per phase, the spread over the points of the mean firms trained.
std::string describe(const SweepFile& file);

}  // namespace score::output
