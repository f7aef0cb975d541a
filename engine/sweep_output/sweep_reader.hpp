#pragma once
// Reads a finished sweep results file back for analysis (`score sweep
// --ci-width`, `score sensitivity`) and stores sensitivity indices in it.
// Errors are std::runtime_error naming the file.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "experiment/design.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep_analysis.hpp"
#include "sweep/sweep_file.hpp"

namespace score::output {

struct SweepFileInfo {
  std::string name, scenario_name, engine_version, sweep_sha256;
  sweep::Method method = sweep::Method::grid;
  std::uint64_t seed = 0;
  int points = 0, replications = 0;
  std::vector<std::string> parameters, phases, phase_names;
  experiment::SaltelliLayout saltelli;  // saltelli files
  experiment::MorrisLayout morris;      // morris files
  // Policy sweeps: the options and each point's option (index into
  // policies); both empty otherwise.
  std::vector<std::string> policies;
  std::vector<int> point_policy;
};

class SweepFile {
 public:
  // Opens a finished sweep results file (every point done) read-only. The
  // file is first read whole (description, statistics, design, indices) in
  // a child process with a time limit (output/contained_read.hpp), so that a
  // damaged file on which HDF5 crashes or hangs is an error.
  explicit SweepFile(const std::filesystem::path& path);
  ~SweepFile();
  SweepFile(const SweepFile&) = delete;
  SweepFile& operator=(const SweepFile&) = delete;

  const SweepFileInfo& info() const { return info_; }
  // One statistic across replications of every outcome, [point][phase][summary].
  sweep::OutcomeTable statistic(sweep::Statistic which) const;
  // The parameter values of every point, [point][parameter].
  std::vector<double> design() const;
  // The phase summaries of each of a point's replications (all countries),
  // [replication][phase][summary].
  std::vector<double> outcome(int point) const;
  // A stored sensitivity index ("first", "total", "mu_star", ...), laid out
  // [phase][summary][parameter]; empty when the file has none.
  std::vector<double> sensitivity(const std::string& index) const;

 private:
  struct Unchecked {};
  SweepFile(const std::filesystem::path& path, Unchecked);
  // What the child process reads (see the constructor).
  static void read_everything(const std::filesystem::path& path);

  struct Handles;
  std::filesystem::path path_;
  std::unique_ptr<Handles> handles_;
  SweepFileInfo info_;
};

// Adds the indices to the file as `sensitivity_<index>` variables with dims
// (phase, summary, parameter), replacing any earlier ones. The file is
// changed on a copy that is synced and renamed over it, so an interruption
// leaves it as it was.
void write_sensitivity(const std::filesystem::path& path, const sweep::SensitivityTable& table);

}  // namespace score::output
