#include "output/format.hpp"

#include <limits>

namespace score::output {

const std::array<const char*, kStatistics>& statistic_names() {
  static const std::array<const char*, kStatistics> names{"mean", "p05", "p50", "p95"};
  return names;
}

double statistic_quantile(Statistic statistic) {
  switch (statistic) {
    case Statistic::mean: return std::numeric_limits<double>::quiet_NaN();
    case Statistic::p05: return 0.05;
    case Statistic::p50: return 0.5;
    case Statistic::p95: return 0.95;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

namespace format {

std::string summary_variable(std::string_view summary) { return "phase_" + std::string(summary); }
std::string summary_total_variable(std::string_view summary) { return summary_variable(summary) + "_all"; }
std::string statistics_variable(std::string_view variable) { return std::string(variable) + "_stats"; }

}  // namespace format
}  // namespace score::output
