#pragma once
// What the viewer draws of one run at one moment. Immutable once published:
// the run thread builds a new one each month and the UI keeps whichever it
// last took, so neither ever waits for the other.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "output/run_info.hpp"
#include "session/charts.hpp"
#include "session/network.hpp"
#include "sim/summary.hpp"

namespace score::session {

enum class RunStatus { idle, running, paused, finished, cancelled, failed };
const char* status_name(RunStatus status);

struct PhaseSpan {
  std::string id, name;
  int first_step = 0, last_step = 0;  // inclusive
};

struct Snapshot {
  std::string label;  // scenario name, "(edited)" when levers were changed; or the file name
  RunStatus status = RunStatus::idle;
  std::string error;  // when failed
  YearMonth start;
  int steps = 0, months_done = 0, replications = 0;
  std::vector<std::string> country_ids, country_names;
  std::vector<PhaseSpan> phases;
  ChartData charts;
  std::vector<sim::PhaseSummary> summaries;  // one per replication, once finished
  NetworkView network;                       // of replication 0, when a country is chosen
  std::optional<std::uint64_t> seed;         // the run's base seed, when known (pairs compared runs)
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

// A snapshot with no months yet: calendar, countries and phases from `info`.
Snapshot empty_snapshot(const output::RunInfo& info, std::string label, RunStatus status);

}  // namespace score::session
