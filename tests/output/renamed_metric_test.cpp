// Results files written before a metric was renamed hold it under its old
// name (`smes_trained`, now `firms_trained_total`). The reader finds it by
// either name, so the commands that read such a file (yearly summaries,
// charts, calibration checks) keep working.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <string>
#include <vector>

#include "output/results_reader.hpp"
#include "output/yearly.hpp"
#include "sim/metric_names.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

// Gives a dataset of the file another name, as an older engine wrote it.
void rename_dataset(const std::filesystem::path& path, const char* from, const char* to) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  EXPECT_GE(H5Lmove(file, from, file, to, H5P_DEFAULT, H5P_DEFAULT), 0) << from;
  H5Fclose(file);
}

class RenamedMetric : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = testing::scratch_dir("renamed_metric");
    now = dir / "now.h5";
    before = dir / "before.h5";
    testing::write_run(now, testing::small_run(3));
    std::filesystem::copy_file(now, before);
    rename_dataset(before, "firms_trained_total", "smes_trained");
    rename_dataset(before, "firms_trained_total_stats", "smes_trained_stats");
  }
  std::filesystem::path now, before;
};

TEST_F(RenamedMetric, an_old_file_answers_to_the_new_name) {
  const ResultsFile old_file(before), new_file(now);
  const MetricEntry* entry = old_file.results().find_metric("firms_trained_total");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->name, "smes_trained") << "the entry keeps the file's own name";
  EXPECT_EQ(old_file.metric("firms_trained_total", 1), new_file.metric("firms_trained_total", 1));
  EXPECT_EQ(old_file.metric_statistic("firms_trained_total", Statistic::p95),
            new_file.metric_statistic("firms_trained_total", Statistic::p95));
}

std::vector<std::string> heard;
void hear(const std::string& message) { heard.push_back(message); }

TEST_F(RenamedMetric, reading_an_old_file_says_once_that_the_name_is_deprecated) {
  heard.clear();
  sim::on_old_metric_name(&hear);
  const ResultsFile old_file(before), again(before), new_file(now);
  sim::on_old_metric_name(nullptr);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_NE(
      heard[0].find(before.string() + ": 'smes_trained' is deprecated, now called 'firms_trained_total'"),
      std::string::npos)
      << heard[0];
}

TEST_F(RenamedMetric, a_new_file_answers_to_the_old_name) {
  const ResultsFile file(now);
  EXPECT_EQ(file.metric("smes_trained", 2), file.metric("firms_trained_total", 2));
  EXPECT_THROW(file.metric("smes_trainee", 0), std::runtime_error);
}

TEST_F(RenamedMetric, yearly_summaries_of_an_old_file_are_those_of_a_new_one) {
  const YearlySummaries old_years = yearly_summaries(ResultsFile(before));
  const YearlySummaries new_years = yearly_summaries(ResultsFile(now));
  const double trained = new_years.replications[1].total(0, sim::Summary::firms_trained_total);
  EXPECT_GT(trained, 0);
  EXPECT_EQ(old_years.replications[1].total(0, sim::Summary::firms_trained_total), trained);
}

}  // namespace
}  // namespace score::output
