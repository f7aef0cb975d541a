#include "cli/run_support.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "scenario/resolved.hpp"

namespace score::cli {

output::RunInfo run_info(const scenario::Scenario& sc) {
  const model::Description& m = sc.model;
  output::RunInfo info;
  info.scenario_name = m.name;
  info.scenario_toml = scenario::to_toml(sc.document);
  info.scenario_sha256 = sc.document.sha256;
  info.engine_version = SCORE_VERSION;
  info.seed = m.seed;
  info.replications = m.replications;
  info.start = m.start;
  info.steps = m.steps;
  for (const auto& c : m.countries) {
    info.country_ids.push_back(c.id);
    info.country_names.push_back(c.name);
  }
  for (const auto& p : m.phases) info.phases.push_back({p.id, p.name, p.first_step, p.last_step});
  return info;
}

std::vector<PhaseLabel> phase_labels(const std::vector<output::PhaseInfo>& phases, YearMonth start) {
  std::vector<PhaseLabel> out;
  for (const auto& p : phases)
    out.push_back({p.id, p.name, format_year_month(start.plus(p.first_step)) + " to " + format_year_month(start.plus(p.last_step))});
  return out;
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
