#include "session/charts.hpp"

#include <gtest/gtest.h>

#include <cmath>

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
      f.series.at(Metric::smes_trained, last, 0) + f.series.at(Metric::smes_trained, last, 1);
  EXPECT_DOUBLE_EQ(f.charts.band(Chart::firms_reached, total).p50.back(), reached);
  EXPECT_DOUBLE_EQ(f.charts.band(Chart::firms_reached, 0).p50.back(),
                   f.series.at(Metric::smes_trained, last, 0));
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

}  // namespace
}  // namespace score::session
