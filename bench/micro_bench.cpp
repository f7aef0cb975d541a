// score-micro-bench: Google Benchmark micro-benchmarks of each process of
// the monthly step, of the population and network set-up, and of the HDF5
// results writer, and of the statistics across replications that end a run.
//
// A process cannot be run twice on the same month (it changes the state), so
// each iteration advances a live simulation of a synthetic programme by one
// month and the clock is read around the process of interest only (manual
// time). One benchmark run is a whole simulation: Iterations(months), so the
// mean covers every phase of the programme, quiet months and busy ones.
//
//   score-micro-bench --benchmark_filter=Process --benchmark_repetitions=3
//   arguments: /firms/threads (processes, set-up), /replications (writer),
//   /replications/cells (statistics, one thread)
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "measure.hpp"
#include "output/results_writer.hpp"
#include "output/statistics.hpp"
#include "profile.hpp"
#include "scenario/build.hpp"
#include "sim/population.hpp"
#include "sim/simulation.hpp"
#include "synthetic.hpp"

namespace score::bench {
namespace {

constexpr int kMonths = 264;
constexpr int kCountries = 15;

const model::Description& world(std::int64_t firms) {
  static std::map<std::int64_t, model::Description> cache;
  auto it = cache.find(firms);
  if (it == cache.end())
    it = cache.emplace(firms, synthetic_scenario({firms, kCountries, kMonths, 20090100, 1})).first;
  return it->second;
}

double seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

// One month per iteration; the clock covers process `process`, or the whole
// step when process < 0. Per-process shares of the step become counters.
void month(benchmark::State& st, int process) {
  const std::int64_t firms = st.range(0);
  const int threads = static_cast<int>(st.range(1));
  const model::Description& m = world(firms);
  tbb::task_arena arena(threads);
  std::unique_ptr<sim::Simulation> simulation;
  ProcessTimes total;
  for (auto _ : st) {
    arena.execute([&] {
      if (!simulation || simulation->finished()) simulation = std::make_unique<sim::Simulation>(m, 0);
      ProcessTimes one;
      timed_step(*simulation, one);
      st.SetIterationTime(process < 0 ? one.step_total() : one.seconds[static_cast<std::size_t>(process)]);
      total += one;
    });
  }
  st.SetItemsProcessed(st.iterations() * firms);  // firm-months per second
  if (process < 0)
    for (int k = 0; k < kStepProcesses; ++k)
      st.counters[std::string("share_") + process_names()[static_cast<std::size_t>(k)]] =
          total.seconds[static_cast<std::size_t>(k)] / total.step_total();
}

void population(benchmark::State& st, bool networks) {
  const std::int64_t firms = st.range(0);
  const model::Description& m = world(firms);
  tbb::task_arena arena(static_cast<int>(st.range(1)));
  for (auto _ : st) {
    arena.execute([&] {
      sim::State s(m, 0);
      const auto t0 = std::chrono::steady_clock::now();
      sim::create_population(s);
      const auto t1 = std::chrono::steady_clock::now();
      if (networks) sim::create_networks(s);
      const auto t2 = std::chrono::steady_clock::now();
      st.SetIterationTime(networks ? seconds(t2 - t1) : seconds(t1 - t0));
    });
  }
  st.SetItemsProcessed(st.iterations() * firms);
}

// The results file of `replications` replications of a 15-country, 264-month run.
void writer(benchmark::State& st) {
  const int reps = static_cast<int>(st.range(0));
  static const RunResult run = run_single(world(20'000), 0, 1);
  model::Description m = world(20'000);
  m.replications = reps;
  const output::RunInfo info = run_info_for(m);
  const auto dir =
      std::filesystem::temp_directory_path() / ("score-micro-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (auto _ : st) {
    output::ResultsWriter w(dir / "results.h5", info);
    for (int r = 0; r < reps; ++r) w.write(r, run.series, run.summary);
    w.finish();
  }
  std::filesystem::remove_all(dir);
  std::size_t values = 0;
  for (int k = 0; k < sim::kMetrics; ++k) values += run.series.values(static_cast<sim::Metric>(k)).size();
  st.SetItemsProcessed(st.iterations() * reps);  // replications per second
  st.SetBytesProcessed(st.iterations() * reps * static_cast<std::int64_t>(values * sizeof(double)));
}

// A results file's statistics: mean and percentiles of each cell across
// replications, on one thread. `network` = false times each cell through
// output::sample_statistics, the path of cells holding a NaN, to compare.
void statistics(benchmark::State& st, bool network) {
  const auto reps = static_cast<std::size_t>(st.range(0));
  const auto cells = static_cast<std::size_t>(st.range(1));
  std::vector<double> block(reps * cells), out(cells * static_cast<std::size_t>(output::kStatistics)), sample;
  std::uint64_t state = 7;
  for (double& v : block) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    v = static_cast<double>(state >> 44) * 0.5;  // spread values, a few ties
  }
  tbb::task_arena one(1);
  for (auto _ : st) {
    if (network) {
      one.execute([&] { output::block_statistics(block, reps, out); });
    } else {
      for (std::size_t c = 0; c < cells; ++c) {
        sample.clear();
        for (std::size_t r = 0; r < reps; ++r) sample.push_back(block[r * cells + c]);
        benchmark::DoNotOptimize(output::sample_statistics(sample));
      }
    }
    benchmark::ClobberMemory();
  }
  st.SetItemsProcessed(st.iterations() * static_cast<std::int64_t>(cells));  // cells per second
}

// The same on what a results file of the history holds: every metric of 20
// replications of scenarios/history.toml, one block per metric. Unlike the
// spread values above, most of its cells (months before a country starts,
// budgets, stocks no draw moved) hold one value in every replication.
void history_statistics(benchmark::State& st) {
  static const std::vector<std::vector<double>> blocks = [] {
    const auto sc = scenario::load_scenario(std::string(SCORE_SOURCE_DIR) + "/scenarios/history.toml");
    constexpr std::uint32_t kReps = 20;
    std::vector<RunResult> runs;
    for (std::uint32_t r = 0; r < kReps; ++r) runs.push_back(run_single(sc.model, r, 1));
    std::vector<std::vector<double>> out;
    for (int k = 0; k < sim::kMetrics; ++k) {
      std::vector<double> block;
      for (const RunResult& run : runs) {
        const auto v = run.series.values(static_cast<sim::Metric>(k));
        block.insert(block.end(), v.begin(), v.end());
      }
      out.push_back(std::move(block));
    }
    return out;
  }();
  constexpr std::size_t kReps = 20;
  std::vector<std::vector<double>> stats;
  std::vector<output::StatisticsBlock> work;
  std::size_t cells = 0;
  stats.reserve(blocks.size());  // the blocks' spans point into it
  for (const auto& b : blocks) {
    stats.emplace_back(b.size() / kReps * output::kStatistics);
    work.push_back({b, stats.back()});
    cells += b.size() / kReps;
  }
  tbb::task_arena one(1);
  for (auto _ : st) {
    one.execute([&] { output::blocks_statistics(work, kReps); });
    benchmark::ClobberMemory();
  }
  st.SetItemsProcessed(st.iterations() * static_cast<std::int64_t>(cells));  // cells per second
}

void firms_and_threads(benchmark::internal::Benchmark* b) {
  for (std::int64_t firms : {100'000, 1'000'000})
    for (int threads : {1, 2}) b->Args({firms, threads});
  b->ArgNames({"firms", "threads"});
}

void register_all() {
  benchmark::RegisterBenchmark("Step", [](benchmark::State& st) { month(st, -1); })
      ->Apply(firms_and_threads)
      ->Iterations(kMonths)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  for (int k = 0; k < kStepProcesses; ++k)
    benchmark::RegisterBenchmark(
        (std::string("Process/") + process_names()[static_cast<std::size_t>(k)]).c_str(),
        [k](benchmark::State& st) { month(st, k); })
        ->Apply(firms_and_threads)
        ->Iterations(kMonths)
        ->UseManualTime()
        ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Setup/create_population", [](benchmark::State& st) { population(st, false); })
      ->Apply(firms_and_threads)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("Setup/create_networks", [](benchmark::State& st) { population(st, true); })
      ->Apply(firms_and_threads)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("ResultsWriter", writer)
      ->Arg(1)
      ->Arg(20)
      ->ArgName("replications")
      ->Unit(benchmark::kMillisecond);
  // A history results file holds about 330,000 cells a replication.
  for (const bool network : {true, false})
    benchmark::RegisterBenchmark(network ? "Statistics/network" : "Statistics/cell_by_cell",
                                 [network](benchmark::State& st) { statistics(st, network); })
        ->Args({20, 330'000})
        ->Args({100, 330'000})
        ->Args({250, 33'000})
        ->ArgNames({"replications", "cells"})
        ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("Statistics/history", history_statistics)->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace score::bench

int main(int argc, char** argv) {
  const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(std::max(2, tbb::info::default_concurrency())));
  score::bench::register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
