#include "calibrate/projection.hpp"

#include <cmath>
#include <memory>
#include <numeric>

#include "experiment/stream.hpp"
#include "scenario/access.hpp"
#include "scenario/resolved.hpp"
#include "scenario/validate.hpp"
#include "sweep/sweep_design.hpp"

namespace score::calibrate {
namespace {

// The resampling offset's own stream, apart from every seed the runs use.
constexpr std::uint64_t kResampleStream = 0x454E53454D424C45ull;  // "ENSEMBLE"

scenario::Diagnostic problem(const Draws& draws, const std::string& message) {
  return {draws.ensemble.lexically_normal().string(), 0, 0, "", message};
}

// Whether the scenario reads `key`: set in it, or a key with a default in a
// table the scenario has (a country or phase it lacks is not one).
bool scenario_reads(const scenario::Document& doc, const std::string& key, const scenario::KeySpec& spec) {
  const scenario::Reader reader(doc);
  if (reader.has(key)) return true;
  if (spec.fallback.empty()) return false;
  const std::size_t dot = key.rfind('.');
  const std::string parent = dot == std::string::npos ? "" : key.substr(0, dot);
  return parent.find('.') == std::string::npos || reader.has(parent);
}

// Whether one of the `--set` texts ("key=value") sets `key`.
bool set_by(const std::vector<std::string>& overrides, const std::string& key) {
  for (const std::string& o : overrides)
    if (o.substr(0, o.find('=')) == key) return true;
  return false;
}

std::vector<sweep::Parameter> parameters(const scenario::Scenario& base,
                                         const std::vector<std::string>& overrides, const Draws& draws) {
  std::vector<sweep::Parameter> out;
  std::vector<scenario::Diagnostic> problems;
  const std::string file = base.document.file.lexically_normal().string();
  for (const std::string& key : draws.keys) {
    const scenario::KeySpec* spec = scenario::find_spec(key);
    if (!spec || (spec->type != scenario::Type::number && spec->type != scenario::Type::integer))
      problems.push_back(problem(draws, "parameter '" + key + "' is not a number of the scenario schema"));
    else if (!scenario_reads(base.document, key, *spec))
      problems.push_back(problem(draws, "parameter '" + key + "' is not a key of the scenario " + file +
                                            " (a country, phase or table it lacks)"));
    else if (set_by(overrides, key))
      problems.push_back(problem(draws, "parameter '" + key + "' is also given by --set; the draws set it"));
    else
      out.push_back({key, {key, 0, 1, false, {}}, spec->type == scenario::Type::integer, false});
  }
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems));
  return out;
}

}  // namespace

std::vector<int> systematic_resample(std::span<const double> weights, int n, std::uint64_t seed) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  const double offset = experiment::detail::Stream(seed, kResampleStream).uniform();
  std::vector<int> out;
  out.reserve(static_cast<std::size_t>(n));
  double cumulative = 0;
  std::size_t i = 0;
  for (int j = 0; j < n; ++j) {
    const double point = (j + offset) / n * total;
    while (i + 1 < weights.size() && cumulative + weights[i] <= point) cumulative += weights[i++];
    // Rounding can carry the last point past the last weighted particle.
    std::size_t taken = i;
    while (taken > 0 && weights[taken] == 0) --taken;
    out.push_back(static_cast<int>(taken));
  }
  return out;
}

sweep::Sweep projection_sweep(const std::filesystem::path& scenario_file,
                              const std::vector<std::string>& overrides, const Draws& draws,
                              std::uint64_t seed, int replications) {
  // The draws are built from the bytes the base was read from.
  auto parsed = std::make_shared<sweep::ParsedScenarios>();
  scenario::Scenario base = scenario::load_scenario(parsed->get(scenario_file), overrides);
  sweep::SweepSpec spec;
  spec.file = draws.ensemble;
  spec.name = base.model.name;
  spec.scenario = scenario_file;
  spec.seed = seed;
  spec.replications = replications;
  spec.parameters = parameters(base, overrides, draws);
  spec.base_overrides = overrides;
  sweep::Design design;
  for (std::size_t d = 0; d < draws.values.size(); ++d) {
    std::vector<double> row = draws.values[d];
    for (std::size_t j = 0; j < row.size(); ++j)
      if (spec.parameters[j].integer) row[j] = std::round(row[j]);
    design.values.push_back(std::move(row));
    design.seeds.push_back(sweep::point_seed(seed, static_cast<int>(d)));
  }
  design.uncertain = design.points();
  std::string toml = scenario::to_toml(base.document);
  return sweep::Sweep{std::move(spec), std::move(base), std::move(toml), std::move(design),
                      std::move(parsed)};
}

}  // namespace score::calibrate
