#pragma once
// Reads the posterior back from an ensemble file of `score calibrate`
// (docs/output-format.md, "Ensemble files"): the last generation's
// particles, their parameter values and weights, which is what a projection
// (`score run --ensemble`) draws from.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace score::output {

struct Posterior {
  std::string calibration_name;
  int generation = 0;                   // posterior_generation
  std::vector<std::string> parameters;  // scenario keys
  std::vector<double> theta;            // [particle][parameter]
  std::vector<double> weights;          // per particle, normalised
  int particles() const { return static_cast<int>(weights.size()); }
};

// Reads the posterior generation of `path`. The file is read in a child
// process first (output/contained_read.hpp), as results files are. Throws
// std::runtime_error whose message starts "ensemble file 'PATH': " when the
// file is missing, not HDF5, not an ensemble file (a results file, a sweep
// file) or inconsistent (shapes, weights that are negative or sum to
// nothing, parameter values that are not finite).
Posterior read_posterior(const std::filesystem::path& path);

}  // namespace score::output
