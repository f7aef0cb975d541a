#pragma once
// The ensemble file of `score calibrate` (docs/output-format.md, "Ensemble
// files"): every generation of ABC-SMC, generation 0 the prior sample, with
// the particles' parameter values, weights, distances and every target's
// simulated value, and the per-generation diagnostics. Plain data here; the
// calibration layer fills it. Written under a temporary name, synced and
// renamed onto the target, so the target is never partial.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace score::output {

struct Ensemble {
  std::string name, engine_version, stop_reason;
  std::string calibration_toml, targets_toml, scenario_toml;  // the inputs as read (scenario: resolved)
  std::uint64_t seed = 0;
  int population = 0, replications = 0;
  std::int64_t budget = 0;
  // Free parameters: key, prior range, log-uniform or not.
  std::vector<std::string> parameters;
  std::vector<double> prior_lo, prior_hi;
  std::vector<std::int64_t> prior_log;
  // Targets: name, kind, source, how reported, held out, part of the distance.
  std::vector<std::string> targets, target_kind, target_source, target_reported;
  std::vector<std::int64_t> target_holdout, target_in_distance;
  // Per generation.
  std::vector<double> tolerance, acceptance_rate, effective_sample_size;
  std::vector<std::int64_t> attempts, runs;
  // [generation][particle][parameter], [generation][particle], [generation][particle][target].
  std::vector<double> theta, weight, distance, simulated, reported;
  std::vector<double> band_lo,
      band_hi;  // [generation][particle][target]: the reported band (+-inf when open)
  int generations() const { return static_cast<int>(tolerance.size()); }
};

constexpr int kEnsembleFormatVersion = 1;

// Throws std::runtime_error naming the file on failure, leaving the target as it was.
void write_ensemble(const std::filesystem::path& target, const Ensemble& ensemble);

}  // namespace score::output
