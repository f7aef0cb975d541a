#pragma once
// Comparing runs. Two APIs:
//  - compare_runs: any number of runs against the first, phase by phase and
//    over the whole programme, each difference with a confidence interval
//    (paired when the runs share seeds and replications, Welch otherwise)
//    and a plain verdict. `score compare`, `score report` and the viewer
//    read this one.
//  - compare: the older two-run table of means (pinned against current).
// No I/O and no UI here.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "output/results_reader.hpp"
#include "session/difference.hpp"
#include "session/snapshot.hpp"
#include "sim/summary.hpp"

namespace score::session {

// Summaries the tables show by default: what donors and planners read first.
const std::vector<sim::Summary>& compared_summaries();

// ---- N runs ---------------------------------------------------------------

// One run as the comparison reads it.
struct ComparedRun {
  std::string label;                         // scenario name or file name
  std::optional<std::uint64_t> seed;         // the run's base seed; unknown runs are never paired
  YearMonth start;                           // of step 0
  std::vector<std::string> country_ids;      // PhaseSummary country slots, in order
  std::vector<PhaseSpan> phases;             // steps from `start`, inclusive
  std::vector<sim::PhaseSummary> summaries;  // one per replication; empty until finished
};
ComparedRun compared_run(const output::Results& results, std::string label);
// A viewer snapshot (its seed when it has one).
ComparedRun compared_run(const Snapshot& snapshot);

// First and last month (inclusive) of a phase on the calendar.
struct MonthRange {
  YearMonth first, last;
  friend bool operator==(const MonthRange&, const MonthRange&) = default;
};

// A phase matched across runs by id. A phase one run lacks is still listed
// (index -1 for that run), so no phase is ever silently dropped.
struct MatchedPhase {
  std::string id, name;            // name from the first run that has it
  std::vector<int> index;          // per run: the phase's index in that run, or -1
  std::vector<MonthRange> months;  // per run; meaningless where index is -1
  bool months_differ = false;      // two runs that have the phase cover different months
  bool missing = false;            // some run lacks the phase
};

// Phases in the order of the first run, then any other run's extra phases in
// the order that run lists them.
std::vector<MatchedPhase> match_phases(std::span<const ComparedRun> runs);

// Whether run `b` is paired with run `a`: the same known seed and the same
// number of replications (common random numbers: replication i of a and i
// of b drew the same random streams).
bool runs_paired(const ComparedRun& a, const ComparedRun& b);

inline constexpr const char* kProgramme = "programme";  // the phase id of programme rows

struct ComparedRow {
  std::string phase;  // a phase id, or kProgramme
  sim::Summary summary = sim::Summary::firms_trained;
  std::vector<double> means;  // per run, over replications; NaN where the run lacks the phase or country
  std::vector<Difference> differences;  // per run, against run 0; [0] is run 0 against itself
};

struct CompareOptions {
  std::vector<sim::Summary> summaries = compared_summaries();
  std::string country;       // a country id; empty for the all-country total
  double confidence = 0.95;  // of the difference intervals
};

struct Comparison {
  std::vector<std::string> labels;  // per run
  std::vector<Pairing> pairing;     // per run, how it is compared with run 0 (run 0: none)
  std::vector<MatchedPhase> phases;
  std::vector<ComparedRow> rows;      // phase by phase (summaries in option order), then programme rows
  std::vector<std::string> warnings;  // phases that differ in months or are missing; runs lacking the country
  double confidence = 0.95;
};

// Every run against runs[0]. Runs still without summaries give NaN means.
Comparison compare_runs(std::span<const ComparedRun> runs, const CompareOptions& options = {});

// Whether a programme row compares like with like: every run covers the
// same months from first to last phase.
bool programmes_cover_same_months(std::span<const ComparedRun> runs);

// ---- two runs, means only -------------------------------------------------

struct ComparisonRow {
  std::string phase;  // phase id
  sim::Summary summary;
  double pinned = 0, current = 0;  // NaN when a run lacks the phase or is unfinished
  double difference = 0;           // current - pinned
  double relative = 0;             // difference / |pinned|; NaN when pinned is 0 or NaN
};

// Rows for every phase of `current` (matched to `pinned` by id) and summary
// in `which`. Either snapshot may be null.
std::vector<ComparisonRow> compare(const Snapshot* pinned, const Snapshot* current,
                                   const std::vector<sim::Summary>& which = compared_summaries());

// The rows as CSV, with a header naming both runs.
std::string comparison_csv(const std::vector<ComparisonRow>& rows, const std::string& pinned_label,
                           const std::string& current_label);

}  // namespace score::session
