// The writer's file: values, layout, metadata, statistics, and its promises
// about the target name (never partial, replaced only when complete).
#include "output/results_writer.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

#include "output/format.hpp"
#include "output/results_reader.hpp"
#include "support/file_size_limit.hpp"
#include "support/thrown.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

using testing::scratch_dir;
using testing::small_run;
using testing::synthetic_series;
using testing::synthetic_summary;
using testing::write_run;

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

TEST(output_writer, round_trip_preserves_every_value) {
  const auto path = scratch_dir("round_trip") / "run.h5";
  const RunInfo info = small_run(3);
  write_run(path, info);

  const ResultsFile file(path);
  const Results& results = file.results();
  EXPECT_EQ(results.info.scenario_name, info.scenario_name);
  EXPECT_EQ(results.info.scenario_toml, info.scenario_toml);
  EXPECT_EQ(results.info.scenario_sha256, info.scenario_sha256);
  EXPECT_EQ(results.info.engine_version, info.engine_version);
  EXPECT_EQ(results.info.seed, info.seed);
  EXPECT_EQ(results.info.replications, 3);
  EXPECT_EQ(results.info.start, info.start);
  EXPECT_EQ(results.info.steps, info.steps);
  EXPECT_EQ(results.info.country_ids, info.country_ids);
  EXPECT_EQ(results.info.country_names, info.country_names);
  ASSERT_EQ(results.info.phases.size(), info.phases.size());
  for (std::size_t p = 0; p < info.phases.size(); ++p) {
    EXPECT_EQ(results.info.phases[p].id, info.phases[p].id);
    EXPECT_EQ(results.info.phases[p].name, info.phases[p].name);
    EXPECT_EQ(results.info.phases[p].first_step, info.phases[p].first_step);
    EXPECT_EQ(results.info.phases[p].last_step, info.phases[p].last_step);
  }

  ASSERT_EQ(results.metrics.size(), static_cast<std::size_t>(sim::kMetrics));
  for (int m = 0; m < sim::kMetrics; ++m) {
    const auto& expected = sim::metric_catalogue()[m];
    const auto& entry = results.metrics[static_cast<std::size_t>(m)];
    EXPECT_EQ(entry.name, expected.name);
    EXPECT_EQ(entry.units, expected.units);
    EXPECT_EQ(entry.long_name, expected.long_name);
    EXPECT_EQ(entry.axis, sim::axis_name(expected.axis));
    EXPECT_EQ(entry.axis_labels, sim::axis_labels(expected.axis));
  }
  for (int m = 0; m < sim::kMetrics; ++m) {
    const sim::Kind kind = sim::metric_catalogue()[m].kind;
    EXPECT_EQ(results.metrics[static_cast<std::size_t>(m)].kind, kind == sim::Kind::flow    ? "flow"
                                                                 : kind == sim::Kind::stock ? "stock"
                                                                                            : "ratio");
  }

  for (int r = 0; r < info.replications; ++r) {
    const auto series = synthetic_series(info, r);
    for (int m = 0; m < sim::kMetrics; ++m) {
      const auto metric = static_cast<sim::Metric>(m);
      const auto expected = series.values(metric);
      const auto actual = file.metric(sim::info(metric).name, r);
      ASSERT_EQ(actual.size(), expected.size());
      for (std::size_t i = 0; i < actual.size(); ++i)
        ASSERT_TRUE(same(actual[i], expected[i])) << sim::info(metric).name << " r" << r << " i" << i;
    }
    const auto summary = synthetic_summary(info, series);
    const auto& actual = results.phase_summaries[static_cast<std::size_t>(r)].values();
    ASSERT_EQ(actual.size(), summary.values().size());
    for (std::size_t i = 0; i < actual.size(); ++i) ASSERT_TRUE(same(actual[i], summary.values()[i])) << i;
  }
  EXPECT_EQ(read_metric(path, "savings_usd", 2), file.metric("savings_usd", 2));
}

TEST(output_writer, single_replication_has_no_statistics) {
  const auto path = scratch_dir("single") / "run.h5";
  write_run(path, small_run(1));
  const ResultsFile file(path);
  EXPECT_FALSE(file.results().has_statistics);
  EXPECT_TRUE(file.results().phase_statistics.empty());
  EXPECT_EQ(std::count(file.results().variables.begin(), file.results().variables.end(), "statistic"), 0);
  EXPECT_THROW(file.metric_statistic("firms_trained_total", Statistic::mean), std::runtime_error);
}

