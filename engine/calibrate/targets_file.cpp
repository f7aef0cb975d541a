// Reading a targets file: every [[target]] table checked against the agreed
// format (docs/calibration.md), every problem positioned at its key.
#include "calibrate/targets_file.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "calibrate/toml_input.hpp"
#include "sim/metric_names.hpp"
#include "sweep/file_checker.hpp"

namespace score::calibrate {
namespace {

using sweep::detail::FileChecker;

std::optional<YearMonth> month(FileChecker& check, const toml::table& t, const std::string& prefix,
                               std::string_view key) {
  const auto text = check.string(t, prefix, key);
  if (!text) return std::nullopt;
  const auto ym = parse_year_month(*text);
  if (!ym) check.error(*t.get(key), prefix + "." + std::string(key), "expected a month as \"YYYY-MM\"");
  return ym;
}

std::optional<double> number(FileChecker& check, const toml::table& t, const std::string& prefix,
                             std::string_view key) {
  const toml::node* node = t.get(key);
  return node ? check.number(*node, prefix + "." + std::string(key)) : std::nullopt;
}

void read_measure(FileChecker& check, const toml::table& t, const std::string& prefix, Target& out) {
  const bool summary = t.contains("summary") || t.contains("phase");
  const bool dated = t.contains("at") || t.contains("metric");
  const bool window = t.contains("window");
  if (summary + dated + window != 1)
    return check.error(t, prefix,
                       "give exactly one of phase + summary, at + metric, or window (what the model gives)");
  if (window) {
    out.measure = Measure::coverage;
    const toml::array* pair = t.get("window")->as_array();
    const auto a = pair && pair->size() == 2 ? pair->get(0)->value_exact<std::string>() : std::nullopt;
    const auto b = pair && pair->size() == 2 ? pair->get(1)->value_exact<std::string>() : std::nullopt;
    const auto ya = a ? parse_year_month(*a) : std::nullopt, yb = b ? parse_year_month(*b) : std::nullopt;
    if (!ya || !yb || *yb < *ya)
      return check.error(*t.get("window"), prefix + ".window",
                         "expected [\"YYYY-MM\", \"YYYY-MM\"], first to last");
    out.from = ya;
    out.at = *yb;
    if (out.country.empty()) check.error(t, prefix, "a cost coverage window needs a country");
    return;
  }
  if (summary) {
    out.measure = Measure::phase_summary;
    const auto phase = check.string(t, prefix, "phase");
    const auto name = check.string(t, prefix, "summary");
    if (!phase || !name) return check.error(t, prefix, "a phase summary needs phase and summary");
    out.phase = *phase;
    const auto s = summary_by_name(*name);
    if (!s)
      return check.error(*t.get("summary"), prefix + ".summary", "'" + *name + "' is not a phase summary");
    out.summary = *s;
    return;
  }
  out.measure = Measure::dated_metric;
  const auto name = check.string(t, prefix, "metric");
  const auto at = month(check, t, prefix, "at");
  if (!name || !at) return check.error(t, prefix, "a dated metric needs at and metric");
  out.at = *at;
  out.from = t.contains("from") ? month(check, t, prefix, "from") : std::nullopt;
  const auto m = sim::metric_named(*name, check.file());  // old names too
  if (!m) return check.error(*t.get("metric"), prefix + ".metric", "'" + *name + "' is not a metric");
  out.metric = *m;
  const sim::MetricInfo& info = sim::info(*m);
  if (info.kind == sim::Kind::ratio || (info.kind == sim::Kind::stock && info.axis != sim::Axis::none))
    check.error(*t.get("metric"), prefix + ".metric",
                "'" + *name + "' cannot be a target: only flows and plain stocks add up");
  if (out.from && info.kind != sim::Kind::flow)
    check.error(*t.get("from"), prefix + ".from", "from applies to flow metrics only");
}

void read_point(FileChecker& check, const toml::table& t, const std::string& prefix, Reported& r) {
  r.form = Form::point;
  if (const toml::node* list = t.get("value_by_module")) {
    const toml::array* values = list->as_array();
    if (!values || values->empty())
      return check.error(*list, prefix + ".value_by_module", "expected a list of numbers");
    for (const toml::node& v : *values)
      if (const auto x = check.number(v, prefix + ".value_by_module")) r.value_by_module.push_back(*x);
  } else {
    r.value = number(check, t, prefix, "value").value_or(0);
  }
  const auto rel = number(check, t, prefix, "relative_tolerance");
  const auto abs = number(check, t, prefix, "absolute_tolerance");
  if (rel.has_value() == abs.has_value())
    return check.error(t, prefix, "a point figure needs one of relative_tolerance or absolute_tolerance");
  if ((rel && *rel < 0) || (abs && *abs < 0)) return check.error(t, prefix, "a tolerance cannot be negative");
  r.relative_tolerance = rel.value_or(r.relative_tolerance);
  r.absolute_tolerance = abs.value_or(r.absolute_tolerance);
}

void read_reported(FileChecker& check, const toml::table& t, const std::string& prefix, Target& out) {
  const bool point = t.contains("value") || t.contains("value_by_module");
  const bool range = t.contains("min") || t.contains("max");
  const bool at_least = t.contains("at_least"), up_to = t.contains("up_to");
  if (point + range + at_least + up_to != 1)
    return check.error(t, prefix,
                       "give exactly one of value, min + max, at_least or up_to (how it was reported)");
  Reported& r = out.reported;
  if (point) return read_point(check, t, prefix, r);
  if (range) {
    r.form = Form::range;
    const auto lo = number(check, t, prefix, "min"), hi = number(check, t, prefix, "max");
    if (!lo || !hi || *hi < *lo) return check.error(t, prefix, "a range needs min and max, min <= max");
    r.min = *lo;
    r.max = *hi;
    return;
  }
  r.form = at_least ? Form::at_least : Form::up_to;
  r.value = number(check, t, prefix, at_least ? "at_least" : "up_to").value_or(0);
  if (const auto tail = number(check, t, prefix, "upper_tail")) {
    if (!at_least || *tail < 0)
      check.error(*t.get("upper_tail"), prefix + ".upper_tail", "goes with at_least, >= 0");
    r.upper_tail = *tail;
  }
}

Target read_target(FileChecker& check, const toml::table& t, std::size_t index) {
  const std::string prefix = "target[" + std::to_string(index + 1) + "]";
  check.unknown_keys(t, prefix,
                     {"name",
                      "kind",
                      "source",
                      "phase",
                      "summary",
                      "at",
                      "metric",
                      "from",
                      "country",
                      "window",
                      "value",
                      "relative_tolerance",
                      "absolute_tolerance",
                      "value_by_module",
                      "min",
                      "max",
                      "at_least",
                      "upper_tail",
                      "up_to",
                      "holdout"});
  Target out;
  out.line = static_cast<int>(t.source().begin.line);
  out.name = check.string(t, prefix, "name").value_or("");
  if (out.name.empty()) check.error(t, prefix, "missing name");
  out.source = check.string(t, prefix, "source").value_or("");
  const auto kind = check.string(t, prefix, "kind");
  if (kind == "identity")
    out.kind = Kind::identity;
  else if (kind != "fit")
    check.error(t.contains("kind") ? *t.get("kind") : static_cast<const toml::node&>(t), prefix + ".kind",
                "expected kind = \"fit\" or \"identity\"");
  out.holdout = check.boolean(t, prefix, "holdout").value_or(false);
  out.country = check.string(t, prefix, "country").value_or("");
  read_measure(check, t, prefix, out);
  read_reported(check, t, prefix, out);
  if (!out.reported.value_by_module.empty() && out.measure != Measure::coverage)
    check.error(t, prefix, "value_by_module applies to a cost coverage window only");
  return out;
}

}  // namespace

TargetsFile parse_targets_file(const std::filesystem::path& file) {
  const TomlInput input = read_toml_input(file, "targets file");
  FileChecker check(input.display);
  // [[parameter]]: the free parameters of scripts/calibrate.py's bisection fit.
  check.unknown_keys(input.root, "", {"scenario", "replications", "target", "parameter"});
  TargetsFile out;
  out.file = file;
  out.text = input.text;
  const auto scenario = check.string(input.root, "", "scenario");
  if (!scenario) check.error("missing scenario = \"...\" (the scenario the targets calibrate)");
  out.scenario = file.parent_path() / scenario.value_or("");
  out.replications = static_cast<int>(check.integer(input.root, "", "replications", 1, 10'000).value_or(1));
  const toml::array* targets = input.root.get("target") ? input.root.get("target")->as_array() : nullptr;
  if (!targets || !targets->is_array_of_tables()) check.error("expected [[target]] tables");
  std::set<std::string> names;
  for (std::size_t i = 0; targets && i < targets->size(); ++i) {
    const toml::table* t = targets->get(i)->as_table();
    if (!t) continue;
    Target target = read_target(check, *t, i);
    if (!names.insert(target.name).second)
      check.error(*t, "target[" + std::to_string(i + 1) + "]", "a second target named '" + target.name + "'");
    out.targets.push_back(std::move(target));
  }
  check.throw_if_errors();
  return out;
}

std::vector<Target> of_kind(const std::vector<Target>& targets, Kind kind) {
  std::vector<Target> out;
  for (const Target& t : targets)
    if (t.kind == kind) out.push_back(t);
  return out;
}

}  // namespace score::calibrate
