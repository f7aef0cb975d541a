// `score info --by year`: a run's summaries by calendar year, aggregated as
// the catalogue's kinds say, from the monthly series of the results file.
#include "output/yearly.hpp"

#include <gtest/gtest.h>

#include "output/info.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

using sim::Metric;
using sim::Summary;

// The synthetic run starts 2013-09 and has 14 months: 2013 holds steps 0..3
// and 2014 steps 4..13.
struct Yearly : ::testing::Test {
  void SetUp() override {
    path = testing::scratch_dir("yearly") / "run.h5";
    testing::write_run(path, testing::small_run(2));
  }
  std::filesystem::path path;
};

TEST_F(Yearly, splits_the_calendar_into_years) {
  std::vector<int> years;
  const auto periods = calendar_years(testing::small_run(1), years);
  ASSERT_EQ(years, (std::vector<int>{2013, 2014}));
  EXPECT_EQ(periods[0].first_step, 0);
  EXPECT_EQ(periods[0].last_step, 3);
  EXPECT_EQ(periods[1].first_step, 4);
  EXPECT_EQ(periods[1].last_step, 13);
}

// Cost recovery of a year and country is the year's recovered revenue over
// its delivery cost, computed here by hand from the monthly series.
TEST_F(Yearly, cost_recovery_is_the_ratio_of_the_years_sums) {
  const ResultsFile file(path);
  const YearlySummaries years = yearly_summaries(file);
  const int countries = 2, sources = model::kSources;
  for (int r = 0; r < 2; ++r) {
    const auto revenue = file.metric("revenue_usd", r);
    const auto cost = file.metric("delivery_cost_usd", r);
    for (int y = 0; y < 2; ++y)
      for (int c = 0; c < countries; ++c) {
        double recovered = 0, delivery = 0, monthly_ratios = 0;
        for (int t = years.periods[y].first_step; t <= years.periods[y].last_step; ++t) {
          double month = 0;
          for (int k = 0; k < sources; ++k)
            if (sim::counts_as_recovery(k)) month += revenue[(t * countries + c) * sources + k];
          recovered += month;
          delivery += cost[t * countries + c];
          monthly_ratios += month / cost[t * countries + c];
        }
        const double got = years.replications[r].at(y, c, Summary::cost_recovery);
        EXPECT_DOUBLE_EQ(got, recovered / delivery)
            << "replication " << r << " year " << y << " country " << c;
        EXPECT_DOUBLE_EQ(years.replications[r].at(y, c, Summary::revenue_recovered_usd), recovered);
        const int months = years.periods[y].last_step - years.periods[y].first_step + 1;
        EXPECT_NE(got, monthly_ratios / months) << "not a mean of monthly ratios";
      }
  }
}

// Flows sum the year's months; stocks take the year's last month.
TEST_F(Yearly, flows_sum_and_stocks_take_the_last_month) {
  const ResultsFile file(path);
  const YearlySummaries years = yearly_summaries(file);
  const auto trained = file.metric("firms_trained_total", 1);
  const auto participants = file.metric("classroom_participants", 1);
  double year_2014 = 0;
  for (int t = 4; t <= 13; ++t) year_2014 += participants[t * 2 + 1];
  EXPECT_DOUBLE_EQ(years.replications[1].at(1, 1, Summary::classroom_participants), year_2014);
  EXPECT_DOUBLE_EQ(years.replications[1].at(0, 0, Summary::firms_trained_total), trained[3 * 2 + 0]);
  EXPECT_DOUBLE_EQ(years.replications[1].total(0, Summary::firms_trained_total), trained[6] + trained[7]);
}

// The mean across replications recomputes a ratio from its parts' means.
TEST_F(Yearly, mean_ratio_comes_from_mean_parts) {
  const YearlySummaries years = yearly_summaries(ResultsFile(path));
  const auto& a = years.replications[0];
  const auto& b = years.replications[1];
  const double num =
      (a.total(1, Summary::revenue_recovered_usd) + b.total(1, Summary::revenue_recovered_usd)) / 2;
  const double den = (a.total(1, Summary::delivery_cost_usd) + b.total(1, Summary::delivery_cost_usd)) / 2;
  EXPECT_DOUBLE_EQ(years.mean.total(1, Summary::cost_recovery), num / den);
}

TEST_F(Yearly, info_prints_years_and_cost_recovery_by_country) {
  const ResultsFile file(path);
  const YearlySummaries years = yearly_summaries(file);
  const std::string text = describe_years(file.results(), years);
  char share[32];
  std::snprintf(share, sizeof share, "%.1f%%", 100 * years.mean.at(1, 0, Summary::cost_recovery));
  for (const std::string& expected :
       {std::string("by calendar year"), std::string("2013"), std::string("2014"), std::string("recovery %"),
        std::string("GH"), std::string(share)})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing '" << expected << "' in\n" << text;
}

}  // namespace
}  // namespace score::output
