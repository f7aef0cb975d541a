#include "sweep/sweep.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "core/threads.hpp"
#include "scenario/hash.hpp"
#include "scenario/resolved.hpp"

namespace score::sweep {

namespace fs = std::filesystem;

namespace {

// A policy option's own scenario file is part of what the sweep computes:
// its hash joins the sweep file's (each after a NUL), so that --resume
// refuses when one of them changed. A sweep without such files keeps the
// plain SHA-256 of its file. The hash is of the bytes the points are built from.
void fold_policy_scenarios(SweepSpec& spec, ParsedScenarios& parsed) {
  std::string bytes = spec.text;
  bool any = false;
  for (const Policy& option : spec.policies) {
    if (option.scenario.empty()) continue;
    bytes += '\0';
    bytes += parsed.get(option.scenario).sha256();
    any = true;
  }
  if (any) spec.sha256 = scenario::sha256_hex(bytes);
}

}  // namespace

Sweep load_sweep(const fs::path& file) {
  // The base scenario first: range = "scenario" and the key checks read it.
  // The points are built from the bytes it was read from.
  auto parsed = std::make_shared<ParsedScenarios>();
  scenario::Scenario base = scenario::load_scenario(parsed->get(base_scenario_path(file)));
  SweepSpec spec = parse_sweep_file(file, &base.document);
  fold_policy_scenarios(spec, *parsed);
  Design design = make_design(spec);
  std::string toml = scenario::to_toml(base.document);
  return Sweep{std::move(spec), std::move(base), std::move(toml), std::move(design), std::move(parsed)};
}

const scenario::ParsedChain& ParsedScenarios::get(const fs::path& file) {
  std::lock_guard lock(mutex_);
  auto it = chains_.find(file);
  if (it == chains_.end()) it = chains_.emplace(file, scenario::ParsedChain(file)).first;  // may throw
  return it->second;
}

model::Description point_model(const Sweep& sweep, int point) {
  return scenario::load_model(sweep.parsed->get(point_scenario(sweep.spec, sweep.design, point)),
                              point_overrides(sweep.spec, sweep.design, point));
}

std::string describe_point(const Sweep& sweep, int point) {
  std::string out;
  const auto& row = sweep.design.values.at(static_cast<std::size_t>(point));
  for (std::size_t j = 0; j < row.size(); ++j) {
    if (!out.empty()) out += ", ";
    out += sweep.spec.parameters[j].key + "=" + scenario::format_number(row[j]);
  }
  return out;
}

namespace {

// Every point must give a model shaped like the base one: the results file
// has one phase, country and time axis for all points.
bool same_shape(const model::Description& a, const model::Description& b) {
  if (a.steps != b.steps || a.start != b.start || a.phases.size() != b.phases.size() ||
      a.countries.size() != b.countries.size())
    return false;
  for (std::size_t i = 0; i < a.phases.size(); ++i)
    if (a.phases[i].id != b.phases[i].id) return false;
  return true;
}

}  // namespace

void check_points(const Sweep& sweep, int count) {
  constexpr std::size_t kReported = 5;
  const std::string file = sweep.spec.file.lexically_normal().string();
  std::mutex mutex;
  std::map<int, std::vector<scenario::Diagnostic>> failures;  // by point, so the report is ordered
  threads::in_arena(count, [&] {
    threads::for_each(0, sweep.points(), [&](int point) {
      std::vector<scenario::Diagnostic> problems;
      try {
        if (!same_shape(point_model(sweep, point), sweep.base.model))
          problems.push_back({"", 0, 0, "", "changes the scenario's calendar, phases or countries"});
      } catch (const scenario::ScenarioError& e) {
        problems = e.diagnostics();
      }
      if (problems.empty()) return;
      std::lock_guard lock(mutex);
      failures.emplace(point, std::move(problems));
    });
  });
  if (failures.empty()) return;
  std::vector<scenario::Diagnostic> out;
  for (const auto& [point, problems] : failures) {
    if (out.size() >= kReported) break;
    for (const auto& d : problems)
      out.push_back({file, 0, 0, "",
                     "point " + std::to_string(point) + " (" + describe_point(sweep, point) +
                         ") is not a valid scenario: " + d.format()});
  }
  if (failures.size() > kReported)
    out.push_back({file, 0, 0, "", std::to_string(failures.size()) + " points in all are invalid"});
  throw scenario::ScenarioError(std::move(out));
}

}  // namespace score::sweep
