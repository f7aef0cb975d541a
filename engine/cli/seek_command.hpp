#pragma once
// `score seek`: the smallest (or largest) value of one lever at which a
// target is met with a given probability (docs/user-guide.md, Phase V).
// Exit codes of cli/commands.hpp, and kNoAnswer when the target is out of
// reach within the lever's range or cannot be shown to be reached.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace score::cli {

constexpr int kNoAnswer = 3;

struct SeekArgs {
  std::string scenario;
  std::string lever;          // a scenario key
  std::vector<double> range;  // LO,HI; empty: the range the scenario declares for the lever
  std::string target;         // "METRIC OP VALUE at YYYY-MM" or "... in YYYY"
  double probability = 0.8;
  bool largest = false;
  double confidence = 0.95;
  std::optional<double> tolerance;  // default: 1% of the range
  int reps = 200;                   // at most per lever value
  int batch = 20;                   // replications per step
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> overrides;
};

int seek_command(const SeekArgs& args);
void add_seek_command(CLI::App& app, int& code);

}  // namespace score::cli
