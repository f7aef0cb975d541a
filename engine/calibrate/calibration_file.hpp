#pragma once
// A calibration file (scenarios/calibration/history.toml; docs/calibration.md):
// the scenario, its targets file, the free parameters (their priors are the
// ranges the scenario declares), the size of the ABC-SMC run and its seed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "calibrate/targets_file.hpp"
#include "scenario/document.hpp"
#include "sweep/sweep_file.hpp"

namespace score::calibrate {

struct CalibrationSpec {
  std::filesystem::path file;
  std::string text, sha256;  // the file's bytes and their SHA-256 (hex)
  std::string name;          // calibration.name, or the file's stem
  std::filesystem::path scenario;
  TargetsFile targets;
  // Free parameters: key, prior range (uniform, or log-uniform with log = true).
  std::vector<sweep::Parameter> parameters;
  int population = 100;          // accepted particles per generation
  int replications = 1;          // runs of the scenario per particle (their mean is compared)
  std::int64_t budget = 2000;    // runs (particles tried x replications) at most
  int generations = 10;          // at most, generation 0 (the prior sample) not counted
  double min_acceptance = 0.02;  // stop once a generation accepts fewer of the particles it tries
  double quantile = 0.5;         // next tolerance: this quantile of the current distances
  std::uint64_t seed = 1;
  int moves = 3;         // Metropolis-Hastings moves per particle and generation (the first, when adaptive)
  double unmoved = 0;    // > 0: adaptive moves, a particle left unmoved with about this probability
  int max_moves = 1000;  // adaptive moves: at most this many per generation
  // The central set must meet every fit target of this phase's summaries
  // (e.g. "I"), when a candidate does; empty: no such requirement.
  std::string central_phase;
};

// Reads and checks a calibration file. `base` is the loaded scenario the file
// names (for range = "scenario" and the key checks; nullptr: unchecked).
// Throws scenario::ScenarioError with every problem.
CalibrationSpec parse_calibration_file(const std::filesystem::path& file, const scenario::Document* base);

// The scenario a calibration file names, resolved against its folder.
std::filesystem::path calibration_scenario(const std::filesystem::path& file);

// A file's targets: a calibration file's targets file, or a targets file.
TargetsFile targets_of(const std::filesystem::path& file);

}  // namespace score::calibrate
