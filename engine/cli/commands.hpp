#pragma once
// The subcommands of `score`. Each returns the process exit code:
// 0 success, 1 internal error, 2 bad input.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace score::cli {

constexpr int kOk = 0, kInternal = 1, kBadInput = 2, kInterrupted = 130;
// `score diff`: the files differ (like diff(1); equal files give kOk).
constexpr int kDiffer = 1;

struct RunArgs {
  std::string scenario;  // empty: the default scenario (the SCORE history)
  std::string output;    // empty: output::default_results_path (name and --set overrides)
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  int compress = 0;  // deflate level of the time series; 0: none
  std::vector<std::string> overrides;
  bool quiet = false;
  std::string ensemble;      // --ensemble: a calibration's ensemble file to draw parameter sets from
  std::optional<int> draws;  // --draws: parameter sets to draw (default: the posterior's population)
};

int run_command(const RunArgs& args);
// Warnings (values far outside a key's usual range) go to stderr; with
// `strict` they make the file fail (kBadInput).
int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& overrides,
                     bool strict = false);
// `by`: "phase" (the default) or "year" (a run's summaries by calendar year).
int info_command(const std::string& file, const std::string& by = "phase");
int export_command(const std::string& file, const std::string& dir);
int schema_command();
int diff_command(const std::string& a, const std::string& b);

// The scenario `score run` uses when given none.
std::string default_scenario();

}  // namespace score::cli
