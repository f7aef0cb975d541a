// score sweep: load a sweep file, run its points (several side by side,
// each point's replications in parallel), stream each finished point to the
// results file, and with --resume finish what an interrupted sweep began.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "cli/sweep_commands.hpp"
#include "cli/sweep_mpi.hpp"
#include "cli/sweep_progress.hpp"
#include "core/version.hpp"
#include "output/output_lock.hpp"
#include "output/output_name.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep.hpp"
#include "sweep/sweep_analysis.hpp"
#include "sweep_output/sweep_reader.hpp"
#include "sweep_output/sweep_writer.hpp"

namespace score::cli {
namespace {

namespace fs = std::filesystem;

std::string describe(const sweep::Sweep& sw) {
  const auto& spec = sw.spec;
  const std::string options = spec.policies.empty()
                                  ? std::string()
                                  : " (" + std::to_string(spec.policies.size()) + " policy options x " +
                                        std::to_string(sw.design.uncertain) + " points)";
  return spec.name + ": " + sweep::method_name(spec.method) + " design, " + std::to_string(sw.points()) +
         " points" + options + " x " + std::to_string(spec.replications) + " replication(s) over " +
         std::to_string(spec.parameters.size()) + " parameter(s); base scenario " + sw.base.model.name +
         " (" + std::to_string(sw.base.model.steps) + " months)";
}

// Runs the pending points: a first batch alone, timed, to print an estimate
// of the whole run before the rest; then the rest. False if interrupted.
bool run_pending(const sweep::Sweep& sw, output::SweepWriter& writer, const SweepArgs& args,
                 const StopSignals& stop) {
  std::vector<int> pending;
  for (int p = 0; p < sw.points(); ++p)
    if (!writer.done()[static_cast<std::size_t>(p)]) pending.push_back(p);
  if (pending.empty()) return true;
  pending = sweep::setup_order(sw, std::move(pending));  // points of one seed share set-ups
  const auto months = static_cast<std::int64_t>(sw.spec.replications) * sw.base.model.steps;
  SweepProgress progress(sw.points(), writer.points_done(), months, sw.spec.replications, !args.quiet);
  sweep::RunPointsOptions options;
  options.threads = args.threads;
  options.hooks.cancel = &stop.flag();
  options.hooks.on_month = [&] {
    announce("running");
    progress.month();
  };
  options.on_point = [&](sweep::PointResult&& result) {
    writer.write(result);
    progress.point();
  };
  const int threads = args.threads > 0 ? args.threads : static_cast<int>(std::thread::hardware_concurrency());
  const auto batch = static_cast<std::size_t>(std::min<std::size_t>(
      pending.size(),
      static_cast<std::size_t>(std::max(1, (threads + sw.spec.replications - 1) / sw.spec.replications))));
  const auto start = std::chrono::steady_clock::now();
  sweep::PendingPoints first({pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(batch)});
  if (!sweep::run_points(sw, first, options)) return false;
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t rest = pending.size() - batch;
  if (!args.quiet && rest > 0) {
    const double left = took * static_cast<double>((rest + batch - 1) / batch);
    progress.message("score sweep: estimated run time " + format_duration(took + left) + " (" +
                     format_duration(left) + " left; the first " + std::to_string(batch) + " point(s) took " +
                     format_duration(took) + " on " + std::to_string(threads) + " thread(s))");
  }
  sweep::PendingPoints others({pending.begin() + static_cast<std::ptrdiff_t>(batch), pending.end()});
  const bool complete = sweep::run_points(sw, others, options);
  progress.finish();
  return complete;
}

// For --ci-width: replications each headline summary needs, per phase.
void print_advice(const fs::path& file, double width) {
  const output::SweepFile results(file);
  const auto means = results.statistic(sweep::Statistic::mean), sds = results.statistic(sweep::Statistic::sd);
  const auto advice = sweep::replication_advice(means, sds, width);
  std::printf(
      "replications needed for a 95%% confidence interval of each point's mean %.3g%% of the mean wide "
      "(+/- %.3g%%), at the neediest of the %d points (this sweep ran %d):\n",
      width * 100, width * 50, results.info().points, results.info().replications);
  std::printf("%-26s", "summary");
  for (const auto& phase : results.info().phases) std::printf("%10s", phase.c_str());
  std::printf("\n");
  const std::size_t phases = results.info().phases.size();
  for (std::size_t i = 0; i < advice.size(); i += phases) {
    std::printf("%-26s", sim::summary_catalogue()[static_cast<std::size_t>(advice[i].summary)].name);
    for (std::size_t p = 0; p < phases; ++p)
      std::printf("%10s", advice[i + p].needed > 0 ? std::to_string(advice[i + p].needed).c_str() : "-");
    std::printf("\n");
  }
  std::printf("(-: no point has a non-zero mean. From each point's own sd: rough with few replications.)\n");
}

fs::path output_path(const SweepArgs& args, const sweep::Sweep& sw) {
  if (!args.output.empty()) return args.output;
  return output::default_results_path(sw.spec.name);
}

// Before the writer exists nothing was written; after, the partial file and
// journal are kept for --resume.
int interrupted(const SweepArgs& args, const StopSignals& stop, const fs::path& out,
                const output::SweepWriter* writer, int points) {
  std::cerr << "score sweep: interrupted (" << stop.name() << ")";
  if (writer)
    std::cerr << " with " << writer->points_done() << " of " << points
              << " points stored; finish with: score sweep " << args.file << " -o " << out.string()
              << " --resume";
  else
    std::cerr << " before anything was written";
  std::cerr << "\n";
  return stop.exit_code();
}

// The sweep on this machine: points side by side on its cores.
int sweep_here(const SweepArgs& args, const StopSignals& stop) {
  const sweep::Sweep sw = sweep::load_sweep(args.file);
  if (stop.stopped()) return interrupted(args, stop, output_path(args, sw), nullptr, sw.points());
  sweep::check_points(sw, args.threads);
  const fs::path out = output_path(args, sw);
  std::cout << describe(sw) << "\n" << std::flush;
  if (stop.stopped()) return interrupted(args, stop, out, nullptr, sw.points());
  const output::OutputLock lock(out);  // refuses a second writer or resumer while this one runs
  output::SweepWriter writer(
      out, sw, SCORE_VERSION,
      args.resume ? output::SweepWriter::Mode::resume : output::SweepWriter::Mode::start);
  announce("output");
  if (!writer.resume_note().empty()) std::cerr << "score sweep: " << writer.resume_note() << "\n";
  if (stop.stopped() || !run_pending(sw, writer, args, stop))
    return interrupted(args, stop, out, &writer, sw.points());
  writer.finish();
  std::cout << "results: " << out.string() << "\n";
  if (args.ci_width) print_advice(out, *args.ci_width);
  if (!sw.spec.policies.empty()) print_decision_table(out.string(), sw.spec);
  return kOk;
}

}  // namespace

int sweep_command(const SweepArgs& args) {
  if (launcher_ranks() > 1) return sweep_mpi(args);  // started by mpirun or srun
  const StopSignals stop;  // first: a signal at any later moment stops the sweep cleanly
  return guarded(
      [&] {
        try {
          return sweep_here(args, stop);
        } catch (const output::SweepRefused& e) {
          std::cerr << "score sweep: " << e.what() << "\n";
          return kBadInput;
        }
      },
      "score sweep: error: ", kInternal);
}

}  // namespace score::cli
