// score-bench: the macro benchmark. Runs one configuration and prints its
// figures on one line of key=value pairs (bench/run.py turns several such
// lines into the table of docs/performance.md).
//
//   score-bench --firms N --countries C --months M --threads T [--reps R] [--repeat K]
//   score-bench --config small|large|huge --threads T ...
//   score-bench --history [--scenario FILE] --runs N --threads T
//   score-bench ... --check-identity     exit 1 unless 1 and T threads give the same bits
//
// Every figure that is a time is the median of --repeat runs. Results are
// compared bit for bit between 1 and T threads as the benchmark runs
// (identical=yes|no). Peak memory is the process's getrusage peak, read
// after the single runs and before the batch and STREAM allocate more: run
// one configuration per process for a clean figure.
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>

#include "measure.hpp"
#include "scenario/build.hpp"
#include "scenario/diagnostic.hpp"
#include "scenario/resolved.hpp"
#include "synthetic.hpp"

namespace score::bench {
namespace {

struct Args {
  std::string config;
  std::int64_t firms = 100'000;
  int countries = 15;
  int months = 264;
  std::uint64_t seed = 0;  // 0: the configuration's fixed seed
  int threads = 0;         // 0: all cores
  int reps = -1;           // batch size; -1: 2 x threads; 0: no batch
  int repeat = 1;
  bool check_identity = false;
  bool profile = false;
  bool stream = true;
  std::size_t stream_mib = 512;
  int stream_trials = 10;
  bool write_output = true;
  bool history = false;
  std::string scenario = std::string(SCORE_SOURCE_DIR) + "/scenarios/history.toml";
  int runs = 40;
  std::string out_dir;
};

// What output costs a batch: the share of its wall time that the same batch
// without a results file does not spend. Time inside the writer would
// overstate it, as the other threads go on simulating meanwhile.
double output_cost(double wall_with_output, double wall_without) {
  return std::max(0.0, 1.0 - wall_without / wall_with_output);
}

// key=value pairs on one line, in the order they are added.
class Line {
 public:
  template <class T>
  void add(const std::string& key, const T& value) {
    std::ostringstream s;
    s << value;
    items_.push_back(key + "=" + s.str());
  }
  void real(const std::string& key, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    items_.push_back(key + "=" + buffer);
  }
  void hex(const std::string& key, std::uint64_t value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%016" PRIx64, value);
    items_.push_back(key + "=" + buffer);
  }
  std::string str() const {
    std::string out;
    for (const auto& item : items_) out += (out.empty() ? "" : " ") + item;
    return out;
  }

