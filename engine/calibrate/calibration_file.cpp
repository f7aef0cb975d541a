// Reading a calibration file: the [calibration] table and the [[parameter]]
// entries, read as a sweep's (key, range = "scenario" or [lo, hi], log).
#include "calibrate/calibration_file.hpp"

#include <algorithm>

#include "calibrate/toml_input.hpp"
#include "scenario/hash.hpp"
#include "sweep/file_checker.hpp"

namespace score::calibrate {
namespace {

namespace fs = std::filesystem;
using sweep::detail::FileChecker;

const toml::table* calibration_table(FileChecker& check, const toml::table& root) {
  const toml::node* node = root.get("calibration");
  if (!node || !node->is_table()) {
    check.error("missing the [calibration] table (scenario, targets, population, budget, seed)");
    return nullptr;
  }
  return node->as_table();
}

std::optional<double> fraction(FileChecker& check, const toml::table& t, std::string_view key) {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  const auto x = check.number(*node, "calibration." + std::string(key));
  if (x && !(*x > 0 && *x < 1)) {
    check.error(*node, "calibration." + std::string(key), "must lie strictly between 0 and 1");
    return std::nullopt;
  }
  return x;
}

void read_sizes(FileChecker& check, const toml::table& t, CalibrationSpec& spec) {
  auto integer = [&](std::string_view key, std::int64_t lo, std::int64_t hi, auto& out) {
    if (const auto v = check.integer(t, "calibration", key, lo, hi))
      out = static_cast<std::remove_reference_t<decltype(out)>>(*v);
  };
  integer("population", 2, 100'000, spec.population);
  integer("replications", 1, 10'000, spec.replications);
  integer("budget", 1, std::int64_t{1} << 40, spec.budget);
  integer("generations", 0, 1000, spec.generations);
  integer("moves", 1, 1000, spec.moves);
  integer("max_moves", 1, 1000, spec.max_moves);
  std::int64_t seed = 1;
  integer("seed", 0, (std::int64_t{1} << 53) - 1, seed);
  spec.seed = static_cast<std::uint64_t>(seed);
  spec.min_acceptance = fraction(check, t, "min_acceptance").value_or(spec.min_acceptance);
  spec.quantile = fraction(check, t, "quantile").value_or(spec.quantile);
  spec.unmoved = fraction(check, t, "unmoved").value_or(spec.unmoved);
  if (spec.budget < std::int64_t{spec.population} * spec.replications)
    check.error(*t.get("budget"), "calibration.budget",
                "is less than one generation (population x replications = " +
                    std::to_string(std::int64_t{spec.population} * spec.replications) + " runs)");
}

// The [[parameter]] entries, or with calibration.parameters_from = "FILE" those
// of another calibration file: a variant of a calibration (an out-of-sample
// check) frees the same parameters without repeating them.
std::vector<sweep::Parameter> free_parameters(FileChecker& check, const toml::table& t,
                                              const toml::table& root, const fs::path& file,
                                              const scenario::Document* base) {
  const auto from = check.string(t, "calibration", "parameters_from");
  if (!from) return sweep::detail::read_parameters(check, root, base);
  if (root.get("parameter"))
    check.error(*root.get("parameter"), "parameter",
                "give [[parameter]] entries or calibration.parameters_from, not both");
  const TomlInput other = read_toml_input(file.parent_path() / *from, "calibration file");
  FileChecker other_check(other.display);
  auto parameters = sweep::detail::read_parameters(other_check, other.root, base);
  other_check.throw_if_errors();
  return parameters;
}

// calibration.holdout = ["target name", ...]: targets this calibration leaves
// out of the fit (besides those the targets file marks), so one targets file
// serves both the full fit and an out-of-sample check.
void hold_out(FileChecker& check, const toml::table& t, TargetsFile& targets) {
  const toml::node* node = t.get("holdout");
  if (!node) return;
  const toml::array* names = node->as_array();
  if (!names) return check.error(*node, "calibration.holdout", "must be a list of target names");
  for (const toml::node& n : *names) {
    const auto name = n.value<std::string>();
    auto it = std::find_if(targets.targets.begin(), targets.targets.end(),
                           [&](const Target& x) { return name && x.name == *name; });
    if (it == targets.targets.end()) {
      check.error(n, "calibration.holdout", "names no target of " + targets.file.filename().string());
      continue;
    }
    if (it->kind != Kind::fit)
      check.error(n, "calibration.holdout", "names an identity: identities never steer the fit");
    it->holdout = true;
  }
}

// calibration.central_phase must name a phase some fit target summarises:
// one that none does would let every candidate "meet" it, so a typo such as
// "i" would silently choose the central set by distance alone. A held-out
// target is the out-of-sample check, so it never counts: a phase whose only
// targets are held out is refused too, saying so.
void check_central_phase(FileChecker& check, const toml::table& t, const CalibrationSpec& spec) {
  const toml::node* node = t.get("central_phase");
  if (!node || spec.central_phase.empty()) return;
  std::vector<std::string> phases;
  bool held_out = false;  // the phase has fit targets, all held out
  for (const Target& target : spec.targets.targets) {
    if (target.kind != Kind::fit || target.measure != Measure::phase_summary) continue;
    if (target.holdout) {
      held_out = held_out || target.phase == spec.central_phase;
    } else if (std::find(phases.begin(), phases.end(), target.phase) == phases.end()) {
      phases.push_back(target.phase);
    }
  }
  if (std::find(phases.begin(), phases.end(), spec.central_phase) != phases.end()) return;
  std::string known;
  for (const std::string& phase : phases) known += (known.empty() ? "" : ", ") + ("\"" + phase + "\"");
  const std::string file = spec.targets.file.filename().string();
  const std::string listed =
      known.empty() ? " (none of its fit targets is a phase summary)" : " (their phases: " + known + ")";
  check.error(*node, "calibration.central_phase",
              held_out ? "\"" + spec.central_phase + "\" is the phase of held-out targets only in " + file +
                             ", and a held-out target never chooses the central set" +
                             (known.empty() ? std::string() : " (the fit's phases: " + known + ")")
                       : "\"" + spec.central_phase + "\" is no phase of a fit target in " + file + listed);
}

}  // namespace

fs::path calibration_scenario(const fs::path& file) {
  const TomlInput input = read_toml_input(file, "calibration file");
  FileChecker check(input.display);
  const toml::table* t = calibration_table(check, input.root);
  const auto scenario = t ? check.string(*t, "calibration", "scenario") : std::nullopt;
  if (t && !scenario)
    check.error(*t, "calibration", "missing scenario = \"...\" (the scenario to calibrate)");
  check.throw_if_errors();
  return file.parent_path() / *scenario;
}

CalibrationSpec parse_calibration_file(const fs::path& file, const scenario::Document* base) {
  const TomlInput input = read_toml_input(file, "calibration file");
  FileChecker check(input.display);
  check.unknown_keys(input.root, "", {"calibration", "parameter"});
  CalibrationSpec spec;
  spec.file = file;
  spec.text = input.text;
  spec.sha256 = scenario::sha256_hex(input.text);
  spec.name = file.stem().string();
  if (const toml::table* t = calibration_table(check, input.root)) {
    check.unknown_keys(*t, "calibration",
                       {"name", "scenario", "targets", "population", "replications", "budget", "generations",
                        "min_acceptance", "quantile", "seed", "moves", "unmoved", "max_moves", "holdout",
                        "parameters_from", "central_phase"});
    spec.name = check.string(*t, "calibration", "name").value_or(spec.name);
    spec.scenario = file.parent_path() / check.string(*t, "calibration", "scenario").value_or("");
    const auto targets = check.string(*t, "calibration", "targets");
    if (!targets) check.error(*t, "calibration", "missing targets = \"...\" (the targets file)");
    read_sizes(check, *t, spec);
    spec.central_phase = check.string(*t, "calibration", "central_phase").value_or("");
    spec.parameters = free_parameters(check, *t, input.root, file, base);
    for (const auto& p : spec.parameters)
      if (!p.factor.levels.empty())
        check.error("parameter '" + p.key + "': a prior is a range, not a list of values");
    check.throw_if_errors();
    spec.targets = parse_targets_file(file.parent_path() / *targets);
    hold_out(check, *t, spec.targets);
    check_central_phase(check, *t, spec);
  }
  check.throw_if_errors();
  return spec;
}

TargetsFile targets_of(const fs::path& file) {
  const TomlInput input = read_toml_input(file, "targets or calibration file");
  const toml::table* t = input.root.get_as<toml::table>("calibration");
  if (!t) return parse_targets_file(file);
  const auto targets = t->get_as<std::string>("targets");
  if (!targets)
    throw scenario::ScenarioError(
        {{input.display, 0, 0, "calibration", "missing targets = \"...\" (the targets file)"}});
  return parse_targets_file(file.parent_path() / targets->get());
}

}  // namespace score::calibrate
