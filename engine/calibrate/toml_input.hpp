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
#include "sweep/file_checker.hpp"

namespace score::calibrate {

// Read as the sweep layer reads its files (sweep/file_checker.hpp).
using TomlInput = sweep::detail::LoadedToml;
inline TomlInput read_toml_input(const std::filesystem::path& file, std::string_view what) {
  return sweep::detail::load_toml(file, what);
}

std::optional<sim::Summary> summary_by_name(std::string_view name);

}  // namespace score::calibrate
