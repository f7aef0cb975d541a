// What score-bench relies on: the synthetic programmes have the shape they
// claim, a profiled run is the same run, and results do not depend on the
// thread count. Nothing here is timed.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <filesystem>

#include "measure.hpp"
#include "synthetic.hpp"

namespace score::bench {
namespace {

TEST(BenchSynthetic, PopulationPhasesAndFundersHaveTheRequestedShape) {
  for (const SyntheticSize size : {SyntheticSize{20'000, 3, 60}, SyntheticSize{1'000'003, 15, 264},
                                   SyntheticSize{7, 1, 3}, SyntheticSize{50'000, 40, 12}}) {
    const model::Description m = synthetic_scenario(size);
    EXPECT_EQ(m.total_firms(), size.firms);
    EXPECT_EQ(static_cast<int>(m.countries.size()), size.countries);
    EXPECT_EQ(m.steps, size.months);
    ASSERT_FALSE(m.phases.empty());
    int next = 0;
    for (const model::Phase& p : m.phases) {
      EXPECT_EQ(p.first_step, next);
      EXPECT_LE(p.first_step, p.last_step);
      next = p.last_step + 1;
      ASSERT_EQ(static_cast<int>(p.plans.size()), size.countries);
      EXPECT_TRUE(p.plans.front().active) << "the largest country is in every phase";
    }
    EXPECT_EQ(next, size.months) << "phases cover the run";
    for (const model::Funder& f : m.funders) EXPECT_EQ(f.budget.size(), m.phases.size());
  }
  EXPECT_EQ(named_size("large")->firms, 1'000'000);
  EXPECT_EQ(named_size("huge")->firms, 10'000'000);
  EXPECT_FALSE(named_size("medium"));
}

TEST(BenchSynthetic, TheProgrammeReachesAFewPerCentOfFirms) {
  const model::Description m = synthetic_scenario({20'000, 3, 120});
  const RunResult r = run_single(m, 0, 1);
  const double trained = static_cast<double>(r.trained) / 20'000;
  EXPECT_GT(trained, 0.002);
  EXPECT_LT(trained, 0.2);
  EXPECT_GT(r.final_states[0], 10'000) << "most firms never hear of SCORE: the active set is small";
}

TEST(BenchProfile, ATimedRunIsTheSameRun) {
  const model::Description m = synthetic_scenario({20'000, 3, 60});
  ProcessTimes times;
  const RunResult plain = run_single(m, 0, 2), timed = run_single(m, 0, 2, &times);
  EXPECT_TRUE(bit_identical(plain.series, timed.series));
  EXPECT_EQ(fingerprint(plain.series, plain.summary), fingerprint(timed.series, timed.summary));
  EXPECT_EQ(times.months, 60);
  EXPECT_GT(times.step_total(), 0);
  EXPECT_GT(times.setup_s, 0);
}

TEST(BenchIdentity, OneThreeAndEightThreadsGiveTheSameBitsInRunsAndBatches) {
  const tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 8);
  model::Description m = synthetic_scenario({30'000, 4, 48});
  m.replications = 3;
  const RunResult one = run_single(m, 0, 1);
  for (int threads : {3, 8})
    EXPECT_TRUE(bit_identical(one.series, run_single(m, 0, threads).series)) << threads;
  const output::RunInfo info = run_info_for(m);
  const BatchResult serial = run_batch(m, 1, std::nullopt, info);
  const auto file = std::filesystem::path(SCORE_BINARY_DIR) / "tests" / "bench_identity_batch.h5";
  const BatchResult parallel = run_batch(m, 3, file, info);
  EXPECT_EQ(serial.fingerprints, parallel.fingerprints);
  EXPECT_EQ(serial.fingerprints.front(), fingerprint(one.series, one.summary));
  EXPECT_NE(serial.fingerprints[0], serial.fingerprints[1]) << "replications differ";
  EXPECT_GT(parallel.output_s, 0);
  EXPECT_FALSE(std::filesystem::exists(file)) << "the benchmark cleans up its results file";
}

TEST(BenchMeasure, StreamAndMemoryFiguresAreSane) {
  // No floor on the bandwidth: the figure depends on the machine and its
  // load, and a test must not time anything. Only its form is checked.
  const StreamResult s = stream_triad(2, 1 << 20, 2);
  EXPECT_GT(s.triad_bytes_per_s, 0);
  EXPECT_TRUE(std::isfinite(s.triad_bytes_per_s));
  EXPECT_EQ(s.threads, 2);
  EXPECT_EQ(s.array_bytes, std::size_t{1} << 20);
  EXPECT_GT(peak_rss_bytes(), 0);
  EXPECT_GT(current_rss_bytes(), 0);
  EXPECT_LE(current_rss_bytes(), peak_rss_bytes() + (1 << 20));
  RunResult run;
  run.state_bytes = 1000;
  run.listed_firm_months = 10;
  EXPECT_DOUBLE_EQ(model_bytes(run), 1080);
  EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2);
  EXPECT_DOUBLE_EQ(median({4, 1, 2, 3}), 2.5);
}

}  // namespace
}  // namespace score::bench
