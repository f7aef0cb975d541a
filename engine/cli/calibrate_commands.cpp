// The command-line options of `score calibrate`.
#include "cli/calibrate_commands.hpp"

#include <CLI/CLI.hpp>

namespace score::cli {

void add_calibrate_command(CLI::App& app, int& code) {
  static CalibrateArgs args;
  auto* cmd =
      app.add_subcommand("calibrate",
                         "Calibrate a scenario by ABC-SMC (a calibration file), or check a results file "
                         "against targets (--check)");
  cmd->add_option("file", args.file, "Calibration file (TOML); with --check, a targets or calibration file")
      ->required();
  cmd->add_option("--check", args.check,
                  "Check this results file (.h5) against the targets; exit 1 on a miss");
  cmd->add_option("--kind", args.kind, "With --check: only the targets of this kind")
      ->check(CLI::IsMember({"fit", "identity"}));
  cmd->add_option("--phase", args.phase, "With --check: only the phase summaries of this phase (e.g. I)");
  cmd->add_option("-o,--output", args.output, "Ensemble file (default: results/<calibration name>.h5)");
  cmd->add_option("--threads", args.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag("--resume", args.resume, "Finish an interrupted calibration of the same file and output");
  cmd->add_option("--report", args.report, "Rewrite this document's generated part from the ensemble");
  cmd->add_flag("--write-scenario", args.write_scenario,
                "Set the scenario's free parameters to the posterior's central set (docs/calibration.md)");
  cmd->add_option("--from-ensemble", args.from_ensemble,
                  "With --write-scenario: take the posterior of this ensemble file instead of fitting");
  cmd->add_flag("-q,--quiet", args.quiet, "No progress");
  cmd->callback([&] { code = args.check.empty() ? calibrate_command(args) : calibrate_check(args); });
}

}  // namespace score::cli
