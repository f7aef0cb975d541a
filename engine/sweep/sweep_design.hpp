#pragma once
// From a sweep file to its points: the design matrix in parameter units,
// each point's seed, and the scenario overrides that run a point.
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/design.hpp"
#include "sweep/sweep_file.hpp"

namespace score::sweep {

struct Design {
  experiment::Points values;            // point x parameter, in the keys' units; integer keys rounded
  std::vector<std::uint64_t> seeds;     // run.seed of each point
  experiment::SaltelliLayout saltelli;  // saltelli designs only (n = k = 0 otherwise)
  experiment::MorrisLayout morris;      // morris designs only
  // Policy sweeps: the policy option of each point (empty otherwise). Point
  // policy * uncertain + u runs option `policy` at design point u.
  std::vector<int> policy;
  int uncertain = 0;  // points of the design over the parameters (all points without policies)
  int points() const { return static_cast<int>(values.size()); }
};

// The design of a checked sweep: grid (full_factorial), lhs (latin_hypercube),
// sobol (sobol_sequence), saltelli (from Sobol' point saltelli_skip(n) on)
// or morris, mapped to the parameters' ranges (map_to_ranges). Each point
// runs with point_seed(seed, point), except in a saltelli design, where the
// k + 2 points of base row j (A_j, B_j, every AB_i,j) share point_seed(seed,
// j): common random numbers, so a parameter with no effect on an outcome gets
// Sobol' indices of exactly 0. With policy options the design is repeated
// once per option, and point u of every option runs with the seed of point
// u: common random numbers, so that the options' differences at a point
// (their regret) come from the options, not the draws. Pure: the same file
// gives the same design.
Design make_design(const SweepSpec& spec);

// The seed of a point's runs: a hash of the sweep seed and the point index,
// so a point's numbers do not depend on which points ran before it, in which
// order or on which machine. Below 2^53 (run.seed's bound).
std::uint64_t point_seed(std::uint64_t sweep_seed, int point);

// "key=value" overrides (as for `score run --set`) that turn the base
// scenario into a point: the policy option's settings, one per parameter,
// then run.seed and run.replications.
std::vector<std::string> point_overrides(const SweepSpec& spec, const Design& design, int point);

// The scenario file a point starts from: its policy option's, or the base.
const std::filesystem::path& point_scenario(const SweepSpec& spec, const Design& design, int point);

}  // namespace score::sweep
