#pragma once
// `score calibrate`: ABC-SMC calibration of a scenario against the targets
// of a calibration file, and the check of a results file against targets
// (docs/calibration.md). Exit codes of cli/commands.hpp; a check that finds
// a target missed exits 1.
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace score::cli {

struct CalibrateArgs {
  std::string file;           // a calibration file, or (with --check) a targets file
  std::string check;          // a results file to check instead of calibrating
  std::string kind;           // check: "fit" or "identity"; empty: both
  std::string phase;          // check: only that phase's phase-summary targets; empty: all
  std::string output;         // empty: results/<calibration name>.h5
  std::string report;         // rewrite this document's generated part from the ensemble
  std::string from_ensemble;  // --write-scenario from this ensemble's posterior, without fitting
  int threads = 0;
  bool resume = false, write_scenario = false, quiet = false;
};

constexpr int kTargetMissed = 1;

int calibrate_check(const CalibrateArgs& args);
int calibrate_command(const CalibrateArgs& args);
void add_calibrate_command(CLI::App& app, int& code);

}  // namespace score::cli
