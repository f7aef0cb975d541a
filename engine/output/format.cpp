#include "output/format.hpp"

#include <limits>

namespace score::output {

const std::array<const char*, kStatistics>& statistic_names() {
  static const std::array<const char*, kStatistics> names = [] {
    std::array<const char*, kStatistics> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = statistic_name(kStoredStatistics[i]);
    return out;
  }();
  return names;
}

namespace format {

std::string summary_variable(std::string_view summary) { return "phase_" + std::string(summary); }
std::string summary_total_variable(std::string_view summary) { return summary_variable(summary) + "_all"; }
std::string statistics_variable(std::string_view variable) { return std::string(variable) + "_stats"; }

}  // namespace format
}  // namespace score::output