// An independent reading of "NaN skipped, linear between closest ranks".
std::array<double, kStatistics> expected_statistics(std::vector<double> sample) {
  std::erase_if(sample, [](double v) { return std::isnan(v); });
  const double nan = std::nan("");
  if (sample.empty()) return {nan, nan, nan, nan};
  std::sort(sample.begin(), sample.end());
  double sum = 0;
  for (double v : sample) sum += v;
  auto quantile = [&](double q) {
    const double h = (static_cast<double>(sample.size()) - 1) * q;
    const auto lo = static_cast<std::size_t>(h);
    const std::size_t hi = std::min(lo + 1, sample.size() - 1);
    return sample[lo] + (h - static_cast<double>(lo)) * (sample[hi] - sample[lo]);
  };
  return {sum / static_cast<double>(sample.size()), quantile(0.05), quantile(0.5), quantile(0.95)};
}

void expect_close(double actual, double expected, const std::string& where) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << where;
  } else {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::fabs(expected))) << where;
  }
}

TEST(output_writer, statistics_match_values_computed_here) {
  const auto path = scratch_dir("statistics") / "run.h5";
  const RunInfo info = small_run(5);
  write_run(path, info);
  const ResultsFile file(path);
  ASSERT_TRUE(file.results().has_statistics);
  // The deviation is a sweep file's statistic only: asked of a results file, an error.
  EXPECT_THROW(file.metric_statistic("firms_trained_total", Statistic::sd), std::runtime_error);

  std::vector<sim::Series> runs;
  for (int r = 0; r < info.replications; ++r) runs.push_back(synthetic_series(info, r));
  int all_nan = 0, some_nan = 0;
  for (int m = 0; m < sim::kMetrics; ++m) {
    const auto metric = static_cast<sim::Metric>(m);
    std::array<std::vector<double>, kStatistics> stored;
    for (int s = 0; s < kStatistics; ++s)
      stored[static_cast<std::size_t>(s)] =
          file.metric_statistic(sim::info(metric).name, kStoredStatistics[static_cast<std::size_t>(s)]);
    for (std::size_t i = 0; i < runs[0].values(metric).size(); ++i) {
      std::vector<double> sample;
      for (const auto& run : runs) sample.push_back(run.values(metric)[i]);
      const auto nans = std::count_if(sample.begin(), sample.end(), [](double v) { return std::isnan(v); });
      all_nan += nans == info.replications;
      some_nan += nans > 0 && nans < info.replications;
      const auto expected = expected_statistics(sample);
      for (std::size_t s = 0; s < kStatistics; ++s)
        expect_close(stored[s][i], expected[s],
                     std::string(sim::info(metric).name) + " cell " + std::to_string(i));
    }
  }
  EXPECT_GT(all_nan, 0);  // the test covered both kinds of NaN cells
  EXPECT_GT(some_nan, 0);

  const auto& results = file.results();
  ASSERT_EQ(results.phase_statistics.size(), static_cast<std::size_t>(kStatistics));
  for (std::size_t i = 0; i < results.phase_summaries[0].values().size(); ++i) {
    std::vector<double> sample;
    for (const auto& summary : results.phase_summaries) sample.push_back(summary.values()[i]);
    const auto expected = expected_statistics(sample);
    for (std::size_t s = 0; s < kStatistics; ++s)
      expect_close(results.phase_statistics[s].values()[i], expected[s],
                   "summary value " + std::to_string(i));
  }
}

// Every metric's replications and statistics, and the phase summaries'
// statistics, read back, in one list.
std::vector<double> every_value(const std::filesystem::path& path) {
  const ResultsFile file(path);
  std::vector<double> all;
  for (const auto& statistic : file.results().phase_statistics)
    all.insert(all.end(), statistic.values().begin(), statistic.values().end());
  for (int m = 0; m < sim::kMetrics; ++m) {
    const std::string name = sim::info(static_cast<sim::Metric>(m)).name;
    for (int r = 0; r < file.results().info.replications; ++r) {
      const auto v = file.metric(name, r);
      all.insert(all.end(), v.begin(), v.end());
    }
    for (int s = 0; s < kStatistics; ++s) {
      const auto v = file.metric_statistic(name, kStoredStatistics[static_cast<std::size_t>(s)]);
      all.insert(all.end(), v.begin(), v.end());
    }
  }
  return all;
}

bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same);
}

