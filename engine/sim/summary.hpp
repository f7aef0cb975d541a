#pragma once
// Per-phase summaries of a replication, the table planners and donors read.
#include <array>
#include <string_view>
#include <vector>

#include "model/description.hpp"
#include "sim/metrics.hpp"

namespace score::sim {

enum class Summary : int {
  firms_trained,           // new unique firms completing a first module in the phase
  firms_trained_total,     // cumulative at the phase's end
  workers_reached,         // cumulative at the phase's end
  classroom_participants,  // over the phase
  module_deliveries,       // over the phase
  trainers_certified,      // at the phase's end
  providers_active,        // at the phase's end
  providers_independent,   // at the phase's end
  delivery_cost_usd,       // over the phase
  cost_per_module_usd,     // delivery cost / module deliveries
  revenue_donor_usd,
  revenue_ilo_usd,
  revenue_government_usd,
  revenue_buyer_usd,
  revenue_csr_usd,
  revenue_enterprise_usd,
  cost_recovery,            // non-ILO, non-donor revenue / delivery cost over the phase
  donor_spend_usd,          // everything donors paid in the phase
  donor_cost_per_firm_usd,  // donor spend / firms trained in the phase
  adoption_rate,            // adopters / trained firms at the phase's end
  savings_rate,             // firms reporting savings / trained firms at the phase's end
  productivity_gain,        // mean productivity gain of adopters at the phase's end
  payback_months,           // mean payback of firms reporting savings at the phase's end
  mean_fee_usd,             // enterprise fees / module deliveries
  mean_subsidy_usd,         // donor delivery revenue / module deliveries
  firms_priced_out,         // keen firms turned away by the fee, over the phase
  seats_rationed,           // seats refused for want of planned funding, over the phase
  unpaid_cost_usd,          // delivery cost absorbed by providers, over the phase
  funds_lapsed_usd,         // funder money lapsed at the phase's end
  // Value for money for donors (docs/output-format.md).
  workers_reached_new,            // workforce of enterprises first trained in the phase
  donor_cost_per_worker_usd,      // donor spend / workers_reached_new
  savings_usd,                    // enterprises' cost savings in the phase
  savings_per_donor_usd,          // savings_usd / donor spend, in the phase
  savings_per_donor_usd_to_date,  // savings / donor spend, from the calendar's start to the phase's end
  revenue_recovered_usd,          // delivery revenue from others than the ILO and donors
  fees_paid_usd,                  // fees enterprises paid in the phase
  fee_per_firm_usd,               // fees paid / firms trained in the phase
  count
};
constexpr int kSummaries = static_cast<int>(Summary::count);

// How people read a summary (tables, reports, the viewer): which way is better.
enum class Better { higher, lower, neither };

// The tables that show a summary as a headline; a row's `shown` is a set of these.
enum Table : unsigned {
  phase_table = 1,    // the table `score run` prints (cli/phase_table.cpp)
  info_table = 2,     // `score info`'s headline figures (output/info.cpp)
  compare_table = 4,  // `score compare` and the viewer's comparison (session/compare.cpp)
  sweep_table = 8,    // sweeps' replication advice (sweep/sweep_analysis.cpp)
};

// One row of the output catalogue. A row that aggregates a metric names it
// in `of` and takes its name, long name (the metric's phase_long_name),
// units (a phase's total of a monthly flow: "1 month-1" becomes "1") and
// kind from the metric's row; other rows declare their own. `kind` says how
// a summary aggregates:
//  flow:  summed over the phase's months, over countries and over phases
//         (an aggregated metric: over its axis too, e.g. all modules);
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
