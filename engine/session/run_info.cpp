#include "session/run_info.hpp"

#include "scenario/resolved.hpp"
#include "session/version.hpp"

namespace score::session {

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

}  // namespace score::session
