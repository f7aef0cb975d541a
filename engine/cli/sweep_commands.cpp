// The command-line options of `score sweep` and `score sensitivity`.
#include "cli/sweep_commands.hpp"

#include <CLI/CLI.hpp>

namespace score::cli {

void add_sweep_commands(CLI::App& app, int& code) {
  static SweepArgs sweep;
  static SensitivityArgs sensitivity;
  auto* run =
      app.add_subcommand("sweep", "Run a parameter sweep (a sweep file) and write its results (HDF5)");
  run->add_option("sweep", sweep.file, "Sweep file (TOML)")->required();
  run->add_option("-o,--output", sweep.output, "Results file (default: results/<sweep name>.h5)");
  run->add_option("--threads", sweep.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  run->add_flag("--resume", sweep.resume, "Finish an interrupted sweep of the same file and output");
  run->add_option("--ci-width", sweep.ci_width,
                  "Print the replications a 95% interval of this width (a share of the mean, e.g. 0.1) needs")
      ->check(CLI::Range(1e-6, 100.0));
  run->add_flag("-q,--quiet", sweep.quiet, "No progress bar or estimate");
  run->callback([&] { code = sweep_command(sweep); });

  auto* sens = app.add_subcommand("sensitivity", "Sobol' or Morris sensitivity indices of a sweep's results");
  sens->add_option("results", sensitivity.file, "Sweep results file (.h5) of a saltelli or morris design")
      ->required();
  sens->add_option("--bootstrap", sensitivity.bootstrap,
                   "Bootstrap resamples for the Sobol' intervals (default 1000)")
      ->check(CLI::Range(0, 100000));
  sens->add_option("--confidence", sensitivity.confidence, "Confidence of the intervals (default 0.95)")
      ->check(CLI::Range(0.5, 0.999));
  sens->add_option(
          "--interval", sensitivity.interval,
          "How the Sobol' intervals are read from the resamples: bca (bias-corrected and accelerated, "
          "the default) or percentile")
      ->check(CLI::IsMember({"bca", "percentile"}));
  sens->add_option("--summary", sensitivity.summaries,
                   "Print only this summary (repeatable), e.g. firms_trained");
  sens->add_option("--phase", sensitivity.phases, "Print only this phase (repeatable), e.g. III");
  sens->callback([&] { code = sensitivity_command(sensitivity); });

  add_discover_command(app, code);
}

}  // namespace score::cli
