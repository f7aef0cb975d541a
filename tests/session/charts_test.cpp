#include "session/charts.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "scenario/build.hpp"
#include "session_files.hpp"
#include "sim/runner.hpp"

namespace score::session {
namespace {

using sim::Metric;

struct Fixture {
  scenario::Scenario sc = scenario::load_scenario(testing::small_scenario());
  sim::Series series = sim::run_one(sc.model, 0);
  ChartData charts{static_cast<int>(sc.model.countries.size())};
  Fixture() {
    const sim::Series* one[] = {&series};
    for (int m = 0; m < series.steps(); ++m) charts.add_month(one, m);
  }
  double sum(Metric metric, int k = 0) const {  // over every month and country
    double total = 0;
    for (int m = 0; m < series.steps(); ++m)
      for (int c = 0; c < series.countries(); ++c) total += series.at(metric, m, c, k);
    return total;
  }
};

TEST(ChartData, StocksAreTheLastMonthsAndFlowsAreCumulated) {
  const Fixture f;
  const int total = f.charts.countries(), last = f.series.steps() - 1;
  const double reached =
      f.series.at(Metric::firms_trained_total, last, 0) + f.series.at(Metric::firms_trained_total, last, 1);
  EXPECT_DOUBLE_EQ(f.charts.band(Chart::firms_trained_total, total).p50.back(), reached);
  EXPECT_DOUBLE_EQ(f.charts.band(Chart::firms_trained_total, 0).p50.back(),
                   f.series.at(Metric::firms_trained_total, last, 0));
  EXPECT_NEAR(f.charts.band(Chart::delivery_cost, total).p50.back(), f.sum(Metric::delivery_cost_usd), 1e-6);
  EXPECT_NEAR(f.charts.band(Chart::donor_spend, total).p50.back(), f.sum(Metric::donor_spend_usd), 1e-6);
  for (int k = 0; k < chart_layers(Chart::revenue_by_source); ++k)
    EXPECT_NEAR(f.charts.band(Chart::revenue_by_source, total, k).p50.back(), f.sum(Metric::revenue_usd, k),
                1e-6);
}

TEST(ChartData, CostRecoveryIsWhatOthersThanDonorsAndTheIloPaid) {
  const Fixture f;
  const double cost = f.sum(Metric::delivery_cost_usd);
  ASSERT_GT(cost, 0);
  double others = 0;
  for (model::Source s :
       {model::Source::government, model::Source::buyer, model::Source::csr, model::Source::enterprise})
    others += f.sum(Metric::revenue_usd, static_cast<int>(s));
  EXPECT_NEAR(f.charts.band(Chart::cost_recovery, f.charts.countries()).p50.back(), others / cost, 1e-12);
}

TEST(ChartData, OneReplicationHasNoWidthOfBand) {
  const Fixture f;
  const Band& b = f.charts.band(Chart::workers_reached, f.charts.countries());
  EXPECT_EQ(b.p05, b.p50);
  EXPECT_EQ(b.p95, b.p50);
}

// ---- Many replications: every band against an independent oracle ---------

// numpy.percentile's default (linear) on a copy, written out here rather
// than taken from core/statistics, so a wrong rank or interpolation in the
// engine's percentiles cannot agree with it by construction.
double numpy_percentile(std::vector<double> xs, double q) {
  std::erase_if(xs, [](double x) { return std::isnan(x); });
  if (xs.empty()) return std::nan("");
  std::sort(xs.begin(), xs.end());
  const double h = (static_cast<double>(xs.size()) - 1) * q;
  const auto i = static_cast<std::size_t>(std::floor(h));
  if (i + 1 >= xs.size()) return xs.back();
  return xs[i] + (h - static_cast<double>(i)) * (xs[i + 1] - xs[i]);
}

struct ManyReplications {
  static constexpr int kReps = 25;
  scenario::Scenario sc = scenario::load_scenario(testing::small_scenario());
  std::vector<sim::Series> series;
  ChartData charts{static_cast<int>(sc.model.countries.size())};
  ManyReplications() {
    for (std::uint32_t r = 0; r < kReps; ++r) series.push_back(sim::run_one(sc.model, r));
    std::vector<const sim::Series*> all;
    for (const sim::Series& s : series) all.push_back(&s);
    for (int m = 0; m < series[0].steps(); ++m) charts.add_month(all, m);
  }
  // Sum over the region's countries (all of them when region == countries),
  // of month `m` only (a stock) or of months 0..m (a flow).
  double region_value(const sim::Series& s, Metric metric, int region, int m, bool flow, int k = 0) const {
    double v = 0;
    for (int month = flow ? 0 : m; month <= m; ++month)
      for (int c = 0; c < s.countries(); ++c)
        if (region == s.countries() || region == c) v += s.at(metric, month, c, k);
    return v;
  }
};

// One chart's value per replication, from the series directly.
using PerReplication = std::function<double(const ManyReplications&, const sim::Series&, int region, int m)>;

void expect_bands(const ManyReplications& f, Chart chart, const PerReplication& value, int layer = 0) {
  for (int region = 0; region <= f.charts.countries(); ++region) {
    const Band& b = f.charts.band(chart, region, layer);
    for (int m = 0; m < f.charts.months(); ++m) {
      std::vector<double> xs;
      for (const sim::Series& s : f.series) xs.push_back(value(f, s, region, m));
      const auto at = static_cast<std::size_t>(m);
      const double want[3] = {numpy_percentile(xs, 0.05), numpy_percentile(xs, 0.5),
                              numpy_percentile(xs, 0.95)};
      const double got[3] = {b.p05[at], b.p50[at], b.p95[at]};
      for (int i = 0; i < 3; ++i) {
        if (std::isnan(want[i])) {
          EXPECT_TRUE(std::isnan(got[i])) << info(chart).name << " region " << region << " month " << m;
          continue;
        }
        EXPECT_NEAR(got[i], want[i], 1e-9 * std::max(1.0, std::fabs(want[i])))
            << info(chart).name << " region " << region << " month " << m << " percentile " << i;
      }
    }
  }
}

TEST(ChartData, ManyReplicationsGiveTheOraclesPercentilesForEveryChart) {
  const ManyReplications f;
  const Band& reached = f.charts.band(Chart::firms_trained_total, f.charts.countries());
  ASSERT_LT(reached.p05.back(), reached.p95.back())
      << "replications must differ for the test to mean anything";
  ASSERT_LT(reached.p05.back(), reached.p50.back());
  ASSERT_LT(reached.p50.back(), reached.p95.back());
  auto stock = [](Metric metric) {
    return [metric](const ManyReplications& w, const sim::Series& s, int region, int m) {
      return w.region_value(s, metric, region, m, false);
    };
  };
  auto flow = [](Metric metric) {
    return [metric](const ManyReplications& w, const sim::Series& s, int region, int m) {
      return w.region_value(s, metric, region, m, true);
    };
  };
  expect_bands(f, Chart::firms_trained_total, stock(Metric::firms_trained_total));
  expect_bands(f, Chart::workers_reached, stock(Metric::workers_reached));
  expect_bands(f, Chart::trainers, stock(Metric::trainers_certified));
  expect_bands(f, Chart::providers_active, stock(Metric::providers_active));
  expect_bands(f, Chart::providers_independent, stock(Metric::providers_independent));
  expect_bands(f, Chart::participants, flow(Metric::classroom_participants));
  expect_bands(f, Chart::delivery_cost, flow(Metric::delivery_cost_usd));
  expect_bands(f, Chart::donor_spend, flow(Metric::donor_spend_usd));
  for (int k = 0; k < chart_layers(Chart::revenue_by_source); ++k)
    expect_bands(
        f, Chart::revenue_by_source,
        [k](const ManyReplications& w, const sim::Series& s, int region, int m) {
          return w.region_value(s, Metric::revenue_usd, region, m, true, k);
        },
        k);
  // Ratios: of each replication's cumulated parts, then the percentile.
  expect_bands(
      f, Chart::cost_recovery, [](const ManyReplications& w, const sim::Series& s, int region, int m) {
        double others = 0;
        for (model::Source src :
             {model::Source::government, model::Source::buyer, model::Source::csr, model::Source::enterprise})
          others += w.region_value(s, Metric::revenue_usd, region, m, true, static_cast<int>(src));
        const double cost = w.region_value(s, Metric::delivery_cost_usd, region, m, true);
        return cost > 0 ? others / cost : std::nan("");
      });
  expect_bands(f, Chart::donor_cost_per_firm,
               [](const ManyReplications& w, const sim::Series& s, int region, int m) {
                 const double trained = w.region_value(s, Metric::firms_trained_total, region, m, false);
                 return trained > 0 ? w.region_value(s, Metric::donor_spend_usd, region, m, true) / trained
                                    : std::nan("");
               });
}

}  // namespace
}  // namespace score::session

