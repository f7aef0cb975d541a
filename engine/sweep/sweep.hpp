#pragma once
// A loaded sweep: the checked sweep file, its base scenario and its design.
// Everything a run of its points needs, and what a results file records
// about it; no I/O formats (the output layer writes the results).
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "model/description.hpp"
#include "scenario/build.hpp"
#include "sweep/sweep_design.hpp"
#include "sweep/sweep_file.hpp"

namespace score::sweep {

// The scenario files of a sweep's points (the base, and policy options' own
// files), each read and parsed once, the first time it is asked for (the
// base as the sweep loads): every point of a sweep is then built from the
// same bytes, even if a file is edited while the sweep runs. Safe to share
// between threads.
class ParsedScenarios {
 public:
  const scenario::ParsedChain& get(const std::filesystem::path& file);

 private:
  std::mutex mutex_;
  std::map<std::filesystem::path, scenario::ParsedChain> chains_;
};

struct Sweep {
  SweepSpec spec;
  scenario::Scenario base;  // the scenario as written, before any point's overrides
  std::string base_toml;    // its resolved TOML (scenario/resolved.hpp)
  Design design;
  std::shared_ptr<ParsedScenarios> parsed = std::make_shared<ParsedScenarios>();
  int points() const { return design.points(); }
};

// Reads the sweep file, loads its base scenario, checks both and builds the
// design. Throws scenario::ScenarioError with every problem found.
Sweep load_sweep(const std::filesystem::path& file);

// The model of one point: the base scenario with the point's overrides.
// Throws ScenarioError when the point makes the scenario invalid.
model::Description point_model(const Sweep& sweep, int point);

// Builds every point's model (in parallel on `threads` workers, 0 = all
// cores) so that a point the scenario rejects stops the sweep before
// anything runs or is written. Throws ScenarioError naming the sweep file,
// the first failing points and their values.
void check_points(const Sweep& sweep, int threads);

// "key=value, key=value" for messages.
std::string describe_point(const Sweep& sweep, int point);

}  // namespace score::sweep
