#pragma once
// What a run measures. The catalogue is the single list of output variables:
// the simulation fills them, the writers name and describe them from here.
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "model/description.hpp"
#include "sim/funder_ledger.hpp"

namespace score::sim {

// The extra dimension a metric has beyond (time, country).
enum class Axis { none, module, source, indicator };
int axis_length(Axis axis);
const char* axis_name(Axis axis);  // the dimension's name in outputs: "module", "source", ...
std::vector<std::string> axis_labels(Axis axis);

// How a metric aggregates over time and countries.
//  flow:  a monthly amount; sums over months and countries.
//  stock: a level at the end of the month; sums over countries, last value over months.
//  ratio: a derived share; recomputed from its parts, never summed.
enum class Kind { flow, stock, ratio };
const char* kind_name(Kind kind);  // "flow", "stock" or "ratio": a metric's `kind` attribute in outputs

enum class Metric : int {  // rows of metric_catalogue(), in this order
  firms_trained_total,     // stock: unique firms that completed at least one module
  workers_reached,         // stock: workforce of those firms
  firms_aware,             // stock
  firms_in_training,       // stock
  firms_adopting,          // stock: trained firms that adopted practices
  firms_saving,            // stock: adopting firms reporting cost savings
  classroom_participants,  // flow
  module_deliveries,       // flow, by module: modules started this month
  modules_completed,       // flow, by module
  trainers_trained,        // flow: trainees entering training of trainers
  trainers_certified,      // stock: active certified trainers
  providers_active,        // stock
  providers_independent,   // stock
  delivery_cost_usd,       // flow: price of the deliveries started
  delivery_shortfall_usd,  // flow: unpaid delivery cost, absorbed by providers (rule `absorbed`)
  revenue_usd,             // flow, by source
  cost_recovery,           // ratio: non-ILO, non-donor revenue / delivery cost
  programme_cost_usd,      // flow: staff, overheads, marketing, training of trainers
  donor_spend_usd,         // flow: everything donors paid (delivery and programme)
  licence_income_usd,      // flow
  savings_usd,             // flow: monthly cost savings of adopting firms
  payback_months,          // ratio: mean fees paid / monthly savings of firms reporting savings
  improvement,             // stock, by indicator: mean relative improvement of adopting firms
  firms_priced_out,        // flow: aware, keen firms whose fee exceeded what they can pay
  seats_rationed,          // flow: seats not given because planned funding was spent (rule `rationed`)
  funds_budget_usd,        // flow, by source: budgets opened at a phase's start
  funds_spent_usd,         // flow, by source: budget money spent (delivery and programme)
  funds_lapsed_usd,        // flow, by source: unspent money lapsed at a phase's end
  funds_carried_usd,       // flow, by source: unspent money carried to the next phase
  countries_reached,       // stock: 1 once the country has a trained enterprise (all countries: their number)
  countries_supported,     // stock: 1 while the programme supports the country this month
  providers_signed,        // stock: partner organisations ever signed (onboarded or licensed)
  providers_dropped,       // stock: partner organisations that dropped out
  providers_dropped_idle,  // stock: of those, dropped with neither trainers nor trainees
  trainers_own_trained,    // flow: trainees providers paid for themselves (no programme money)
  fixed_cost_priced_usd,   // flow: part of delivery cost covering providers' fixed costs
  fees_paid_usd,           // flow: fees enterprises paid for the deliveries started
  count
};
constexpr int kMetrics = static_cast<int>(Metric::count);

struct MetricInfo {
  Metric id;  // the row's own enum value: the rows follow the enum (checked)
  const char* name;
  const char* long_name;
  const char* units;
  Axis axis;
  Kind kind;
  // For a metric with a phase summary of the same name (sim/summary.hpp):
  // that summary's long name. The summary takes its name, units and kind
  // from this row, so each is declared once.
  const char* phase_long_name = nullptr;
};
const std::array<MetricInfo, kMetrics>& metric_catalogue();
inline const MetricInfo& info(Metric m) { return metric_catalogue()[static_cast<int>(m)]; }

// Cost recovery, defined once: delivery revenue from the sources that are not
// programme money (the ILO and donors), over delivery cost; NaN without cost.
// Every place that shows cost recovery (the monthly series, phase summaries,
// programme totals, the viewer's charts) goes through these two.
bool counts_as_recovery(int source);
double cost_recovery(double recovered_usd, double delivery_cost_usd);

// One replication's monthly values of every metric, laid out per metric as
// [step][country][axis index] so a metric is one contiguous block.
class Series {
 public:
  Series(int steps, int countries);
  int steps() const { return steps_; }
  int countries() const { return countries_; }

  double& at(Metric m, int step, int country, int k = 0) { return data_[index(m, step, country, k)]; }
  double at(Metric m, int step, int country, int k = 0) const { return data_[index(m, step, country, k)]; }
  std::span<const double> values(Metric m) const;
  std::span<double> values(Metric m);

  // Each named funder's money per phase (sim/funder_ledger.hpp); empty
  // without funders. Not a monthly series: it rides along to the writer.
  FunderLedger funder_ledger;

 private:
  std::size_t index(Metric m, int step, int country, int k) const;
  int steps_, countries_;
  std::array<std::size_t, kMetrics + 1> offset_{};
  std::vector<double> data_;
};

}  // namespace score::sim
