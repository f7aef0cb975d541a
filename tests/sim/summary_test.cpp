#include "sim/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/runner.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

// A small world of 24 months in two phases of 12 months each.
model::Description two_phases() {
  model::Description m = test::small_world(2000, 24);
  m.phases.push_back(m.phases[0]);
  m.phases[0].last_step = 11;
  m.phases[0].end = m.start.plus(11);
  m.phases[1].id = "II";
  m.phases[1].first_step = 12;
  m.phases[1].start = m.start.plus(12);
  for (auto& f : m.funders) f.budget.push_back(f.budget[0]);
  return m;
}

TEST(Summary, PhaseTotalsAreSumsAndLevelsOfTheSeries) {
  const model::Description m = two_phases();
  const Series s = run_one(m, 0);
  const PhaseSummary sum = summarise(s, m);
  double cost = 0, participants = 0;
  for (int t = 12; t < 24; ++t)
    for (int c = 0; c < 2; ++c) {
      cost += s.at(Metric::delivery_cost_usd, t, c);
      participants += s.at(Metric::classroom_participants, t, c);
    }
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::delivery_cost_usd), cost);
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::classroom_participants), participants);
  const double trained_end =
      s.at(Metric::firms_trained_total, 23, 0) + s.at(Metric::firms_trained_total, 23, 1);
  const double trained_mid =
      s.at(Metric::firms_trained_total, 11, 0) + s.at(Metric::firms_trained_total, 11, 1);
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::firms_trained_total), trained_end);
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::firms_trained), trained_end - trained_mid);
  EXPECT_DOUBLE_EQ(sum.at(1, 0, Summary::firms_trained_total) + sum.at(1, 1, Summary::firms_trained_total),
                   trained_end);
  const double deliveries = sum.total(1, Summary::module_deliveries);
  ASSERT_GT(deliveries, 0);
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::cost_per_module_usd), cost / deliveries);
}

// Value for money: donor spend per worker newly reached and savings per donor
// dollar, from the series, per country and for all countries together.
TEST(Summary, ValueForMoneyDividesDonorSpendAndSavingsFromTheSeries) {
  const model::Description m = two_phases();
  const Series s = run_one(m, 0);
  const PhaseSummary sum = summarise(s, m);
  double donor = 0, donor_all = 0, savings = 0, savings_all = 0;
  for (int t = 0; t < 24; ++t) {
    donor_all += s.at(Metric::donor_spend_usd, t, 1);
    savings_all += s.at(Metric::savings_usd, t, 1);
    if (t < 12) continue;
    donor += s.at(Metric::donor_spend_usd, t, 1);
    savings += s.at(Metric::savings_usd, t, 1);
  }
  const double workers = s.at(Metric::workers_reached, 23, 1) - s.at(Metric::workers_reached, 11, 1);
  ASSERT_GT(workers, 0);
  ASSERT_GT(donor, 0);
  ASSERT_GT(savings, 0);
  EXPECT_DOUBLE_EQ(sum.at(1, 1, Summary::workers_reached_new), workers);
  EXPECT_DOUBLE_EQ(sum.at(1, 1, Summary::donor_cost_per_worker_usd), donor / workers);
  EXPECT_DOUBLE_EQ(sum.at(1, 1, Summary::savings_usd), savings);
  EXPECT_DOUBLE_EQ(sum.at(1, 1, Summary::savings_per_donor_usd), savings / donor);
  EXPECT_DOUBLE_EQ(sum.at(1, 1, Summary::savings_per_donor_usd_to_date), savings_all / donor_all);
  // All countries: sums of the parts, the ratio of the sums.
  const double all_workers =
      sum.at(1, 0, Summary::workers_reached_new) + sum.at(1, 1, Summary::workers_reached_new);
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::workers_reached_new), all_workers);
  EXPECT_DOUBLE_EQ(sum.total(1, Summary::donor_cost_per_worker_usd),
                   sum.total(1, Summary::donor_spend_usd) / all_workers);
}

}  // namespace
}  // namespace score::sim
