#include "cli/run_ensemble.hpp"

#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "calibrate/projection.hpp"
#include "cli/phase_table.hpp"
#include "cli/progress.hpp"
#include "cli/value_table.hpp"
#include "core/threads.hpp"
#include "output/ensemble_reader.hpp"
#include "output/output_lock.hpp"
#include "output/output_name.hpp"
#include "output/results_writer.hpp"
#include "provenance/run_info.hpp"
#include "scenario/hash.hpp"
#include "sweep/point_runner.hpp"

namespace score::cli {
namespace {

namespace fs = std::filesystem;

std::string file_sha256(const fs::path& path) {
  // Through a stringstream: GCC 12 flags std::string's istreambuf_iterator
  // constructor with -Wnull-dereference.
  std::ostringstream bytes;
  if (std::ifstream in{path, std::ios::binary}) bytes << in.rdbuf();
  return scenario::sha256_hex(bytes.str());
}

// The draws' particles and values, and what the results file records of them.
struct Drawn {
  calibrate::Draws draws;
  output::EnsembleDraws record;
};

Drawn draw(const RunArgs& args, const output::Posterior& posterior, std::uint64_t seed) {
  const int n = args.draws.value_or(posterior.particles());
  Drawn out{{args.ensemble, posterior.parameters, {}}, {}};
  output::EnsembleDraws& r = out.record;
  r.file = args.ensemble;
  r.calibration = posterior.calibration_name;
  r.sha256 = file_sha256(args.ensemble);
  r.generation = posterior.generation;
  r.replications_per_draw = args.replications.value_or(1);
  r.parameters = posterior.parameters;
  const std::size_t k = posterior.parameters.size();
  for (const int i : calibrate::systematic_resample(posterior.weights, n, seed)) {
    const auto first = posterior.theta.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * k);
    out.draws.values.emplace_back(first, first + static_cast<std::ptrdiff_t>(k));
    r.particles.push_back(i);
  }
  return out;
}

// The record's values as run: the sweep's design (integer keys rounded).
void record_design(const sweep::Sweep& sweep, output::EnsembleDraws& r) {
  for (int d = 0; d < sweep.points(); ++d) {
    const auto& row = sweep.design.values[static_cast<std::size_t>(d)];
    r.values.insert(r.values.end(), row.begin(), row.end());
    r.seeds.push_back(sweep.design.seeds[static_cast<std::size_t>(d)]);
  }
}

int stopped(const StopSignals& stop, const fs::path& out) {
  std::cerr << "score: interrupted (" << stop.name() << "); nothing written to " << out.string() << "\n";
  return stop.exit_code();
}

// Runs every draw's replications into `writer`; false if stopped.
bool run_draws(const sweep::Sweep& sweep, const RunArgs& args, const StopSignals& stop,
               output::ResultsWriter& writer, std::vector<sim::PhaseSummary>& summaries) {
  const int reps = sweep.spec.replications;
  const std::int64_t total = std::int64_t{sweep.base.model.steps} * sweep.points() * reps;
  std::atomic<std::int64_t> done{0};
  std::mutex mutex;
  Progress progress("score run " + sweep.spec.name + " (ensemble)", !args.quiet);
  sweep::RunPointsOptions options;
  options.threads = args.threads;
  options.hooks.cancel = &stop.flag();
  options.hooks.on_month = [&] {
    announce("running");
    progress.update(++done, total);
  };
  options.hooks.on_replication = [&](int point, int rep, const sim::Series& series,
                                     const sim::PhaseSummary& summary) {
    const int k = point * reps + rep;
    writer.write(k, series, summary);
    std::lock_guard lock(mutex);
    summaries[static_cast<std::size_t>(k)] = summary;
  };
  std::vector<int> points(static_cast<std::size_t>(sweep.points()));
  for (std::size_t i = 0; i < points.size(); ++i) points[i] = static_cast<int>(i);
  sweep::PendingPoints source(std::move(points));
  const bool complete = sweep::run_points(sweep, source, options);
  progress.finish();
  return complete;
}

int project(const RunArgs& args, const StopSignals& stop) {
  const output::Posterior posterior = output::read_posterior(args.ensemble);
  const std::string scenario_file = args.scenario.empty() ? default_scenario() : args.scenario;
  const scenario::Scenario plain = scenario::load_scenario(scenario_file, args.overrides);
  print_warnings(plain);
  const std::uint64_t seed = args.seed.value_or(plain.model.seed);
  Drawn drawn = draw(args, posterior, seed);
  const sweep::Sweep sweep = calibrate::projection_sweep(scenario_file, args.overrides, drawn.draws, seed,
                                                         drawn.record.replications_per_draw);
  sweep::check_points(sweep, args.threads);  // every draw a valid scenario, before any output
  record_design(sweep, drawn.record);
  output::RunInfo info = provenance::run_info(sweep.base);
  info.seed = seed;
  info.replications = sweep.points() * sweep.spec.replications;
  info.ensemble = std::move(drawn.record);
  const fs::path out = args.output.empty()
                           ? output::default_results_path(plain.model.name + "-ensemble", args.overrides)
                           : fs::path(args.output);
  if (stop.stopped()) return stopped(stop, out);
  const output::OutputLock output_lock(out);
  output::ResultsWriter writer(out, info, {.deflate_level = args.compress});
  announce("output");
  std::vector<sim::PhaseSummary> summaries(
      static_cast<std::size_t>(info.replications),
      sim::PhaseSummary(static_cast<int>(info.phases.size()), static_cast<int>(info.country_ids.size())));
  if (!run_draws(sweep, args, stop, writer, summaries)) return stopped(stop, out);
  threads::in_arena(args.threads, [&] { writer.finish(); });
  const auto labels = phase_labels(info.phases, info.start);
  std::cout
      << info.scenario_name << ": " << sweep.points() << " parameter set(s) drawn from " << args.ensemble
      << " (calibration " << posterior.calibration_name << ", generation " << posterior.generation << ") x "
      << sweep.spec.replications << " replication(s) = " << info.replications << " runs\n"
      << phase_table(labels, summaries) << value_for_money_table(labels, summaries)
      << "(means over every run; percentiles, which combine parameter and stochastic uncertainty, in the "
         "results file)\n"
      << "results: " << out.string() << "\n";
  return kOk;
}

}  // namespace

int run_ensemble(const RunArgs& args, const StopSignals& stop) {
  if (args.draws && *args.draws < 1) {
    std::cerr << "score: --draws " << *args.draws << ": draw at least 1 parameter set from " << args.ensemble
              << "\n";
    return kBadInput;
  }
  try {
    return project(args, stop);
  } catch (const std::runtime_error& e) {
    // What the ensemble file's reader throws names the file: bad input.
    if (std::string(e.what()).rfind("ensemble file '", 0) != 0) throw;
    std::cerr << "score: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace score::cli
