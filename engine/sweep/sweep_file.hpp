#pragma once
// A sweep file: the base scenario, the numbers of it to vary and over what
// ranges, the experimental design, the replications per point and the
// outputs to keep (docs/experiments.md describes every key). Parsed and
// checked here; problems are reported like a scenario's, one diagnostic per
// problem positioned at the offending key (file:line:column: key: message).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "experiment/design.hpp"
#include "scenario/document.hpp"
#include "sim/metrics.hpp"

namespace score::sweep {

enum class Method { grid, lhs, sobol, saltelli, morris };
const char* method_name(Method method);  // "grid", "lhs", "sobol", "saltelli", "morris"
std::optional<Method> method_from_name(std::string_view name);

// One scenario number the sweep varies. The factor's name is the key; its
// lo/hi (or levels, for a list of values) are in the key's own units.
struct Parameter {
  std::string key;  // scenario key path, e.g. "phases.III.subsidy_share"
  experiment::Factor factor;
  bool integer = false;        // the scenario key is an integer: design values are rounded
  bool from_scenario = false;  // range = "scenario": taken from the base scenario's provenance
};

// A policy option of a policies x uncertainties sweep: every point of the
// design runs once under each option. An option is the base scenario (or a
// whole scenario file of its own) with some keys set, categorical levers
// included ("funders.SECO.pacing=front_loaded").
struct Policy {
  std::string name;
  std::filesystem::path scenario;  // empty: the sweep's base scenario
  std::vector<std::string> set;    // "key=value" overrides, as for `score run --set`
};

// An outcome the decision table of a policy sweep reads: a phase summary,
// whether more is better, and optionally the level a planner needs
// (met when at least it, for a maximised outcome; at most it otherwise).
struct Criterion {
  std::string summary, phase;
  bool maximise = true;
  std::optional<double> threshold;
};

struct SweepSpec {
  std::filesystem::path file;      // as named by the user
  std::string text, sha256;        // the file's bytes and their SHA-256 (hex)
  std::string name;                // sweep.name, or the file's stem
  std::filesystem::path scenario;  // the base scenario, relative paths taken from the sweep's folder
  Method method = Method::grid;
  int points = 0;        // lhs, sobol: design points
  int n = 0;             // saltelli: base sample (points = n (k + 2))
  int trajectories = 0;  // morris (points = trajectories (k + 1))
  int levels = 0;        // grid: values per continuous parameter; morris: grid levels
  std::uint64_t seed = 1;
  bool common_seed = false;  // every point runs with `seed`: common random numbers across points
  int replications = 1;
  std::vector<Parameter> parameters;
  std::vector<sim::Metric> timeseries;  // full time series kept for these metrics
  std::vector<Policy> policies;         // [[policy]]: empty for a plain sweep
  std::vector<Criterion> criteria;      // [[decision]]: what the decision table of a policy sweep reads
  // "key=value" overrides of the base scenario applied before each point's
  // own: empty for a sweep file; set by callers that sweep a scenario loaded
  // with --set style edits (the Python module).
  std::vector<std::string> base_overrides;
};

// Upper bounds that keep a sweep file from asking for absurd work.
constexpr int kMaxPoints = 1'000'000;
constexpr int kMaxReplications = 10'000;

// Reads and checks a sweep file (toml::parse_file). `base` is the loaded
// base scenario, used to check parameter keys and resolve range =
// "scenario"; with nullptr such ranges stay unresolved (0 to 1) and the keys
// are checked against the schema only. Throws scenario::ScenarioError with
// every problem.
SweepSpec parse_sweep_file(const std::filesystem::path& file, const scenario::Document* base);

// The base scenario a sweep file names, without checking the rest of the
// file: its path, resolved against the sweep file's folder. Throws
// ScenarioError when the file cannot be read or names no scenario.
std::filesystem::path base_scenario_path(const std::filesystem::path& file);

}  // namespace score::sweep
