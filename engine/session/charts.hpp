#pragma once
// The quantities the viewer charts, computed from replications' series month
// by month: per country and in total, the median and the 5-95 % band across
// replications. Flows are shown cumulated from the start, so a chart reads
// "so far"; ratios are recomputed from the cumulated parts.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/metrics.hpp"

namespace score::session {

enum class Chart : int {
  firms_trained_total,
  workers_reached,
  participants,
  trainers,
  providers_active,
  providers_independent,
  delivery_cost,
  revenue_by_source,
  cost_recovery,
  donor_spend,
  donor_cost_per_firm,
  count
};
constexpr int kCharts = static_cast<int>(Chart::count);

// What a chart plots, from the metric catalogue: the metric summed over the
// region's countries, as its level this month (a stock) or its total from
// the start (a flow). A metric with an extra axis is one layer per axis
// index when the chart stacks, else summed over the indices `layers` says.
enum class Layers { all, recovered };  // recovered: the sources that count as cost recovery
struct ChartPart {
  sim::Metric metric = sim::Metric::count;  // count: no part
  Layers layers = Layers::all;
};

struct ChartInfo {
  Chart id;           // the row's own enum value: the rows follow the enum (checked)
  const char* name;   // for file names and scripts: "firms_trained_total"
  const char* title;  // "Firms trained (cumulative)"
  const char* units;
  bool stacked;  // layers stack (revenue by source)
  // The value: `part`, or the ratio part / per (NaN unless per > 0), each
  // replication's ratio of its own parts. A results file's reader loads
  // exactly the metrics these name.
  ChartPart part, per = {};
};
const std::array<ChartInfo, kCharts>& chart_catalogue();
inline const ChartInfo& info(Chart c) { return chart_catalogue()[static_cast<int>(c)]; }
// The chart named `name`, or by a name it had before (`firms_reached`, so
// that viewer scripts written with it keep working); nullopt if none.
std::optional<Chart> chart_named(std::string_view name);
// Every metric some chart reads, in catalogue order.
std::vector<sim::Metric> charted_metrics();
// Layers of a chart: one, or one per index of its metric's axis when it stacks.
int chart_layers(Chart c);
std::vector<std::string> layer_labels(Chart c);

// Percentiles across replications, one value per month (NaN when undefined).
struct Band {
  std::vector<double> p05, p50, p95;
};

// Bands of every chart, region (country, or `countries` for the total) and layer.
class ChartData {
 public:
  ChartData() = default;
  explicit ChartData(int countries);
  int countries() const { return countries_; }
  int months() const { return months_; }
  const Band& band(Chart c, int region, int layer = 0) const { return bands_[index(c, region, layer)]; }

  // Appends month `month` (== months()) from each replication's series.
  void add_month(std::span<const sim::Series* const> replications, int month);

 private:
  std::size_t index(Chart c, int region, int layer) const;
  void add_region(const sim::Series& s, int month, int region, double* cumulated,
                  std::vector<std::vector<double>>& samples, std::size_t replication) const;
  int countries_ = 0, months_ = 0;
  std::vector<Band> bands_;
  // Per replication and region, the running totals of the flows the charts read.
  std::vector<std::vector<double>> cumulated_;
};

}  // namespace score::session