 private:
  std::vector<std::string> items_;
};

std::filesystem::path scratch_dir(const Args& args) {
  std::filesystem::path dir = args.out_dir.empty() ? std::filesystem::temp_directory_path() /
                                                         ("score-bench-" + std::to_string(::getpid()))
                                                   : std::filesystem::path(args.out_dir);
  std::filesystem::create_directories(dir);
  return dir;
}

int run_configuration(const Args& args, int threads) {
  SyntheticSize size;
  if (!args.config.empty()) {
    const auto named = named_size(args.config);
    if (!named) {
      std::cerr << "score-bench: unknown configuration '" << args.config << "' (small, large, huge)\n";
      return 2;
    }
    size = *named;
  } else {
    size = {args.firms, args.countries, args.months, 20090100, 1};
  }
  if (args.seed) size.seed = args.seed;
  const int reps = args.reps >= 0 ? args.reps : 2 * threads;
  size.replications = std::max(1, reps);
  const model::Description model = synthetic_scenario(size);
  const auto firms = static_cast<double>(model.total_firms());
  const double enterprise_months = firms * model.steps;
  // With one thread there is no speed-up to measure, but identity is still
  // checked, against two threads.
  const int other = threads == 1 ? 2 : 1;
  const bool quick = args.check_identity;  // identity only: no output writing, no STREAM
  const std::int64_t baseline_rss = current_rss_bytes();

  Line line;
  line.add("config", args.config.empty() ? std::string("custom") : args.config);
  line.add("firms", model.total_firms());
  line.add("countries", model.countries.size());
  line.add("months", model.steps);
  line.add("threads", threads);
  line.add("seed", model.seed);
  line.add("repeat", args.repeat);

  // 1. One replication on T threads, then on `other`, interleaved so that
  //    background load hits both alike.
  std::vector<double> wall, setup, step, wall_other;
  RunResult run, run_other;
  for (int k = 0; k < args.repeat; ++k) {
    run = run_single(model, 0, threads);
    wall.push_back(run.wall_s());
    setup.push_back(run.setup_s);
    step.push_back(run.step_s);
    run_other = run_single(model, 0, other);
    wall_other.push_back(run_other.wall_s());
  }
  // Bits, not values: NaN ratios (no deliveries yet) must match too.
  bool identical = bit_identical(run.series, run_other.series) &&
                   fingerprint(run.series, run.summary) == fingerprint(run_other.series, run_other.summary);
  const std::uint64_t run_fingerprint = fingerprint(run.series, run.summary);

  ProcessTimes profile;
  if (args.profile) run_single(model, 0, threads, &profile);
  const std::int64_t peak_rss = peak_rss_bytes();

  const double wall_s = median(wall), step_s = median(step);
  line.real("wall_s", wall_s);
  line.real("setup_s", median(setup));
  line.real("step_s", step_s);
  line.real("enterprise_months_per_s", enterprise_months / wall_s);
  if (threads > 1) {
    line.real("wall_1t_s", median(wall_other));
    line.real("speedup_run", median(wall_other) / wall_s);
  }
  line.add("peak_rss_bytes", peak_rss);
  line.real("bytes_per_firm", static_cast<double>(peak_rss) / firms);
  line.add("baseline_rss_bytes", baseline_rss);
  line.real("state_bytes_per_firm", static_cast<double>(run.state_bytes) / firms);
  line.real("trained_share", static_cast<double>(run.trained) / firms);
  line.real("active_share", 1.0 - static_cast<double>(run.final_states[0]) / firms);

  // 2. Output: one replication's results file.
  const std::filesystem::path dir = scratch_dir(args);
  const output::RunInfo info = run_info_for(model);
  if (args.write_output && !quick) {
    std::vector<double> written;
    for (int k = 0; k < args.repeat; ++k)
      written.push_back(write_results_once(dir / "single.h5", info, run.series, run.summary));
    const double output_s = median(written);
    line.real("output_s", output_s);
    line.real("output_share", output_s / (wall_s + output_s));
  }

  // 3. A batch of replications, as `score run --reps R` runs them.
  if (reps > 0) {
    std::vector<double> batch, batch_other, batch_output, writer_busy;
    BatchResult b, b_other;
    const std::optional<std::filesystem::path> results =
        args.write_output && !quick ? std::optional(dir / "batch.h5") : std::nullopt;
    for (int k = 0; k < args.repeat; ++k) {
      b = run_batch(model, threads, results, info);
      batch.push_back(b.wall_s);
      if (results) {
        batch_output.push_back(output_cost(b.wall_s, run_batch(model, threads, std::nullopt, info).wall_s));
        writer_busy.push_back(b.output_s / (threads * b.wall_s));
      }
      b_other = run_batch(model, other, results, info);
      batch_other.push_back(b_other.wall_s);
    }
    identical =
        identical && b.fingerprints == b_other.fingerprints && b.fingerprints.front() == run_fingerprint;
    line.add("reps", reps);
    line.real("batch_wall_s", median(batch));
    line.real("batch_runs_per_s", reps / median(batch));
    if (threads > 1) {
      line.real("batch_wall_1t_s", median(batch_other));
      line.real("speedup_batch", median(batch_other) / median(batch));
    }
    if (results) {
      line.real("batch_output_share", median(batch_output));
      line.real("batch_writer_busy_share", median(writer_busy));
    }
    line.add("batch_peak_rss_bytes", b.peak_rss_bytes);
  }
  std::error_code ignored;
  if (args.out_dir.empty()) std::filesystem::remove_all(dir, ignored);

  // 4. Memory bandwidth: the model's estimated traffic against STREAM triad.
  const double bytes_per_s = model_bytes(run) / run.wall_s();
  line.real("peer_degree", run.peer_degree);
  line.real("listed_share", static_cast<double>(run.listed_firm_months) / enterprise_months);
  line.real("model_bytes_per_s", bytes_per_s);
  if (args.stream && !quick) {
    const StreamResult stream = stream_triad(threads, args.stream_mib << 20, args.stream_trials);
    line.add("stream_array_bytes", stream.array_bytes);
    line.real("stream_triad_bytes_per_s", stream.triad_bytes_per_s);
    line.real("bandwidth_share", bytes_per_s / stream.triad_bytes_per_s);
  }

  if (args.profile) {
    const double total = profile.total();
    line.real("profile_s", total);
    line.real("share_setup", profile.setup_s / total);
    for (int k = 0; k < kStepProcesses; ++k)
      line.real(std::string("share_") + process_names()[static_cast<std::size_t>(k)],
                profile.seconds[static_cast<std::size_t>(k)] / total);
  }

  line.add("identical", identical ? "yes" : "no");
  line.hex("fingerprint", run_fingerprint);
  std::cout << line.str() << std::endl;
  return args.check_identity && !identical ? 1 : 0;
}

// CPU time of the whole process so far (every thread, user and system).
double cpu_seconds() {
  rusage use{};
  getrusage(RUSAGE_SELF, &use);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
  };
  return seconds(use.ru_utime) + seconds(use.ru_stime);
}

// Runs of the history scenario (replications of it: the sweep engine's
// runs differ in parameters, not in cost).
int run_history(const Args& args, int threads) {
  const int other = threads == 1 ? 2 : 1;
  const scenario::Scenario sc =
      scenario::load_scenario(args.scenario, {"run.replications=" + std::to_string(args.runs)});
  const model::Description& model = sc.model;
  output::RunInfo info = run_info_for(model, scenario::to_toml(sc.document));
  info.scenario_sha256 = sc.document.sha256;
  const std::filesystem::path dir = scratch_dir(args);
  const std::optional<std::filesystem::path> results =
      args.write_output && !args.check_identity ? std::optional(dir / "history.h5") : std::nullopt;

  std::vector<double> wall, wall_other, share, busy, output, cpu, cpu_other, floor, floor_share;
  BatchResult b, b_other;
  for (int k = 0; k < args.repeat; ++k) {
    double cpu_before = cpu_seconds();
    b = run_batch(model, threads, results, info);
    cpu.push_back(cpu_seconds() - cpu_before);
    wall.push_back(b.wall_s);
    if (results) {
      output.push_back(b.output_s);
      const double without = run_batch(model, threads, std::nullopt, info).wall_s;
      share.push_back(output_cost(b.wall_s, without));
      busy.push_back(b.output_s / (threads * b.wall_s));
      // The same bytes written plainly: what no format could save.
      floor.push_back(plain_write_s(dir / "floor.bin", b.file_bytes));
      floor_share.push_back(floor.back() / (without + floor.back()));
    }
    cpu_before = cpu_seconds();
    b_other = run_batch(model, other, results, info);
    cpu_other.push_back(cpu_seconds() - cpu_before);
    wall_other.push_back(b_other.wall_s);
  }
  std::error_code ignored;
  if (args.out_dir.empty()) std::filesystem::remove_all(dir, ignored);
  const bool identical = b.fingerprints == b_other.fingerprints;

  Line line;
  line.add("config", "history");
  line.add("firms", model.total_firms());
  line.add("countries", model.countries.size());
  line.add("months", model.steps);
  line.add("threads", threads);
  line.add("runs", args.runs);
  line.add("repeat", args.repeat);
  line.real("wall_s", median(wall));
  line.real("runs_per_s", args.runs / median(wall));
  line.real("enterprise_months_per_s",
            static_cast<double>(model.total_firms()) * model.steps * args.runs / median(wall));
  if (threads > 1) {
    line.real("wall_1t_s", median(wall_other));
    line.real("runs_per_s_1t", args.runs / median(wall_other));
    line.real("speedup_batch", median(wall_other) / median(wall));
  }
  // CPU time per run: more on T threads than on 1 is work the threads add
  // (contention for caches, memory, the allocator); busy_share below 1 is
  // time a thread waited (load balance, serial parts, other processes).
  line.real("cpu_per_run_ms", 1e3 * median(cpu) / args.runs);
  line.real("busy_share", median(cpu) / (threads * median(wall)));
  if (threads > 1) line.real("cpu_per_run_ms_1t", 1e3 * median(cpu_other) / args.runs);
  if (results) {
    line.real("output_s", median(output));
    line.real("output_share", median(share));
    line.real("writer_busy_share", median(busy));
    line.add("results_bytes", b.file_bytes);
    line.real("output_floor_s", median(floor));
    line.real("output_floor_share", median(floor_share));
  }
  line.add("peak_rss_bytes", b.peak_rss_bytes);
  line.add("identical", identical ? "yes" : "no");
  line.hex("fingerprint", b.fingerprints.front());
  std::cout << line.str() << std::endl;
  return args.check_identity && !identical ? 1 : 0;
}

}  // namespace
}  // namespace score::bench

