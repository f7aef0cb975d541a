// score run: load a scenario, run its replications in parallel, stream each
// one to the results file, print the phase table.
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/phase_table.hpp"
#include "cli/progress.hpp"
#include "cli/run_ensemble.hpp"
#include "cli/run_support.hpp"
#include "cli/value_table.hpp"
#include "core/threads.hpp"
#include "output/output_lock.hpp"
#include "output/output_name.hpp"
#include "output/results_writer.hpp"
#include "provenance/run_info.hpp"
#include "scenario/build.hpp"
#include "sim/runner.hpp"

namespace score::cli {
namespace {

std::vector<std::string> all_overrides(const RunArgs& args) {
  std::vector<std::string> out = args.overrides;
  if (args.replications) out.push_back("run.replications=" + std::to_string(*args.replications));
  if (args.seed) out.push_back("run.seed=" + std::to_string(*args.seed));
  return out;
}

std::filesystem::path output_path(const RunArgs& args, const model::Description& m) {
  if (!args.output.empty()) return args.output;
  return output::default_results_path(m.name, args.overrides);
}

}  // namespace

std::string default_scenario() {
  const std::filesystem::path local = "scenarios/history.toml";
  if (std::filesystem::exists(local)) return local.string();
  return std::string(SCORE_SCENARIO_DIR) + "/history.toml";
}

namespace {

int interrupted(const StopSignals& stop, const std::filesystem::path& out) {
  std::cerr << "score: interrupted (" << stop.name() << "); nothing written to " << out.string() << "\n";
  return stop.exit_code();
}

int run_scenario(const RunArgs& args, const StopSignals& stop) {
  if (!args.ensemble.empty()) return run_ensemble(args, stop);
  const scenario::Scenario sc = scenario::load_scenario(
      args.scenario.empty() ? default_scenario() : args.scenario, all_overrides(args));
  print_warnings(sc);
  const model::Description& m = sc.model;
  const std::filesystem::path out = output_path(args, m);
  if (stop.stopped()) return interrupted(stop, out);
  const output::OutputLock output_lock(out);  // before the temporary exists, held past its rename
  const output::RunInfo info = provenance::run_info(sc);
  // The file is created (some 150 variables defined) on a thread of its own
  // while the first replications are built and run, on a core they leave
  // idle at times; a replication that finishes first waits for it. Made
  // after the lock and destroyed before it: a run stopped or failed removes
  // the temporary it made.
  const std::shared_future<std::shared_ptr<output::ResultsWriter>> creating =
      std::async(std::launch::async, [&] {
        auto created = std::make_shared<output::ResultsWriter>(
            out, info, output::WriteOptions{.deflate_level = args.compress});
        announce("output");
        return created;
      }).share();
  std::vector<sim::PhaseSummary> summaries(
      static_cast<std::size_t>(m.replications),
      sim::PhaseSummary(static_cast<int>(m.phases.size()), static_cast<int>(m.countries.size())));
  std::mutex mutex;
  Progress progress("score run " + m.name, !args.quiet);
  sim::RunOptions options;
  options.threads = args.threads;
  options.cancel = &stop.flag();
  options.on_progress = [&](std::int64_t done, std::int64_t total) {
    announce("running");
    progress.update(done, total);
  };
  options.on_replication = [&](int rep, const sim::Series& series, const sim::PhaseSummary& summary) {
    creating.get()->write(rep, series, summary);
    std::lock_guard lock(mutex);
    summaries[static_cast<std::size_t>(rep)] = summary;
  };
  const bool complete = sim::run_replications(m, options);
  progress.finish();
  output::ResultsWriter& writer = *creating.get();  // rethrows what creating it threw
  if (!complete) return interrupted(stop, out);
  // The statistics across replications run in parallel: on --threads, no more.
  // A signal from here on is too late to stop the run: it ends complete.
  threads::in_arena(args.threads, [&] { writer.finish(); });
  std::cout << m.name << ": " << m.replications << " replication(s), " << m.steps << " months, "
            << m.total_firms() << " eligible firms in " << m.countries.size() << " countries\n"
            << phase_table(phase_labels(info.phases, m.start), summaries)
            << value_for_money_table(phase_labels(info.phases, m.start), summaries)
            << (m.replications > 1 ? "(means over replications; percentiles in the results file)\n" : "")
            << "results: " << out.string() << "\n";
  return kOk;
}

}  // namespace

int run_command(const RunArgs& args) {
  const StopSignals stop;  // first: a signal at any later moment stops the run cleanly
  return guarded([&] { return run_scenario(args, stop); }, "score: error: ", kInternal);
}

}  // namespace score::cli
