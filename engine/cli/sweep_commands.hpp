#pragma once
// `score sweep` and `score sensitivity`: parameter sweeps and their
// sensitivity indices (docs/experiments.md). Each command returns the exit
// code of cli/commands.hpp: 0 success, 1 internal error, 2 bad input, 130
// interrupted.
#include <optional>
#include <string>
#include <vector>

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
  std::vector<std::string> summaries, phases;  // filters for the printed table; empty: all
};

int sweep_command(const SweepArgs& args);
int sensitivity_command(const SensitivityArgs& args);

// Adds both subcommands to `app`; the chosen one stores its exit code in `code`.
void add_sweep_commands(CLI::App& app, int& code);

}  // namespace score::cli
