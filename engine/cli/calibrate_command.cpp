// score calibrate FILE: ABC-SMC over the engine (docs/calibration.md). Loads
// the calibration, runs generations of particles in memory (each particle a
// batch point of the sweep's runner), journals each complete generation,
// writes the ensemble file and prints the posterior and the target table.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "calibrate/calibration.hpp"
#include "cli/calibrate_commands.hpp"
#include "cli/calibrate_journal.hpp"
#include "cli/calibrate_mpi.hpp"
#include "cli/calibrate_output.hpp"
#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "cli/sweep_mpi.hpp"
#include "core/version.hpp"
#include "output/ensemble_writer.hpp"
#include "output/output_lock.hpp"
#include "output/output_name.hpp"
#include "scenario/hash.hpp"

namespace score::cli {
namespace {

namespace fs = std::filesystem;
using calibrate::Generation;

// Generation 0 draws its particles from the prior; later generations move
// resampled copies (resample-move), so what is accepted is a share of moves.
void print_generation(const Generation& g, int replications) {
  std::fprintf(stderr, "generation %2d: tolerance %-9.4g accepted %5.1f%% of %lld %s, ESS %.0f, %lld runs\n",
               g.index, g.tolerance, 100 * g.acceptance_rate(), static_cast<long long>(g.attempts),
               g.index == 0 ? "prior draws" : "moves", g.effective_sample_size(),
               static_cast<long long>(g.simulations * replications));
  if (g.index > 0 && !g.particles.empty())
    std::fprintf(stderr, "               %lld move(s) per particle\n",
                 static_cast<long long>(g.attempts) / static_cast<long long>(g.particles.size()));
}

// The inputs a journal belongs to: the calibration file, its targets file
// and the resolved scenario.
std::string inputs_sha256(const calibrate::Calibration& c) {
  return scenario::sha256_hex(c.spec.sha256 + scenario::sha256_hex(c.spec.targets.text) +
                              c.sweep.base.document.sha256);
}

}  // namespace

int run_calibration(const CalibrateArgs& args, const StopSignals& stop, calibrate::Calibration& c,
                    const calibrate::Simulator& simulator) {
  const fs::path out =
      args.output.empty() ? output::default_results_path(c.spec.name) : fs::path(args.output);
  const output::OutputLock lock(out);
  const std::size_t values = 2 * c.spec.targets.targets.size();
  CalibrationJournal journal(out, inputs_sha256(c), c.spec.parameters.size(), values, args.resume);
  if (!args.quiet)
    std::cerr << c.spec.name << ": ABC-SMC over " << c.spec.parameters.size() << " parameter(s), "
              << c.in_distance.size() << " fit target(s); population " << c.spec.population << " x "
              << c.spec.replications << " replication(s), budget " << c.spec.budget << " runs"
              << (journal.done().empty()
                      ? ""
                      : "; resuming after generation " + std::to_string(journal.done().back().index))
              << "\n";
  const auto started = std::chrono::steady_clock::now();
  const calibrate::AbcSmc abc(calibrate::priors(c), calibrate::settings(c), simulator);
  const calibrate::AbcSmc::Result result = abc.run(
      journal.done(),
      [&](const Generation& g) {
        journal.append(g);
        if (!args.quiet) print_generation(g, c.spec.replications);
      },
      [&] { return stop.stopped(); });
  if (result.stop == calibrate::Stop::cancelled) {
    std::cerr << "score calibrate: interrupted by " << stop.name()
              << "; complete generations are kept: rerun with --resume\n";
    return stop.exit_code();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  output::write_ensemble(out, ensemble_of(c, result, SCORE_VERSION));
  journal.remove();
  print_summary(c, result, out, seconds);
  if (args.write_scenario && !write_scenario(c, result.generations.back(), args.threads, &stop.flag())) {
    std::cerr << "score calibrate: interrupted by " << stop.name() << "; the scenario is left as it was\n";
    return stop.exit_code();
  }
  if (!args.report.empty()) return run_report(out, args.report);
  return kOk;
}

// --write-scenario --from-ensemble FILE: the central set of a finished
// calibration's posterior, without fitting again.
int write_scenario_from(const CalibrateArgs& args, const StopSignals& stop, calibrate::Calibration& c) {
  if (!write_scenario(c, posterior_of(c, args.from_ensemble), args.threads, &stop.flag())) {
    std::cerr << "score calibrate: interrupted by " << stop.name() << "; the scenario is left as it was\n";
    return stop.exit_code();
  }
  return kOk;
}

int calibrate_command(const CalibrateArgs& args) {
  if (!args.from_ensemble.empty() && !args.write_scenario) {
    std::cerr << "score calibrate: --from-ensemble needs --write-scenario\n";
    return kBadInput;
  }
  if (!args.from_ensemble.empty() && launcher_ranks() > 1) {
    std::cerr << "score calibrate: --from-ensemble runs in one process, not under mpirun\n";
    return kBadInput;
  }
  if (launcher_ranks() > 1) return calibrate_mpi(args);  // started by mpirun or srun
  const StopSignals stop;
  announce("signals");
  return guarded(
      [&] {
        calibrate::Calibration c = calibrate::load_calibration(args.file);
        if (!args.from_ensemble.empty()) return write_scenario_from(args, stop, c);
        return run_calibration(args, stop, c, calibrate::simulator(c, args.threads, &stop.flag()));
      },
      "score calibrate: ", kInternal);
}

}  // namespace score::cli