// However much the statistics read back at once, the file is the same. The
// small run's metrics hold 196, 980 or 1,176 values and its phase summaries
// 28 or 14: one group of everything; groups of a few metrics; groups of the
// small metrics with the larger ones read between them a block at a time
// while a group is summarised; every metric and summary in blocks; and one
// cell at a time.
TEST(output_writer, statistics_are_the_same_whatever_their_memory) {
  const auto dir = scratch_dir("grouped");
  const RunInfo info = small_run(7);
  write_run(dir / "one_group.h5", info, {.statistics_memory_values = std::int64_t{1} << 30});
  const auto one = every_value(dir / "one_group.h5");
  ASSERT_FALSE(one.empty());
  for (const std::int64_t budget : {3000, 1000, 400, 20, 0}) {
    const auto file = dir / ("budget_" + std::to_string(budget) + ".h5");
    write_run(file, info, {.statistics_memory_values = budget});
    EXPECT_TRUE(same_values(one, every_value(file))) << "statistics_memory_values = " << budget;
  }
}

TEST(output_writer, compression_changes_the_size_not_the_values) {
  const auto dir = scratch_dir("deflate");
  const RunInfo info = small_run(4, 240);
  write_run(dir / "plain.h5", info);
  write_run(dir / "deflated.h5", info, {.deflate_level = 6});
  EXPECT_TRUE(same_values(every_value(dir / "plain.h5"), every_value(dir / "deflated.h5")));
  EXPECT_LT(std::filesystem::file_size(dir / "deflated.h5"), std::filesystem::file_size(dir / "plain.h5"));
  EXPECT_THROW(ResultsWriter(dir / "bad.h5", info, {.deflate_level = 10}), std::invalid_argument);
  EXPECT_THROW(ResultsWriter(dir / "bad.h5", info, {.deflate_level = -1}), std::invalid_argument);
}

TEST(output_writer, destroying_without_finish_leaves_no_file) {
  const auto dir = scratch_dir("abandoned");
  const RunInfo info = small_run(3);
  {
    ResultsWriter writer(dir / "run.h5", info);
    const auto series = synthetic_series(info, 1);
    writer.write(1, series, synthetic_summary(info, series));
    EXPECT_TRUE(std::filesystem::exists(writer.temporary_path()));
    EXPECT_EQ(writer.temporary_path().parent_path(), dir);
    EXPECT_FALSE(std::filesystem::exists(dir / "run.h5"));
  }
  EXPECT_EQ(entries(dir), 0u);
}

TEST(output_writer, failed_or_abandoned_write_keeps_existing_target) {
  const auto dir = scratch_dir("keep_target");
  const auto path = dir / "run.h5";
  std::ofstream(path) << "previous results";
  const RunInfo info = small_run(3);
  {
    ResultsWriter writer(path, info);
    const auto series = synthetic_series(info, 0);
    writer.write(0, series, synthetic_summary(info, series));
  }
  EXPECT_EQ(slurp(path), "previous results");
  {
    ResultsWriter writer(path, info);
    const auto series = synthetic_series(info, 0);
    writer.write(0, series, synthetic_summary(info, series));
    try {
      writer.finish();
      FAIL() << "finish() with replications missing must throw";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("replication 1"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(slurp(path), "previous results");
  EXPECT_EQ(entries(dir), 1u);
  write_run(path, info);  // a complete run does replace it
  EXPECT_EQ(ResultsFile(path).results().info.replications, 3);
  EXPECT_EQ(entries(dir), 1u);
}

TEST(output_writer, concurrent_writes_match_sequential) {
  const auto dir = scratch_dir("concurrent");
  const RunInfo info = small_run(8, 30);
  write_run(dir / "sequential.h5", info);
  {
    ResultsWriter writer(dir / "parallel.h5", info);
    std::vector<std::thread> threads;
    for (int k = 0; k < 4; ++k)
      threads.emplace_back([&, k] {
        for (int r : {k + 4, k}) {  // out of order on purpose
          const auto series = synthetic_series(info, r);
          writer.write(r, series, synthetic_summary(info, series));
        }
      });
    for (auto& t : threads) t.join();
    writer.finish();
  }
  const ResultsFile a(dir / "sequential.h5"), b(dir / "parallel.h5");
  EXPECT_EQ(a.results().variables, b.results().variables);
  for (const auto& metric : a.results().metrics) {
    for (int r = 0; r < info.replications; ++r) {
      const auto x = a.metric(metric.name, r), y = b.metric(metric.name, r);
      ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end(), same)) << metric.name << " r" << r;
    }
    for (int s = 0; s < kStatistics; ++s) {
      const auto x = a.metric_statistic(metric.name, kStoredStatistics[static_cast<std::size_t>(s)]);
      const auto y = b.metric_statistic(metric.name, kStoredStatistics[static_cast<std::size_t>(s)]);
      ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end(), same))
          << metric.name << " statistic " << s;
    }
  }
  for (std::size_t r = 0; r < a.results().phase_summaries.size(); ++r) {
    const auto& x = a.results().phase_summaries[r].values();
    const auto& y = b.results().phase_summaries[r].values();
    ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end(), same)) << "summary r" << r;
  }
}

