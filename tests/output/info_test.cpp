// `score info`: the description names the run and shows the headline figures.
#include "output/info.hpp"

#include <gtest/gtest.h>

#include "output/statistics.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

TEST(output_info, describes_run_variables_and_headlines) {
  const auto path = testing::scratch_dir("info") / "run.h5";
  testing::write_run(path, testing::small_run(3));
  const Results results = read_results(path);
  const std::string text = describe(results);
  for (const std::string& expected : std::vector<std::string>{
           "synthetic", std::string(64, 'a'), "0.1.0-test", "18446744073709551557", "replications  3",
           "2013-09 to 2014-10 (14 months)", "GH (Ghana)", "P1", "Pilot", "2014-03 to 2014-10",
           "firms_trained_total", "module_deliveries [module]", "USD month-1", "mean, p05, p50, p95",
           "workers cum.", "recovery %", "donor USD/firm"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing '" << expected << "' in\n" << text;

  // The P1 deliveries column is the mean over replications of the all-country total.
  std::vector<double> deliveries;
  for (const auto& s : results.phase_summaries)
    deliveries.push_back(s.total(0, sim::Summary::module_deliveries));
  const double mean = sample_statistics(deliveries)[0];
  char expected[32];
  std::snprintf(expected, sizeof expected, "%.0f", mean);
  std::string grouped;
  const std::string digits = expected;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  EXPECT_NE(text.find(grouped), std::string::npos) << grouped << " in\n" << text;
}

}  // namespace
}  // namespace score::output
