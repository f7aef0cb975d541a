#include "session/charts.hpp"

#include <algorithm>
#include <limits>

#include "output/statistics.hpp"

namespace score::session {
namespace {

constexpr int kSources = model::kSources;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Cumulated flows per (replication, region), in this order, then revenue by source.
enum Cumulated : int { participants, cost, donor, revenue, cumulated_count = revenue + kSources };

double ratio(double a, double b) { return b > 0 ? a / b : kNaN; }

// One region's stocks this month (the sum over its countries).
struct Stocks {
  double reached = 0, workers = 0, trainers = 0, active = 0, independent = 0;
};

void add_country(const sim::Series& s, int m, int c, Stocks& stocks, double* cum) {
  using sim::Metric;
  stocks.reached += s.at(Metric::smes_trained, m, c);
  stocks.workers += s.at(Metric::workers_reached, m, c);
  stocks.trainers += s.at(Metric::trainers_certified, m, c);
  stocks.active += s.at(Metric::providers_active, m, c);
  stocks.independent += s.at(Metric::providers_independent, m, c);
  cum[participants] += s.at(Metric::classroom_participants, m, c);
  cum[cost] += s.at(Metric::delivery_cost_usd, m, c);
  cum[donor] += s.at(Metric::donor_spend_usd, m, c);
  for (int k = 0; k < kSources; ++k) cum[revenue + k] += s.at(Metric::revenue_usd, m, c, k);
}

double recovered_revenue(const double* cum) {
  double sum = 0;
  for (int k = 0; k < kSources; ++k)
    if (sim::counts_as_recovery(k)) sum += cum[revenue + k];
  return sum;
}

}  // namespace

namespace {
namespace rows {  // the enum's names, unqualified, for the table only
using enum Chart;
constexpr sim::Metric kNone = sim::Metric::count;
constexpr std::array<ChartInfo, kCharts> kCharts_{{
    {firms_reached,
     "firms_reached",
     "Firms reached (trained)",
     "firms",
     false,
     {sim::Metric::smes_trained, kNone}},
    {workers_reached,
     "workers_reached",
     "Workers reached",
     "workers",
     false,
     {sim::Metric::workers_reached, kNone}},
    {participants,
     "participants",
     "Classroom participants, cumulated",
     "people",
     false,
     {sim::Metric::classroom_participants, kNone}},
    {trainers, "trainers", "Certified trainers", "trainers", false, {sim::Metric::trainers_certified, kNone}},
    {providers_active,
     "providers_active",
     "Providers active",
     "providers",
     false,
     {sim::Metric::providers_active, kNone}},
    {providers_independent,
     "providers_independent",
     "Providers independent",
     "providers",
     false,
     {sim::Metric::providers_independent, kNone}},
    {delivery_cost,
     "delivery_cost",
     "Delivery cost, cumulated",
     "USD",
     false,
     {sim::Metric::delivery_cost_usd, kNone}},
    {revenue_by_source,
     "revenue_by_source",
     "Delivery revenue by source, cumulated",
     "USD",
     true,
     {sim::Metric::revenue_usd, kNone}},
    {cost_recovery,
     "cost_recovery",
     "Cost recovery, cumulated",
     "share",
     false,
     {sim::Metric::revenue_usd, sim::Metric::delivery_cost_usd}},
    {donor_spend,
     "donor_spend",
     "Donor spend, cumulated",
     "USD",
     false,
     {sim::Metric::donor_spend_usd, kNone}},
    {donor_cost_per_firm,
     "donor_cost_per_firm",
     "Donor cost per firm reached",
     "USD/firm",
     false,
     {sim::Metric::donor_spend_usd, sim::Metric::smes_trained}},
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

std::vector<sim::Metric> charted_metrics() {
  std::vector<sim::Metric> out;
  for (int m = 0; m < sim::kMetrics; ++m)
    for (const ChartInfo& chart : kCharts_)
      if (std::find(chart.reads.begin(), chart.reads.end(), static_cast<sim::Metric>(m)) !=
          chart.reads.end()) {
        out.push_back(static_cast<sim::Metric>(m));
        break;
      }
  return out;
}

int chart_layers(Chart c) { return c == Chart::revenue_by_source ? kSources : 1; }

std::vector<std::string> layer_labels(Chart c) {
  if (c == Chart::revenue_by_source) return sim::axis_labels(sim::Axis::source);
  return {info(c).title};
}

ChartData::ChartData(int countries)
    : countries_(countries), bands_(static_cast<std::size_t>(kCharts) * (countries + 1) * kSources) {}

std::size_t ChartData::index(Chart c, int region, int layer) const {
  return (static_cast<std::size_t>(c) * (countries_ + 1) + region) * kSources + layer;
}

void ChartData::add_month(std::span<const sim::Series* const> replications, int month) {
  const int regions = countries_ + 1, reps = static_cast<int>(replications.size());
  if (cumulated_.size() != replications.size())
    cumulated_.assign(replications.size(),
                      std::vector<double>(static_cast<std::size_t>(regions) * cumulated_count));
  // samples[index(chart, region, layer)][replication]
  std::vector<std::vector<double>> samples(bands_.size(), std::vector<double>(replications.size(), kNaN));
  for (int r = 0; r < reps; ++r) {
    for (int region = 0; region < regions; ++region) {
      double* cum =
          cumulated_[static_cast<std::size_t>(r)].data() + static_cast<std::size_t>(region) * cumulated_count;
      Stocks st;
      for (int c = 0; c < countries_; ++c)
        if (region == countries_ || region == c) add_country(*replications[r], month, c, st, cum);
      auto put = [&](Chart chart, double v, int layer = 0) { samples[index(chart, region, layer)][r] = v; };
      put(Chart::firms_reached, st.reached);
      put(Chart::workers_reached, st.workers);
      put(Chart::participants, cum[participants]);
      put(Chart::trainers, st.trainers);
      put(Chart::providers_active, st.active);
      put(Chart::providers_independent, st.independent);
      put(Chart::delivery_cost, cum[cost]);
      for (int k = 0; k < kSources; ++k) put(Chart::revenue_by_source, cum[revenue + k], k);
      put(Chart::cost_recovery, sim::cost_recovery(recovered_revenue(cum), cum[cost]));
      put(Chart::donor_spend, cum[donor]);
      put(Chart::donor_cost_per_firm, ratio(cum[donor], st.reached));
    }
  }
  for (std::size_t i = 0; i < bands_.size(); ++i) {
    const auto stats = output::sample_statistics(samples[i]);
    bands_[i].p05.push_back(stats[output::stored_index(Statistic::p05)]);
    bands_[i].p50.push_back(stats[output::stored_index(Statistic::p50)]);
    bands_[i].p95.push_back(stats[output::stored_index(Statistic::p95)]);
  }
  ++months_;
}

}  // namespace score::session
