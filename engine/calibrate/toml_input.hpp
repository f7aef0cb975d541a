#pragma once
// A TOML input of the calibration layer (targets file, calibration file),
// read once: its bytes, their hash and the parsed table are the same file.
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::calibrate {

struct TomlInput {
  std::string display;  // the path as messages show it
  std::string text;
  toml::table root;
};

// Throws scenario::ScenarioError naming the file ("cannot read <what>: ...",
// or the parse error at its line and column).
TomlInput read_toml_input(const std::filesystem::path& file, std::string_view what);

std::optional<sim::Summary> summary_by_name(std::string_view name);
std::optional<sim::Metric> metric_by_name(std::string_view name);

}  // namespace score::calibrate
