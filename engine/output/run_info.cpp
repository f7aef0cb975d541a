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
  for (const auto& f : model.funders)
    info.funders.push_back(
        {f.id, f.name, f.currency < 0 ? "USD" : model.currencies[static_cast<std::size_t>(f.currency)].id});
  return info;
}

std::vector<std::int64_t> time_days(const RunInfo& info) {
  std::vector<std::int64_t> days;
  for (int t = 0; t < info.steps; ++t) days.push_back(days_between(info.start, info.start.plus(t)));
  return days;
}

PhaseColumns phase_columns(const RunInfo& info) {
  PhaseColumns out;
  for (const auto& p : info.phases) {
    out.ids.push_back(p.id);
    out.names.push_back(p.name);
    out.starts.push_back(format_year_month(info.start.plus(p.first_step)));
    out.ends.push_back(format_year_month(info.start.plus(p.last_step)));
  }
  return out;
}

}  // namespace score::output
