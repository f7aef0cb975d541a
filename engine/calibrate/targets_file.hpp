#pragma once
// A targets file (scenarios/calibration/targets.toml; docs/calibration.md):
// the scenario it calibrates, the replications of a check and the targets.
// Every problem is reported at once as a scenario::ScenarioError naming the
// file, line and key.
#include <filesystem>
#include <string>
#include <vector>

#include "calibrate/target.hpp"

namespace score::calibrate {

struct TargetsFile {
  std::filesystem::path file;      // as named by the caller
  std::string text;                // the file's bytes
  std::filesystem::path scenario;  // resolved against the file's folder
  int replications = 1;
  std::vector<Target> targets;
};

TargetsFile parse_targets_file(const std::filesystem::path& file);

// Only the targets of one kind (for a check of that kind).
std::vector<Target> of_kind(const std::vector<Target>& targets, Kind kind);

}  // namespace score::calibrate
