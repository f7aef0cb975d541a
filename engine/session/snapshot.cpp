#include "session/snapshot.hpp"

namespace score::session {

const char* status_name(RunStatus status) {
  switch (status) {
    case RunStatus::idle:
      return "idle";
    case RunStatus::running:
      return "running";
    case RunStatus::paused:
      return "paused";
    case RunStatus::finished:
      return "finished";
    case RunStatus::cancelled:
      return "cancelled";
    case RunStatus::failed:
      return "failed";
  }
  return "?";
}

Snapshot empty_snapshot(const output::RunInfo& info, std::string label, RunStatus status) {
  Snapshot s;
  s.label = std::move(label);
  s.status = status;
  s.start = info.start;
  s.steps = info.steps;
  s.replications = info.replications;
  s.seed = info.seed;
  s.country_ids = info.country_ids;
  s.country_names = info.country_names;
  for (const auto& p : info.phases) s.phases.push_back({p.id, p.name, p.first_step, p.last_step});
  s.charts = ChartData(static_cast<int>(info.country_ids.size()));
  return s;
}

}  // namespace score::session
