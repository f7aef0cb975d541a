#pragma once
// What a results file says about the run that produced it, besides the
// numbers: the writer stores it, the reader gives it back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "model/description.hpp"

namespace score::output {

struct PhaseInfo {
  std::string id, name;
  int first_step = 0, last_step = 0;  // inclusive, steps from RunInfo::start
};

// The parameter sets of an ensemble run (`score run --ensemble`): the
// calibration they were drawn from and the values each draw ran with.
// Replication k of the run is replication k % replications_per_draw of draw
// k / replications_per_draw, run with seeds[draw] as run.seed.
struct EnsembleDraws {
  std::string file;         // the ensemble file as named on the command line
  std::string calibration;  // its calibration_name
  std::string sha256;       // of the ensemble file's bytes
  int generation = 0;       // the generation drawn from (the posterior)
  int replications_per_draw = 1;
  std::vector<std::string> parameters;  // scenario keys
  std::vector<std::int64_t> particles;  // per draw: its particle in the generation
  std::vector<std::uint64_t> seeds;     // per draw: run.seed of its replications
  std::vector<double> values;           // [draw][parameter], as run (integer keys rounded)
  int draws() const { return static_cast<int>(particles.size()); }
};

// A named funder of the scenario, as its ledger in the results file names it.
struct FunderInfo {
  std::string id, name;
  std::string currency;  // the currency its budget is in: "USD" or the scenario's currency id
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
  std::optional<EnsembleDraws> ensemble;  // set for an ensemble run only
  std::vector<FunderInfo> funders;        // in the scenario's order; the funder ledger's rows
};

// What a model says of its run's shape: name, seed, replications, calendar,
// countries, phases and funders. The caller adds the scenario text, its hash and the
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
