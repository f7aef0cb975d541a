#include "cli/run_support.hpp"

#include "session/run_info.hpp"

namespace score::cli {

// The session layer owns the recipe, so the viewer writes the same metadata.
output::RunInfo run_info(const scenario::Scenario& sc) { return session::run_info(sc); }

std::vector<PhaseLabel> phase_labels(const std::vector<output::PhaseInfo>& phases, YearMonth start) {
  std::vector<PhaseLabel> out;
  for (const auto& p : phases)
    out.push_back({p.id, p.name, format_year_month(start.plus(p.first_step)) + " to " + format_year_month(start.plus(p.last_step))});
  return out;
}

}  // namespace score::cli
