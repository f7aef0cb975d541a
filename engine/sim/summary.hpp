#pragma once
// Per-phase summaries of a replication, the table planners and donors read.
// Their names (the Summary enum) come from the one list of outputs,
// sim/outputs.def, with the metrics'.
#include <array>
#include <string_view>
#include <vector>

#include "model/description.hpp"
#include "sim/metrics.hpp"

namespace score::sim {

// One row of the summary catalogue. A metric's phase summary of the same
// name is declared on the metric's entry (sim/outputs.def: the long name and
// display in its `phase`) and takes its name, units (a phase's total of a
// monthly flow: "1 month-1" becomes "1") and kind from the metric; it has
// `of` set. The other rows are declared in sim/summary.cpp; one of those may
// name a metric in `of` too and take its name, units and kind the same way
// (savings_usd, whose place among the summaries is apart from its series').
// `kind` says how a summary aggregates:
//  flow:  summed over the phase's months, over countries and over phases
//         (a summary of a metric: over its axis too, e.g. all modules);
//  stock: the phase's last month, summed over countries, the last phase's value over phases;
// A flow or stock that aggregates a metric needs no code of its own in summarise().
//  ratio: numerator / denominator of two other rows, recomputed at every level
//         (never summed); a ratio without parts (a weighted mean at the phase's
//         end) has both set to Summary::count and reads like a stock over phases.
struct SummaryInfo {
  Summary id;                 // the row's own enum value: the rows follow the enum
  Metric of = Metric::count;  // the metric it aggregates; count for none
  const char* name = nullptr;
  const char* long_name = nullptr;
  const char* units = nullptr;  // "1", "USD", "month"
  Kind kind = Kind::flow;
  Summary numerator = Summary::count, denominator = Summary::count;
  Better better = Better::neither;  // spending and revenue are a choice, not a score
  bool percent = false;             // a share of 1, shown as a percentage
  unsigned shown = 0;               // the Table set where it is a headline
  const char* column = nullptr;     // its short head in those tables
};
const std::array<SummaryInfo, kSummaries>& summary_catalogue();
inline const SummaryInfo& info(Summary s) { return summary_catalogue()[static_cast<std::size_t>(s)]; }
// The headlines of one table, in catalogue order.
std::vector<Summary> headline_summaries(Table table);
// The summary called `name`, or Summary::count.
Summary summary_named(std::string_view name);

// values[(phase * (countries + 1) + c) * kSummaries + s]; c == countries is the
// all-country total (ratios recomputed from the totals, not averaged).
class PhaseSummary {
 public:
  PhaseSummary(int phases, int countries);
  int phases() const { return phases_; }
  int countries() const { return countries_; }
  double& at(int phase, int country, Summary s) { return values_[index(phase, country, s)]; }
  double at(int phase, int country, Summary s) const { return values_[index(phase, country, s)]; }
  double total(int phase, Summary s) const { return at(phase, countries_, s); }
  const std::vector<double>& values() const { return values_; }

 private:
  std::size_t index(int phase, int country, Summary s) const {
    return (static_cast<std::size_t>(phase) * (countries_ + 1) + country) * kSummaries + static_cast<int>(s);
  }
  int phases_, countries_;
  std::vector<double> values_;
};

PhaseSummary summarise(const Series& series, const model::Description& model);

// The same summaries over any spans of months (inclusive steps), such as
// calendar years: flows summed over the span, stocks at its last month,
// ratios recomputed from their summed parts. A PhaseSummary whose "phases"
// are the spans.
struct Period {
  int first_step = 0, last_step = 0;
};
PhaseSummary summarise(const Series& series, const std::vector<Period>& periods);

// Recomputes every ratio with parts in one cell (phase `p`, country slot `slot`,
// `countries` for the total) from its numerator and denominator already there:
// the one definition of each ratio, for every level that aggregates parts.
void fill_ratios(PhaseSummary& out, int p, int slot);

}  // namespace score::sim

namespace score::sim {

// The catalogue's display flags of a summary, for the readers that ask only those.
struct SummaryReading {
  Better better = Better::neither;
  bool share = false;
};
SummaryReading summary_reading(Summary summary);

}  // namespace score::sim