int main(int argc, char** argv) {
  using score::bench::Args;
  Args args;
  CLI::App app{"score-bench: how fast score runs synthetic programmes and the history scenario"};
  app.add_option("--config", args.config, "a named configuration: small, large, huge");
  app.add_option("--firms", args.firms, "eligible firms, all countries")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{2'000'000'000}));
  app.add_option("--countries", args.countries, "countries")->check(CLI::Range(1, 1000));
  app.add_option("--months", args.months, "months from 2009-01")->check(CLI::Range(1, 10000));
  app.add_option("--seed", args.seed, "seed (default: the configuration's fixed seed)");
  app.add_option("--threads", args.threads, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  app.add_option("--reps", args.reps, "replications in the batch (default 2 x threads; 0: no batch)")
      ->check(CLI::Range(-1, 100000));
  app.add_option("--repeat", args.repeat, "repeat each timing, report medians")->check(CLI::Range(1, 1000));
  app.add_flag("--check-identity", args.check_identity,
               "exit 1 unless 1 and T threads give bit-identical results (skips output and STREAM)");
  app.add_flag("--profile", args.profile, "one more run, timed process by process (share_* keys)");
  app.add_flag("!--no-stream", args.stream, "skip the STREAM triad");
  app.add_option("--stream-mib", args.stream_mib, "MiB per STREAM array (3 arrays)")
      ->check(CLI::Range(1, 65536));
  app.add_option("--stream-trials", args.stream_trials, "STREAM trials (best is kept)")
      ->check(CLI::Range(1, 1000));
  app.add_flag("!--no-output", args.write_output, "do not write results files");
  app.add_flag("--history", args.history, "run replications of the history scenario instead");
  app.add_option("--scenario", args.scenario, "scenario file for --history");
  app.add_option("--runs", args.runs, "runs (replications) for --history")->check(CLI::Range(1, 100000));
  app.add_option("--out-dir", args.out_dir,
                 "where results files go (default: a temporary directory, removed)");
  CLI11_PARSE(app, argc, argv);

  const int hardware = tbb::info::default_concurrency();
  const int threads = args.threads > 0 ? args.threads : hardware;
  // Allow more threads than cores, so that 16 means 16 on a small machine.
  const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(std::max({threads, hardware, 2})));
  try {
    return args.history ? score::bench::run_history(args, threads)
                        : score::bench::run_configuration(args, threads);
  } catch (const score::scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "score-bench: error: " << e.what() << "\n";
    return 2;
  }
}
