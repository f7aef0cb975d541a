#pragma once
// What a run measures, month by month. The catalogue (sim/outputs.def) is
// the single list of output variables: the simulation fills them, the
// writers name and describe them from here.
#include <array>
#include <cassert>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "model/description.hpp"
#include "sim/funder_ledger.hpp"
#include "sim/outputs.hpp"

namespace score::sim {

int axis_length(Axis axis);
const char* axis_name(Axis axis);  // the dimension's name in outputs: "module", "source", ...
std::vector<std::string> axis_labels(Axis axis);
const char* kind_name(Kind kind);  // "flow", "stock" or "ratio": a metric's `kind` attribute in outputs

// A phase summary's wording and display, on the entry of the metric it sums
// up (sim/outputs.def): see SummaryInfo for what each field means.
struct PhaseDisplay {
  const char* long_name = nullptr;
  Summary numerator = Summary::count, denominator = Summary::count;  // a ratio of two summaries
  Better better = Better::neither;
  bool percent = false;
  unsigned shown = 0;
  const char* column = nullptr;
};

struct MetricInfo {
  Metric id;  // the row's own enum value: the rows follow the enum (checked)
  const char* name;
  // The phase summary of the same name this entry declares, or Summary::count.
  Summary summary = Summary::count;
  const char* long_name = nullptr;
  const char* units = nullptr;
  Axis axis = Axis::none;
  Kind kind = Kind::flow;
  PhaseDisplay phase = {};  // for `summary`: its long name and display
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
  // Inline, with each metric's axis length kept here: the processes write
  // a series value for nearly everything they do.
  std::size_t index(Metric m, int step, int country, int k) const {
    const auto mi = static_cast<std::size_t>(m);
    assert(step >= 0 && step < steps_ && country >= 0 && country < countries_ && k >= 0 && k < length_[mi]);
    return offset_[mi] +
           (static_cast<std::size_t>(step) * static_cast<std::size_t>(countries_) +
            static_cast<std::size_t>(country)) *
               static_cast<std::size_t>(length_[mi]) +
           static_cast<std::size_t>(k);
  }
  int steps_, countries_;
  std::array<std::size_t, kMetrics + 1> offset_{};
  std::array<int, kMetrics> length_{};  // axis_length of each metric's axis
  std::vector<double> data_;
};

}  // namespace score::sim
