#include "calibrate/toml_input.hpp"

namespace score::calibrate {

std::optional<sim::Summary> summary_by_name(std::string_view name) {
  const auto& catalogue = sim::summary_catalogue();
  for (int s = 0; s < sim::kSummaries; ++s)
    if (name == catalogue[static_cast<std::size_t>(s)].name) return static_cast<sim::Summary>(s);
  return std::nullopt;
}

std::optional<sim::Metric> metric_by_name(std::string_view name) {
  for (int m = 0; m < sim::kMetrics; ++m)
    if (name == sim::info(static_cast<sim::Metric>(m)).name) return static_cast<sim::Metric>(m);
  return std::nullopt;
}

}  // namespace score::calibrate
