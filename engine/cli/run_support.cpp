#include "cli/run_support.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "scenario/plausible.hpp"
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

std::size_t print_warnings(const scenario::Scenario& sc) {
  const std::vector<scenario::Diagnostic> warnings = scenario::plausibility_warnings(sc.document);
  for (const auto& w : warnings) std::cerr << w.format() << "\n";
  return warnings.size();
}

int guarded(const std::function<int()>& body, const std::string& prefix, int otherwise) {
  try {
    return body();
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << prefix << e.what() << "\n";
    return otherwise;
  }
}

}  // namespace score::cli
