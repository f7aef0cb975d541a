#pragma once
// Metrics by name, as users and files give them. A renamed metric keeps
// answering to its old name, so results files, calibration targets, seek
// targets, sweep files and scripts written before the rename keep working.
#include <optional>
#include <span>
#include <string>
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

// As metric_named, for a reader of the file `where`: an old name is also
// reported as deprecated (see report_old_metric_name).
std::optional<Metric> metric_named(std::string_view name, std::string_view where);

// Readers report each old name they read, with the file that holds it. The
// program decides what the user sees: the handler gets one message per old
// name and file ("FILE: 'old' is deprecated, now called 'new'"), however
// often that file is read; without a handler nothing is said.
using OldNameHandler = void (*)(const std::string& message);
void on_old_metric_name(OldNameHandler handler);
void report_old_metric_name(std::string_view name, std::string_view where);

}  // namespace score::sim
