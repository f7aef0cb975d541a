#pragma once
// The names of every output a run writes: the Metric enum (monthly series)
// and the Summary enum (phase summaries), both made from the one list in
// sim/outputs.def, with the words the catalogue describes them in.
//
// Why one list expanded twice (an "X-macro") rather than two enums or a
// Summary index computed from the metrics: a metric with a phase summary of
// the same name is one entry, and `Summary::delivery_cost_usd` still exists
// as a name for code and tests without a second line that must be kept in
// step. C++ cannot make enumerators from a constexpr table, and the list's
// order gives both enums' orders at once, which the results files, the
// tables' columns and the sweeps' random streams follow.
#include <cstddef>

namespace score::sim {

// The extra dimension a metric has beyond (time, country).
enum class Axis { none, module, source, indicator };

// How an output aggregates over time and countries.
//  flow:  a monthly amount; sums over months and countries.
//  stock: a level at the end of the month; sums over countries, last value over months.
//  ratio: a derived share; recomputed from its parts, never summed.
enum class Kind { flow, stock, ratio };

// How people read a summary (tables, reports, the viewer): which way is better.
enum class Better { higher, lower, neither };

// The tables that show a summary as a headline; a summary's `shown` is a set of these.
enum Table : unsigned {
  phase_table = 1,    // the table `score run` prints (cli/phase_table.cpp)
  info_table = 2,     // `score info`'s headline figures (output/info.cpp)
  compare_table = 4,  // `score compare` and the viewer's comparison (session/compare.cpp)
  sweep_table = 8,    // sweeps' replication advice (sweep/sweep_analysis.cpp)
};
constexpr unsigned kAllTables = phase_table | info_table | compare_table | sweep_table;

enum class Metric : int {  // rows of metric_catalogue(), in this order
#define SCORE_SERIES(NAME, ...) NAME,
#define SCORE_SERIES_AND_PHASE(NAME, ...) NAME,
#include "sim/outputs.def"
  count
};
constexpr int kMetrics = static_cast<int>(Metric::count);

enum class Summary : int {  // rows of summary_catalogue(), in this order
#define SCORE_SERIES_AND_PHASE(NAME, ...) NAME,
#define SCORE_PHASE(NAME) NAME,
#include "sim/outputs.def"
  count
};
constexpr int kSummaries = static_cast<int>(Summary::count);

}  // namespace score::sim
