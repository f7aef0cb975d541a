#pragma once
// What a results file says about the run that produced it, besides the
// numbers: the writer stores it, the reader gives it back.
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "model/description.hpp"

namespace score::output {

struct PhaseInfo {
  std::string id, name;
  int first_step = 0, last_step = 0;  // inclusive, steps from RunInfo::start
};

struct RunInfo {
  std::string scenario_name;
  std::string scenario_toml;  // the fully resolved scenario as TOML text
  std::string scenario_sha256;
  std::vector<std::string> scenario_overrides;  // `--set` texts applied to the scenario file, in order
  std::string engine_version;
  std::uint64_t seed = 0;
  int replications = 1;
  YearMonth start;
  int steps = 0;
  std::vector<std::string> country_ids, country_names;
  std::vector<PhaseInfo> phases;
};

// What a model says of its run's shape: name, seed, replications, calendar,
// countries and phases. The caller adds the scenario text, its hash and the
// engine version.
RunInfo run_shape(const model::Description& model);

// The coordinates a results file derives from a RunInfo: `time` in days
// since the first of the start month, and the phases' ids, names and first
// and last months (YYYY-MM, inclusive). Shared by the file writer and the
// Python module, which lays out the same dataset in memory.
std::vector<std::int64_t> time_days(const RunInfo& info);
struct PhaseColumns {
  std::vector<std::string> ids, names, starts, ends;
};
PhaseColumns phase_columns(const RunInfo& info);

}  // namespace score::output
