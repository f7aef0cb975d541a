#include "sim/metric_names.hpp"

#include <array>

namespace score::sim {

namespace {
// Oldest first; an entry stays as long as files with the old name may exist.
constexpr std::array<MetricRename, 1> kRenames{{
    {"smes_trained", Metric::firms_trained_total},
}};
}  // namespace

std::span<const MetricRename> metric_renames() { return kRenames; }

std::optional<Metric> renamed_metric(std::string_view name) {
  for (const MetricRename& r : kRenames)
    if (name == r.old_name) return r.now;
  return std::nullopt;
}

std::optional<Metric> metric_named(std::string_view name) {
  for (const MetricInfo& m : metric_catalogue())
    if (name == m.name) return m.id;
  return renamed_metric(name);
}

}  // namespace score::sim
