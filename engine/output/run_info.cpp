#include "output/run_info.hpp"

namespace score::output {

RunInfo run_shape(const model::Description& model) {
  RunInfo info;
  info.scenario_name = model.name;
  info.seed = model.seed;
  info.replications = model.replications;
  info.start = model.start;
  info.steps = model.steps;
  for (const auto& c : model.countries) {
    info.country_ids.push_back(c.id);
    info.country_names.push_back(c.name);
  }
  for (const auto& p : model.phases) info.phases.push_back({p.id, p.name, p.first_step, p.last_step});
  return info;
}

}  // namespace score::output
