#pragma once
// Metrics by name, as users and files give them. A renamed metric keeps
// answering to its old name, so results files, calibration targets, seek
// targets, sweep files and scripts written before the rename keep working.
#include <optional>
#include <span>
#include <string_view>

#include "sim/metrics.hpp"

namespace score::sim {

// A name a metric had before this version.
struct MetricRename {
  const char* old_name;
  Metric now;
};
std::span<const MetricRename> metric_renames();

// The metric named `name` in the catalogue or by an old name; nullopt if none.
std::optional<Metric> metric_named(std::string_view name);

// The metric `name` was renamed to; nullopt for a current or unknown name.
// For readers that tell the user the old name is deprecated.
std::optional<Metric> renamed_metric(std::string_view name);

}  // namespace score::sim
