#pragma once
// `score sweep` and `score sensitivity`: parameter sweeps and their
// sensitivity indices (docs/experiments.md). Each command returns the exit
// code of cli/commands.hpp: 0 success, 1 internal error, 2 bad input, 130
// interrupted.
#include <optional>
#include <string>
#include <vector>

#include "sweep/sweep_file.hpp"

namespace CLI {
class App;
}

namespace score::cli {

struct SweepArgs {
  std::string file;    // the sweep file
  std::string output;  // empty: results/<sweep name>.h5
  int threads = 0;     // 0: all cores
  bool resume = false;
  std::optional<double> ci_width;  // relative width of the 95 % interval of a mean
  bool quiet = false;
};

struct SensitivityArgs {
  std::string file;
  int bootstrap = 1000;
  double confidence = 0.95;
  std::string interval = "bca";                // or "percentile" (experiment/bootstrap_interval.hpp)
  std::vector<std::string> summaries, phases;  // filters for the printed table; empty: all
};

// `score discover`: PRIM scenario discovery on a sweep's results.
struct DiscoverArgs {
  std::string file, outcome, phase, where, policy, csv;
  double alpha = 0.05, paste_alpha = 0.05, min_mass = 0.05, min_coverage = 0.5;
  std::optional<int> box;  // the box of the trajectory to report; default: chosen by min_coverage
};

int sweep_command(const SweepArgs& args);
int discover_command(const DiscoverArgs& args);
int sensitivity_command(const SensitivityArgs& args);

// Adds the subcommands to `app`; the chosen one stores its exit code in `code`.
void add_sweep_commands(CLI::App& app, int& code);
void add_discover_command(CLI::App& app, int& code);  // discover_command.cpp

// The decision table of a finished policy sweep (policy_table.cpp): per
// [[decision]] outcome and option, its spread over the points, regret and
// satisficing share, then the robust options.
void print_decision_table(const std::string& results, const sweep::SweepSpec& spec);

}  // namespace score::cli