// Replications finish on several threads: after one write fails (here on a
// file-size limit, as on a full disk), every later write and finish() must
// give that same error naming the file, whichever thread's error the run
// reports, and the target must stay as it was.
TEST(output_writer, every_call_after_a_failed_write_repeats_its_error) {
  const auto dir = scratch_dir("failed_write");
  const auto path = dir / "run.h5";
  std::ofstream(path) << "previous results";
  const RunInfo info = small_run(40, 600);
  ResultsWriter writer(path, info);
  std::string first;
  {
    const score_test::FileSizeLimit limit(std::filesystem::file_size(writer.temporary_path()) + 4096);
    for (int r = 0; r < info.replications && first.empty(); ++r) {
      const auto series = synthetic_series(info, r);
      first = score_test::runtime_error_of([&] { writer.write(r, series, synthetic_summary(info, series)); });
    }
  }
  ASSERT_FALSE(first.empty()) << "no write failed past the file-size limit";
  EXPECT_NE(first.find("cannot write results file '" + path.string() + "'"), std::string::npos) << first;
  const auto series = synthetic_series(info, info.replications - 1);
  const auto summary = synthetic_summary(info, series);
  for (int attempt = 0; attempt < 2; ++attempt)
    EXPECT_EQ(score_test::runtime_error_of([&] { writer.write(info.replications - 1, series, summary); }),
              first)
        << "a write after a failed one must throw its error";
  EXPECT_EQ(score_test::runtime_error_of([&] { writer.finish(); }), first)
      << "finish() after a failed write must throw its error";
  EXPECT_EQ(slurp(path), "previous results");
}

TEST(output_writer, creates_missing_directories) {
  const auto path = scratch_dir("nested") / "a" / "b" / "run.h5";
  write_run(path, small_run(2));
  EXPECT_TRUE(std::filesystem::is_regular_file(path));
}

TEST(output_writer, rejects_misuse) {
  const auto dir = scratch_dir("misuse");
  RunInfo info = small_run(2);
  ResultsWriter writer(dir / "run.h5", info);
  const auto series = synthetic_series(info, 0);
  const auto summary = synthetic_summary(info, series);
  EXPECT_THROW(writer.write(2, series, summary), std::invalid_argument);
  EXPECT_THROW(writer.write(-1, series, summary), std::invalid_argument);
  const sim::Series short_series(info.steps - 1, 2);
  EXPECT_THROW(writer.write(0, short_series, summary), std::invalid_argument);
  writer.write(0, series, summary);
  EXPECT_THROW(writer.write(0, series, summary), std::invalid_argument);

  info.phases.clear();
  EXPECT_THROW(ResultsWriter(dir / "bad.h5", info), std::invalid_argument);
  EXPECT_THROW(ResultsWriter(dir, small_run(2)), std::invalid_argument);  // a directory path names no file
}

TEST(output_writer, unwritable_target_is_reported_with_its_path) {
  const auto dir = scratch_dir("unwritable");
  std::ofstream(dir / "plain_file") << "x";
  const auto path = dir / "plain_file" / "run.h5";  // its "directory" is a file
  try {
    ResultsWriter writer(path, small_run(1));
    FAIL() << "expected a failure";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
}

TEST(output_writer, large_scenario_text_survives) {
  const auto path = scratch_dir("large_toml") / "run.h5";
  RunInfo info = small_run(1);
  info.scenario_toml.clear();
  for (int i = 0; i < 20'000; ++i) info.scenario_toml += "# line " + std::to_string(i) + " é\n";
  ASSERT_GT(info.scenario_toml.size(), 200'000u);
  write_run(path, info);
  EXPECT_EQ(read_results(path).info.scenario_toml, info.scenario_toml);
}

}  // namespace
}  // namespace score::output
