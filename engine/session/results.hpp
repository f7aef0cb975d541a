#pragma once
// Results files written by `score run` and `score sweep`, read back through
// the output layer's readers into what the viewer draws. Any problem with a
// file is a std::runtime_error naming the file; nothing is half-loaded.
#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "session/snapshot.hpp"
#include "sweep/sweep_analysis.hpp"

namespace score::session {

// A run's results file as a finished snapshot labelled with the file name.
SnapshotPtr load_run_results(const std::filesystem::path& path);

// A sweep's points: parameter values, mean outcomes and stored sensitivity indices.
struct SweepView {
  std::string label, scenario_name, method;
  std::vector<std::string> parameters, phases, phase_names;
  int points = 0;
  std::vector<double> design;   // [point][parameter]
  sweep::OutcomeTable means;    // mean over each point's replications
  std::string index_name;       // "total", "first" or "mu_star"; empty without indices
  std::vector<double> indices;  // [phase][summary][parameter]
  // The index's spread, same shape: Morris sigma, or half the Sobol'
  // interval; empty when the file has none.
  std::vector<double> spreads;
  // The phase the sweep is about: the first phase its parameters name
  // ("phases.III.subsidy_share"), else the last phase; the panel opens on it.
  int default_phase = 0;

  double parameter(int point, int p) const {
    return design[static_cast<std::size_t>(point) * parameters.size() + p];
  }
  double index(int phase, int summary, int p) const {
    return indices[(static_cast<std::size_t>(phase) * sim::kSummaries + summary) * parameters.size() + p];
  }
  double spread(int phase, int summary, int p) const {
    if (spreads.empty()) return 0;
    return spreads[(static_cast<std::size_t>(phase) * sim::kSummaries + summary) * parameters.size() + p];
  }
};
std::shared_ptr<const SweepView> load_sweep_results(const std::filesystem::path& path);

// Either kind, told apart by the readers themselves.
using LoadedResults = std::variant<SnapshotPtr, std::shared_ptr<const SweepView>>;
LoadedResults load_results(const std::filesystem::path& path);

}  // namespace score::session
