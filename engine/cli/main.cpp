// score: run SCORE programme scenarios and inspect their results.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/calibrate_commands.hpp"
#include "cli/commands.hpp"
#include "cli/compare_commands.hpp"
#include "cli/seek_command.hpp"
#include "cli/sweep_commands.hpp"
#include "core/memory.hpp"
#include "core/version.hpp"
#include "sim/metric_names.hpp"

namespace {

using namespace score::cli;

void add_run(CLI::App& app, RunArgs& args, int& code) {
  auto* run = app.add_subcommand("run", "Run a scenario and write its results (HDF5)");
  run->add_option("scenario", args.scenario, "Scenario file (default: the SCORE history)");
  run->add_option(
      "-o,--output", args.output,
      "Results file (default: results/<scenario name>.h5, with --set results/<name>--<key=value>.h5)");
  run->add_option("--reps", args.replications, "Replications (overrides run.replications)")
      ->check(CLI::Range(1, 10000));
  run->add_option("--threads", args.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  run->add_option("--seed", args.seed, "Random seed (overrides run.seed)");
  run->add_option("--compress", args.compress,
                  "Deflate level of the time series, 0-9 (default 0: none; fastest, about 4 times larger)")
      ->check(CLI::Range(0, 9));
  run->add_option("--set", args.overrides, "Override one scenario value: KEY.PATH=VALUE (repeatable)");
  run->add_flag("-q,--quiet", args.quiet, "No progress bar");
  auto* ensemble = run->add_option("--ensemble", args.ensemble,
                                   "Run parameter sets drawn from a calibration's ensemble file (score "
                                   "calibrate), --reps each (default 1)");
  run->add_option("--draws", args.draws,
                  "Parameter sets to draw with --ensemble (default: the posterior's population)")
      ->needs(ensemble);
  run->callback([&] { code = run_command(args); });
}

void add_inspect(CLI::App& app, int& code) {
  static std::vector<std::string> files, overrides;
  static std::string file, dir, other;
  auto* validate =
      app.add_subcommand("validate", "Check scenario, sweep or calibration files without running them");
  validate->add_option("files", files, "Scenario, sweep or calibration files (.toml)")->required();
  validate->add_option("--set", overrides, "Override one value: KEY.PATH=VALUE (repeatable)");
  static bool strict = false;  // read by the callback after this function returns
  validate->add_flag("--strict", strict, "Treat plausibility warnings as errors (exit 2)");
  validate->callback([&] { code = validate_command(files, overrides, strict); });

  auto* info = app.add_subcommand("info", "Describe a run's or a sweep's results file: what it holds");
  info->add_option("results", file, "Results file (.h5) of score run or score sweep")->required();
  static std::string by = "phase";
  info->add_option("--by", by, "phase (default) or year: a run's headline figures by calendar year")
      ->check(CLI::IsMember({"phase", "year"}));
  info->callback([&] { code = info_command(file, by); });

  auto* exp = app.add_subcommand("export", "Export a results file as CSV (a sweep's as one tidy table)");
  exp->add_option("results", file, "Results file (.h5) of score run or score sweep")->required();
  exp->add_option("--csv", dir,
                  "Directory to write the CSV files into: phase_summary, timeseries, their _stats with "
                  "more than one replication, funder_ledger when the scenario names funders")
      ->required();
  exp->callback([&] { code = export_command(file, dir); });

  auto* diff = app.add_subcommand("diff",
                                  "Compare two results (or sweep) files, provenance left out: "
                                  "exit 0 when they hold the same data, 1 when not");
  diff->add_option("a", file, "First file (.h5)")->required();
  diff->add_option("b", other, "Second file (.h5)")->required();
  diff->callback([&] { code = diff_command(file, other); });

  auto* schema = app.add_subcommand("schema", "Print the reference of every scenario key (Markdown)");
  schema->callback([&] { code = schema_command(); });
}

}  // namespace

int main(int argc, char** argv) {
  score::memory::back_heap_with_huge_pages();  // first: before the scenario, the file and the run allocate
  CLI::App app{"score: agent-based scenarios of the ILO SCORE programme's reach and cost recovery"};
  app.set_version_flag("--version", SCORE_VERSION);
  app.require_subcommand(1);
  RunArgs run_args;
  int code = kOk;
  add_run(app, run_args, code);
  add_inspect(app, code);
  add_sweep_commands(app, code);
  add_seek_command(app, code);
  add_calibrate_command(app, code);
  add_compare_commands(app, code);
  // Files and targets that still use a metric's old name work, with a word about it.
  score::sim::on_old_metric_name(
      [](const std::string& message) { std::cerr << "score: warning: " << message << "\n"; });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int exit = app.exit(e);
    return exit == 0 ? kOk : kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "score: internal error: " << e.what() << "\n";
    return kInternal;
  }
  return code;
}
