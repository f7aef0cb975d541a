// A sweep file's [[policy]] and [[decision]] entries: the options a planner
// compares (each run over every point of the design) and the outcomes the
// decision table reads. Checked here so that a typo is reported at the
// sweep file's line; the options' values are checked when every point's
// scenario is built (sweep.cpp, check_points).
#include <algorithm>
#include <string>

#include "scenario/schema.hpp"
#include "scenario/validate.hpp"
#include "sim/summary.hpp"
#include "sweep/file_checker.hpp"

namespace score::sweep::detail {
namespace {

std::string entry_path(const char* table, std::size_t index) {
  return std::string(table) + "[" + std::to_string(index + 1) + "]";
}

// The entries of an array of tables, or nullptr (with a diagnostic when it
// is there but not one).
const toml::array* entries_of(FileChecker& check, const toml::table& root, const char* name) {
  const toml::node* node = root.get(name);
  if (!node) return nullptr;
  const toml::array* entries = node->as_array();
  if (!entries || !entries->is_array_of_tables()) {
    check.error(*node, name, std::string("write each entry as its own [[") + name + "]] table");
    return nullptr;
  }
  return entries;
}

bool safe_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// One "key=value": the key must be a scenario key and not one the design sweeps.
void read_setting(FileChecker& check, const toml::node& item, const std::string& path, const SweepSpec& spec,
                  Policy& policy) {
  const auto text = item.value_exact<std::string>();
  const std::size_t eq = text ? text->find('=') : std::string::npos;
  if (!text || eq == std::string::npos || eq == 0)
    return check.error(item, path, "expected \"KEY=VALUE\", as for score run --set");
  std::string key = text->substr(0, eq);
  key.erase(key.find_last_not_of(" \t") + 1);
  if (!scenario::find_spec(key))
    return check.error(item, path, "'" + key + "' is not a scenario key (score schema lists them)");
  for (const Parameter& p : spec.parameters)
    if (p.key == key)
      return check.error(item, path, "'" + key + "' is swept by the design; a policy cannot also set it");
  policy.set.push_back(*text);
}

void read_policy(FileChecker& check, const toml::table& entry, std::size_t index, SweepSpec& spec) {
  const std::string prefix = entry_path("policy", index);
  check.unknown_keys(entry, prefix, {"name", "scenario", "set"});
  Policy policy;
  const auto name = check.string(entry, prefix, "name");
  if (!name) {
    if (!entry.get("name"))
      check.error(entry, prefix, "missing required key 'name' (how the decision table names it)");
    return;
  }
  if (!safe_name(*name))
    return check.error(*entry.get("name"), prefix + ".name", "use letters, digits, '_' and '-' (at most 64)");
  for (const Policy& other : spec.policies)
    if (other.name == *name)
      return check.error(*entry.get("name"), prefix + ".name", "'" + *name + "' is named twice");
  policy.name = *name;
  if (const auto scenario = check.string(entry, prefix, "scenario"))
    policy.scenario = (spec.file.parent_path() / *scenario).lexically_normal();
  if (const toml::node* set = entry.get("set")) {
    const toml::array* list = set->as_array();
    if (!list) return check.error(*set, prefix + ".set", "expected a list of \"KEY=VALUE\" strings");
    for (const toml::node& item : *list) read_setting(check, item, prefix + ".set", spec, policy);
  }
  spec.policies.push_back(std::move(policy));
}

std::vector<std::string_view> summary_names() {
  std::vector<std::string_view> names;
  for (const auto& s : sim::summary_catalogue()) names.emplace_back(s.name);
  return names;
}

void read_outcome(FileChecker& check, const toml::table& entry, const std::string& prefix, Criterion& c) {
  const auto outcome = check.string(entry, prefix, "outcome");
  if (!outcome) {
    if (!entry.get("outcome"))
      check.error(entry, prefix, "missing required key 'outcome' (a summary, e.g. firms_trained)");
    return;
  }
  const auto names = summary_names();
  if (std::find(names.begin(), names.end(), *outcome) == names.end()) {
    std::string message = "unknown outcome '" + *outcome + "'";
    const std::string_view near = scenario::closest_match(*outcome, names);
    if (!near.empty()) message += "; did you mean '" + std::string(near) + "'?";
    return check.error(*entry.get("outcome"), prefix + ".outcome",
                       message + " (docs/output-format.md lists them)");
  }
  c.summary = *outcome;
}

void read_criterion(FileChecker& check, const toml::table& entry, std::size_t index,
                    const scenario::Document* base, SweepSpec& spec) {
  const std::string prefix = entry_path("decision", index);
  check.unknown_keys(entry, prefix, {"outcome", "phase", "goal", "threshold"});
  Criterion c;
  read_outcome(check, entry, prefix, c);
  const auto phase = check.string(entry, prefix, "phase");
  if (!phase && !entry.get("phase"))
    check.error(entry, prefix, "missing required key 'phase' (a phase id, e.g. IV)");
  if (phase && base) {
    const toml::table* phases = base->root["phases"].as_table();
    if (!phases || !phases->contains(*phase))
      check.error(*entry.get("phase"), prefix + ".phase", "the base scenario has no phase '" + *phase + "'");
  }
  if (phase) c.phase = *phase;
  const auto goal = check.string(entry, prefix, "goal");
  if (goal && *goal != "max" && *goal != "min")
    check.error(*entry.get("goal"), prefix + ".goal", "expected \"max\" (more is better) or \"min\"");
  c.maximise = !goal || *goal == "max";
  if (const toml::node* threshold = entry.get("threshold"))
    c.threshold = check.number(*threshold, prefix + ".threshold");
  if (!c.summary.empty() && !c.phase.empty()) spec.criteria.push_back(std::move(c));
}

}  // namespace

void read_policies(FileChecker& check, const toml::table& root, const scenario::Document* base,
                   SweepSpec& spec) {
  const toml::array* policies = entries_of(check, root, "policy");
  const toml::array* decisions = entries_of(check, root, "decision");
  if (policies)
    for (std::size_t i = 0; i < policies->size(); ++i)
      read_policy(check, *policies->get(i)->as_table(), i, spec);
  if (decisions)
    for (std::size_t i = 0; i < decisions->size(); ++i)
      read_criterion(check, *decisions->get(i)->as_table(), i, base, spec);
  if (!policies) {
    if (decisions)
      check.error(*root.get("decision"), "decision", "a decision table needs [[policy]] options to compare");
    return;
  }
  if (spec.method == Method::saltelli || spec.method == Method::morris)
    check.error(*root.get("policy"), "policy",
                std::string("policy options cross a grid, lhs or sobol design; a ") +
                    method_name(spec.method) + " design's rows must stay in its own order");
  if (policies->size() < 2)
    check.error(*root.get("policy"), "policy", "give at least two policy options to compare");
  if (!decisions)
    check.error(*root.get("policy"), "policy",
                "a policy sweep needs at least one [[decision]] (outcome, phase, goal, threshold) to compare "
                "them on");
}

}  // namespace score::sweep::detail