namespace score::session {
namespace {

// A results file's reader loads what the chart table says the charts read:
// a new chart brings its series along.
TEST(ChartData, ChartedMetricsAreWhatTheChartTableReads) {
  const std::vector<sim::Metric> metrics = charted_metrics();
  for (const ChartInfo& chart : chart_catalogue())
    for (const sim::Metric m : {chart.part.metric, chart.per.metric})
      if (m != sim::Metric::count) {
        EXPECT_NE(std::find(metrics.begin(), metrics.end(), m), metrics.end());
      }
  for (const sim::Metric m : metrics) {
    bool read = false;
    for (const ChartInfo& chart : chart_catalogue())
      read = read || chart.part.metric == m || chart.per.metric == m;
    EXPECT_TRUE(read) << sim::info(m).name;
  }
}

// A chart's value is a sum over countries and a running total over months,
// so it can plot stocks and flows, never a ratio metric (a share does not
// add up): ratios are charted from their parts.
TEST(ChartData, ChartsReadStocksAndFlowsOnly) {
  for (const ChartInfo& chart : chart_catalogue())
    for (const sim::Metric m : {chart.part.metric, chart.per.metric})
      if (m != sim::Metric::count) {
        EXPECT_NE(sim::info(m).kind, sim::Kind::ratio) << chart.name << " reads " << sim::info(m).name;
      }
}

// Scripts name charts; a chart's name before this version still works.
TEST(ChartData, ChartsAreFoundByNameAndByTheirOldName) {
  for (const ChartInfo& c : chart_catalogue()) EXPECT_EQ(chart_named(c.name), c.id) << c.name;
  EXPECT_EQ(chart_named("firms_reached"), Chart::firms_trained_total);
  EXPECT_EQ(chart_named("no_such_chart"), std::nullopt);
}

}  // namespace
}  // namespace score::session
