// A sweep file's [sweep] and [output] tables, and the checks that tie the
// design to its size keys. The [[parameter]] entries are read in
// sweep_parameters.cpp.
#include "sweep/sweep_file.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <sstream>

#include "scenario/hash.hpp"
#include "scenario/validate.hpp"
#include "sim/metric_names.hpp"
#include "sweep/file_checker.hpp"

namespace score::sweep {

namespace fs = std::filesystem;

const char* method_name(Method method) {
  switch (method) {
    case Method::grid:
      return "grid";
    case Method::lhs:
      return "lhs";
    case Method::sobol:
      return "sobol";
    case Method::saltelli:
      return "saltelli";
    case Method::morris:
      return "morris";
  }
  return "";
}

std::optional<Method> method_from_name(std::string_view name) {
  for (const Method m : {Method::grid, Method::lhs, Method::sobol, Method::saltelli, Method::morris})
    if (name == method_name(m)) return m;
  return std::nullopt;
}

namespace {

using detail::FileChecker;

using Loaded = detail::LoadedToml;

Loaded load(const fs::path& file) { return detail::load_toml(file, "sweep file"); }

const toml::table* sweep_table(FileChecker& check, const toml::table& root) {
  const toml::node* node = root.get("sweep");
  if (!node) {
    check.error("missing the [sweep] table (scenario, design, replications, seed)");
    return nullptr;
  }
  if (!node->is_table()) check.error(*node, "sweep", "expected a table");
  return node->as_table();
}

std::optional<Method> read_method(FileChecker& check, const toml::table& sweep) {
  const auto name = check.string(sweep, "sweep", "design");
  if (!name) {
    if (!sweep.get("design"))
      check.error(sweep, "sweep", "missing required key 'design' (grid, lhs, sobol, saltelli or morris)");
    return std::nullopt;
  }
  if (const auto method = method_from_name(*name)) return method;
  check.error(*sweep.get("design"), "sweep.design",
              "unknown design '" + *name + "'; expected grid, lhs, sobol, saltelli or morris");
  return std::nullopt;
}

// The size keys each design takes; any other is a mistake worth reporting.
void read_sizes(FileChecker& check, const toml::table& sweep, Method method, SweepSpec& spec) {
  struct Size {
    std::string_view key;
    int* target;
    std::int64_t lo, hi;
    bool used;
  };
  const bool grid = method == Method::grid, morris = method == Method::morris;
  const std::array<Size, 4> sizes{{
      {"points", &spec.points, 1, kMaxPoints, method == Method::lhs || method == Method::sobol},
      {"n", &spec.n, 2, 1 << 20, method == Method::saltelli},
      {"trajectories", &spec.trajectories, 1, 100'000, morris},
      {"levels", &spec.levels, 2, 1000, grid || morris},
  }};
  for (const Size& s : sizes) {
    const toml::node* node = sweep.get(s.key);
    if (node && !s.used) {
      check.error(*node, detail::key_path("sweep", s.key),
                  std::string("not used by a ") + method_name(method) + " design");
      continue;
    }
    if (const auto value = check.integer(sweep, "sweep", s.key, s.lo, s.hi))
      *s.target = static_cast<int>(*value);
    // grid needs levels only for continuous parameters: checked with them.
    if (!node && s.used && !grid && !(morris && s.key == "levels"))
      check.error(sweep, "sweep",
                  std::string("a ") + method_name(method) + " design needs '" + std::string(s.key) + "'");
  }
  if (morris && !sweep.get("levels")) spec.levels = 4;
  if (morris && spec.levels % 2 != 0)
    check.error(*sweep.get("levels"), "sweep.levels", "a morris design needs an even number of levels");
  if (method == Method::saltelli && spec.n > 0 && (spec.n & (spec.n - 1)) != 0)
    check.error(*sweep.get("n"), "sweep.n",
                "must be a power of two (2, 4, 8, ...) to keep the Sobol' balance");
}

// False when the design is missing or unknown (its checks are then skipped).
bool read_sweep(FileChecker& check, const toml::table& sweep, SweepSpec& spec) {
  check.unknown_keys(sweep, "sweep",
                     {"name", "scenario", "design", "seed", "common_seed", "replications", "points", "n",
                      "trajectories", "levels"});
  if (const auto name = check.string(sweep, "sweep", "name")) spec.name = *name;
  if (const auto scenario = check.string(sweep, "sweep", "scenario"))
    spec.scenario = (spec.file.parent_path() / *scenario).lexically_normal();
  else if (!sweep.get("scenario"))
    check.error(sweep, "sweep", "missing required key 'scenario' (the base scenario, relative to this file)");
  // Bounded like run.seed: below 2^53, so that a double (JSON, Python) holds it exactly.
  if (const auto seed = check.integer(sweep, "sweep", "seed", 0, (std::int64_t{1} << 53) - 1))
    spec.seed = static_cast<std::uint64_t>(*seed);
  spec.common_seed = check.boolean(sweep, "sweep", "common_seed").value_or(false);
  if (const auto reps = check.integer(sweep, "sweep", "replications", 1, kMaxReplications))
    spec.replications = static_cast<int>(*reps);
  const auto method = read_method(check, sweep);
  if (!method) return false;
  spec.method = *method;
  read_sizes(check, sweep, *method, spec);
  return true;
}

void read_output(FileChecker& check, const toml::table& root, SweepSpec& spec) {
  const toml::node* node = root.get("output");
  if (!node) return;
  const toml::table* output = node->as_table();
  if (!output) return check.error(*node, "output", "expected a table");
  check.unknown_keys(*output, "output", {"timeseries"});
  const toml::node* list = output->get("timeseries");
  if (!list) return;
  const toml::array* names = list->as_array();
  if (!names) return check.error(*list, "output.timeseries", "expected a list of metric names");
  std::vector<std::string_view> known;
  for (const auto& m : sim::metric_catalogue()) known.emplace_back(m.name);
  for (const toml::node& item : *names) {
    const auto name = item.value_exact<std::string>();
    const auto found = name ? sim::metric_named(*name, check.file()) : std::nullopt;  // old names too
    if (!found) {
      std::string message = name ? "unknown metric '" + *name + "'" : std::string("expected a metric name");
      const std::string_view suggestion = name ? scenario::closest_match(*name, known) : std::string_view();
      if (!suggestion.empty()) message += "; did you mean '" + std::string(suggestion) + "'?";
      check.error(item, "output.timeseries", message + " (the metrics are listed in docs/output-format.md)");
    } else if (std::find(spec.timeseries.begin(), spec.timeseries.end(), *found) != spec.timeseries.end()) {
      check.error(item, "output.timeseries", "'" + *name + "' is listed twice");
    } else {
      spec.timeseries.push_back(*found);
    }
  }
}

// The checks between the design and its parameters.
void check_design(FileChecker& check, const toml::table& at, const SweepSpec& spec) {
  const auto k = static_cast<int>(spec.parameters.size());
  if (k == 0) return;  // read_parameters has said so
  const bool continuous = std::any_of(spec.parameters.begin(), spec.parameters.end(),
                                      [](const Parameter& p) { return p.factor.levels.empty(); });
  if (spec.method == Method::grid && continuous && !at.get("levels"))
    check.error(at, "sweep", "a grid design needs 'levels' (values per parameter given as a range)");
  if (spec.method == Method::sobol && k > experiment::sobol_max_dimension())
    check.error(
        at, "sweep",
        "a sobol design takes at most " + std::to_string(experiment::sobol_max_dimension()) + " parameters");
  if (spec.method == Method::saltelli && 2 * k > experiment::sobol_max_dimension())
    check.error(at, "sweep",
                "a saltelli design takes at most " + std::to_string(experiment::sobol_max_dimension() / 2) +
                    " parameters");
  double points = 1;
  switch (spec.method) {
    case Method::grid:
      for (const Parameter& p : spec.parameters)
        points *=
            p.factor.levels.empty() ? std::max(spec.levels, 1) : static_cast<double>(p.factor.levels.size());
      break;
    case Method::lhs:
    case Method::sobol:
      points = spec.points;
      break;
    case Method::saltelli:
      points = static_cast<double>(spec.n) * (k + 2);
      break;
    case Method::morris:
      points = static_cast<double>(spec.trajectories) * (k + 1);
      break;
  }
  points *=
      static_cast<double>(std::max<std::size_t>(1, spec.policies.size()));  // each point once per policy
  if (points > kMaxPoints)
    check.error(at, "sweep",
                "the design has " + scenario::format_number(points) + " points; at most " +
                    std::to_string(kMaxPoints));
}

}  // namespace

fs::path base_scenario_path(const fs::path& file) {
  const Loaded loaded = load(file);
  FileChecker check(loaded.display);
  const toml::table* sweep = sweep_table(check, loaded.root);
  std::optional<std::string> scenario;
  if (sweep) scenario = check.string(*sweep, "sweep", "scenario");
  if (sweep && !scenario && !sweep->get("scenario"))
    check.error(*sweep, "sweep",
                "missing required key 'scenario' (the base scenario, relative to this file)");
  check.throw_if_errors();
  return (file.parent_path() / *scenario).lexically_normal();
}

SweepSpec parse_sweep_file(const fs::path& file, const scenario::Document* base) {
  Loaded loaded = load(file);
  SweepSpec spec;
  spec.file = file;
  spec.text = std::move(loaded.text);
  spec.sha256 = scenario::sha256_hex(spec.text);
  spec.name = file.stem().string();
  FileChecker check(loaded.display);
  check.unknown_keys(loaded.root, "", {"sweep", "parameter", "output", "policy", "decision"});
  const toml::table* sweep = sweep_table(check, loaded.root);
  const bool method_known = sweep && read_sweep(check, *sweep, spec);
  spec.parameters = detail::read_parameters(check, loaded.root, base);
  read_output(check, loaded.root, spec);
  if (method_known) detail::read_policies(check, loaded.root, base, spec);
  if (method_known) check_design(check, *sweep, spec);
  check.throw_if_errors();
  return spec;
}

}  // namespace score::sweep
