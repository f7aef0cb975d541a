#include "session/charts.hpp"

#include <algorithm>

#include "core/statistics.hpp"
#include "output/statistics.hpp"

namespace score::session {
namespace {

int layers_of(sim::Metric m) { return sim::axis_length(sim::info(m).axis); }
bool is_flow(sim::Metric m) { return sim::info(m).kind == sim::Kind::flow; }

// Where each flow metric the charts read keeps its running totals, one per
// layer, in a region's block of ChartData::cumulated_ (-1: none).
struct FlowSlots {
  std::array<int, sim::kMetrics> first;
  std::size_t size = 0;
};

// One region of one replication this month: its stocks are read from the
// series, its flows from the running totals.
struct Region {
  const sim::Series& series;
  int month, region, countries;
  const double* cumulated;
  const FlowSlots& slots;

  double value(sim::Metric m, int layer) const {
    if (is_flow(m)) return cumulated[slots.first[static_cast<std::size_t>(m)] + layer];
    double sum = 0;
    for (int c = 0; c < countries; ++c)
      if (region == countries || region == c) sum += series.at(m, month, c, layer);
    return sum;
  }
  // A part's value: its layer when the chart stacks, else the sum of its layers.
  double value(const ChartPart& part, bool stacked, int layer) const {
    if (stacked || layers_of(part.metric) == 1) return value(part.metric, layer);
    double sum = 0;
    for (int k = 0; k < layers_of(part.metric); ++k)
      if (part.layers == Layers::all || sim::counts_as_recovery(k)) sum += value(part.metric, k);
    return sum;
  }
};

}  // namespace

namespace {
namespace rows {  // the enum's names, unqualified, for the table only
using enum Chart;
constexpr std::array<ChartInfo, kCharts> kCharts_{{
    {firms_trained_total,
     "firms_trained_total",
     "Firms trained (cumulative)",
     "firms",
     false,
     {sim::Metric::firms_trained_total}},
    {workers_reached, "workers_reached", "Workers reached", "workers", false, {sim::Metric::workers_reached}},
    {participants,
     "participants",
     "Classroom participants, cumulated",
     "people",
     false,
     {sim::Metric::classroom_participants}},
    {trainers, "trainers", "Certified trainers", "trainers", false, {sim::Metric::trainers_certified}},
    {providers_active,
     "providers_active",
     "Providers active",
     "providers",
     false,
     {sim::Metric::providers_active}},
    {providers_independent,
     "providers_independent",
     "Providers independent",
     "providers",
     false,
     {sim::Metric::providers_independent}},
    {delivery_cost,
     "delivery_cost",
     "Delivery cost, cumulated",
     "USD",
     false,
     {sim::Metric::delivery_cost_usd}},
    {revenue_by_source,
     "revenue_by_source",
     "Delivery revenue by source, cumulated",
     "USD",
     true,
     {sim::Metric::revenue_usd}},
    // The one definition of cost recovery (sim::counts_as_recovery), over the run so far.
    {cost_recovery,
     "cost_recovery",
     "Cost recovery, cumulated",
     "share",
     false,
     {sim::Metric::revenue_usd, Layers::recovered},
     {sim::Metric::delivery_cost_usd}},
    {donor_spend, "donor_spend", "Donor spend, cumulated", "USD", false, {sim::Metric::donor_spend_usd}},
    {donor_cost_per_firm,
     "donor_cost_per_firm",
     "Donor cost per firm trained",
     "USD/firm",
     false,
     {sim::Metric::donor_spend_usd},
     {sim::Metric::firms_trained_total}},
}};
constexpr bool in_enum_order() {
  for (int c = 0; c < kCharts; ++c)
    if (static_cast<int>(kCharts_[static_cast<std::size_t>(c)].id) != c) return false;
  return true;
}
static_assert(in_enum_order(), "chart_catalogue(): a row is out of its enum's order");
}  // namespace rows
using rows::kCharts_;
}  // namespace

const std::array<ChartInfo, kCharts>& chart_catalogue() { return kCharts_; }

std::optional<Chart> chart_named(std::string_view name) {
  for (const ChartInfo& c : kCharts_)
    if (name == c.name) return c.id;
  if (name == "firms_reached") return Chart::firms_trained_total;  // its name before this version
  return std::nullopt;
}

std::vector<sim::Metric> charted_metrics() {
  std::vector<sim::Metric> out;
  for (int m = 0; m < sim::kMetrics; ++m)
    for (const ChartInfo& chart : kCharts_)
      if (chart.part.metric == static_cast<sim::Metric>(m) ||
          chart.per.metric == static_cast<sim::Metric>(m)) {
        out.push_back(static_cast<sim::Metric>(m));
        break;
      }
  return out;
}

int chart_layers(Chart c) { return info(c).stacked ? layers_of(info(c).part.metric) : 1; }

std::vector<std::string> layer_labels(Chart c) {
  if (info(c).stacked) return sim::axis_labels(sim::info(info(c).part.metric).axis);
  return {info(c).title};
}

namespace {

const FlowSlots& flow_slots() {
  static const FlowSlots slots = [] {
    FlowSlots out;
    out.first.fill(-1);
    for (const sim::Metric m : charted_metrics())
      if (is_flow(m)) {
        out.first[static_cast<std::size_t>(m)] = static_cast<int>(out.size);
        out.size += static_cast<std::size_t>(layers_of(m));
      }
    return out;
  }();
  return slots;
}

// The most layers a chart has: the stride of a chart's bands per region.
int max_layers() {
  static const int most = [] {
    int n = 1;
    for (int c = 0; c < kCharts; ++c) n = std::max(n, chart_layers(static_cast<Chart>(c)));
    return n;
  }();
  return most;
}

}  // namespace

ChartData::ChartData(int countries)
    : countries_(countries), bands_(static_cast<std::size_t>(kCharts) * (countries + 1) * max_layers()) {}

std::size_t ChartData::index(Chart c, int region, int layer) const {
  return (static_cast<std::size_t>(c) * (countries_ + 1) + region) * max_layers() + layer;
}

// Adds this month's flows of `region` to its running totals, then puts every
// chart's value into `samples` for this replication.
void ChartData::add_region(const sim::Series& s, int month, int region, double* cumulated,
                           std::vector<std::vector<double>>& samples, std::size_t replication) const {
  const FlowSlots& slots = flow_slots();
  for (int c = 0; c < countries_; ++c) {
    if (region != countries_ && region != c) continue;
    for (int m = 0; m < sim::kMetrics; ++m)
      if (const int first = slots.first[static_cast<std::size_t>(m)]; first >= 0)
        for (int k = 0; k < layers_of(static_cast<sim::Metric>(m)); ++k)
          cumulated[first + k] += s.at(static_cast<sim::Metric>(m), month, c, k);
  }
  const Region here{s, month, region, countries_, cumulated, slots};
  for (const ChartInfo& chart : kCharts_)
    for (int k = 0; k < chart_layers(chart.id); ++k) {
      const double v = here.value(chart.part, chart.stacked, k);
      samples[index(chart.id, region, k)][replication] =
          chart.per.metric == sim::Metric::count ? v
                                                 : ratio_or_nan(v, here.value(chart.per, chart.stacked, k));
    }
}

void ChartData::add_month(std::span<const sim::Series* const> replications, int month) {
  const int regions = countries_ + 1;
  const std::size_t block = flow_slots().size;
  if (cumulated_.size() != replications.size())
    cumulated_.assign(replications.size(), std::vector<double>(static_cast<std::size_t>(regions) * block));
  // samples[index(chart, region, layer)][replication]
  std::vector<std::vector<double>> samples(bands_.size(), std::vector<double>(replications.size(), kNaN));
  for (std::size_t r = 0; r < replications.size(); ++r)
    for (int region = 0; region < regions; ++region)
      add_region(*replications[r], month, region,
                 cumulated_[r].data() + static_cast<std::size_t>(region) * block, samples, r);
  for (std::size_t i = 0; i < bands_.size(); ++i) {
    const auto stats = output::sample_statistics(samples[i]);
    bands_[i].p05.push_back(stats[output::stored_index(Statistic::p05)]);
    bands_[i].p50.push_back(stats[output::stored_index(Statistic::p50)]);
    bands_[i].p95.push_back(stats[output::stored_index(Statistic::p95)]);
  }
  ++months_;
}

}  // namespace score::session
