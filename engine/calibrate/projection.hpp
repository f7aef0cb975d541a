#pragma once
// A projection with parameter uncertainty (`score run --ensemble`): draws
// parameter sets from a calibration's posterior by their weights and lays
// them out as a sweep, one point per draw, so the sweep's point runner runs
// them as it runs a calibration's particles. No I/O formats: the caller
// reads the ensemble file and writes the results.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "sweep/sweep.hpp"

namespace score::calibrate {

// Systematic resampling (Kitagawa 1996; Douc, Cappe & Moulines 2005): `n`
// particle indices, in increasing order, particle i taken floor(n w_i) or
// ceil(n w_i) times for normalised weights w. One uniform offset, from a
// counter-based stream of `seed`, makes it deterministic. With equal weights
// and n = weights.size() every particle is taken exactly once. Weights need
// not be normalised but must be >= 0 with a positive sum.
std::vector<int> systematic_resample(std::span<const double> weights, int n, std::uint64_t seed);

// The parameter sets to run: the ensemble's keys and, per draw, its values.
struct Draws {
  std::filesystem::path ensemble;  // the ensemble file, for messages
  std::vector<std::string> keys;
  std::vector<std::vector<double>> values;  // [draw][key]
};

// The sweep that runs the draws: the scenario with `overrides` (`--set`
// texts, applied before each draw's values) as its base, one point per
// draw with the draw's values (integer keys rounded, as the calibration
// ran them) and run.seed sweep::point_seed(seed, draw), `replications` runs
// each. Throws scenario::ScenarioError naming the ensemble file and the
// scenario when a key is no number of the schema, no key of the scenario (a
// country or phase it lacks) or one that `overrides` sets too.
// sweep::check_points then finds draws whose values make the scenario invalid.
sweep::Sweep projection_sweep(const std::filesystem::path& scenario,
                              const std::vector<std::string>& overrides, const Draws& draws,
                              std::uint64_t seed, int replications);

}  // namespace score::calibrate
