#include "calibrate/toml_input.hpp"

namespace score::calibrate {

std::optional<sim::Summary> summary_by_name(std::string_view name) {
  const auto& catalogue = sim::summary_catalogue();
  for (int s = 0; s < sim::kSummaries; ++s)
    if (name == catalogue[static_cast<std::size_t>(s)].name) return static_cast<sim::Summary>(s);
  return std::nullopt;
}

}  // namespace score::calibrate
