// The [[parameter]] entries of a sweep file: which scenario number, over
// which range or values, on which scale. Keys are checked against the
// scenario schema here, so a typo is reported at the sweep file's line
// rather than as a failed override at run time.
#include <cmath>
#include <string>

#include "scenario/access.hpp"
#include "scenario/schema.hpp"
#include "scenario/validate.hpp"
#include "sweep/file_checker.hpp"

namespace score::sweep::detail {
namespace {

using scenario::format_number;

std::string entry_path(std::size_t index) { return "parameter[" + std::to_string(index + 1) + "]"; }

// "not a scenario key", with the closest sibling key when one is near.
std::string unknown_key_message(const std::string& key) {
  std::vector<std::string> segments = scenario::split_path(key);
  std::string message = "'" + key + "' is not a scenario key";
  if (segments.size() < 2) return message;
  const std::string last = segments.back();
  segments.pop_back();
  const scenario::SchemaLevel level = scenario::schema_level(segments);
  const std::string_view suggestion = scenario::closest_match(last, level.names);
  if (!suggestion.empty()) message += "; did you mean '" + std::string(suggestion) + "'?";
  return message + " (score schema lists them)";
}

// The schema entry of a swept key, which must be a number or an integer.
const scenario::KeySpec* key_spec(FileChecker& check, const toml::node& at, const std::string& path,
                                  const std::string& key) {
  const scenario::KeySpec* spec = scenario::find_spec(key);
  if (!spec) {
    check.error(at, path, unknown_key_message(key));
    return nullptr;
  }
  if (spec->type != scenario::Type::number && spec->type != scenario::Type::integer) {
    check.error(at, path, "'" + key + "' is not a number; only numbers can be swept");
    return nullptr;
  }
  return spec;
}

std::string bounds_text(const scenario::KeySpec& spec) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "[" + string.
  std::string out = "[";
  out += format_number(spec.min);
  out += ", " + format_number(spec.max) + "]";
  return out;
}

// A value allowed by the schema (bounds, integrality).
bool check_value(FileChecker& check, const toml::node& at, const std::string& path,
                 const scenario::KeySpec& spec, double value) {
  if (value < spec.min || value > spec.max) {
    check.error(at, path, format_number(value) + " lies outside the key's bounds " + bounds_text(spec));
    return false;
  }
  if (spec.type == scenario::Type::integer && value != std::floor(value)) {
    check.error(at, path,
                format_number(value) + " is not an integer, and '" + std::string(spec.path) + "' is one");
    return false;
  }
  return true;
}

// range = "scenario": the range the base scenario declares for the key.
void range_from_scenario(FileChecker& check, const toml::node& at, const std::string& path,
                         const std::string& key, const scenario::Document& base, Parameter& p) {
  const scenario::Reader reader(base);
  const auto provenance = reader.provenance(key);
  const std::string file = base.file.lexically_normal().string();
  if (!provenance) {
    check.error(at, path,
                "'" + key + "' is not set in " + file + ", so it declares no range; give range = [lo, hi]");
    return;
  }
  if (!provenance->range) {
    check.error(at, path,
                "'" + key + "' declares no range in " + file + "; write it there as { value = " +
                    format_number(provenance->value) + ", range = [lo, hi] } or give range = [lo, hi] here");
    return;
  }
  p.factor.lo = provenance->range->first;
  p.factor.hi = provenance->range->second;
  p.from_scenario = true;
}

void read_range(FileChecker& check, const toml::node& node, const std::string& path,
                const scenario::KeySpec& spec, const scenario::Document* base, Parameter& p) {
  if (const auto word = node.value_exact<std::string>()) {
    if (*word != "scenario")
      return check.error(node, path,
                         "expected [lo, hi] or \"scenario\" (the range the base scenario declares)");
    if (base)
      range_from_scenario(check, node, path, p.key, *base, p);
    else
      p.from_scenario = true;  // unresolved without a base (lo, hi stay 0, 1)
  } else {
    const toml::array* pair = node.as_array();
    if (!pair || pair->size() != 2)
      return check.error(node, path,
                         "expected [lo, hi] or \"scenario\" (the range the base scenario declares)");
    const auto lo = check.number(*pair->get(0), path), hi = check.number(*pair->get(1), path);
    if (!lo || !hi) return;
    if (!(*lo < *hi)) return check.error(node, path, "lo must be below hi");
    if (!check_value(check, node, path, spec, *lo) || !check_value(check, node, path, spec, *hi)) return;
    p.factor.lo = *lo;
    p.factor.hi = *hi;
  }
  if (p.factor.log_scale && !(p.factor.lo > 0))
    check.error(node, path, "a log scale needs a range above zero");
}

void read_values(FileChecker& check, const toml::node& node, const std::string& path,
                 const scenario::KeySpec& spec, Parameter& p) {
  const toml::array* list = node.as_array();
  if (!list || list->empty()) return check.error(node, path, "expected a non-empty list of numbers");
  for (const toml::node& item : *list) {
    const auto value = check.number(item, path);
    if (value && check_value(check, item, path, spec, *value)) p.factor.levels.push_back(*value);
  }
}

void read_entry(FileChecker& check, const toml::table& entry, std::size_t index,
                const scenario::Document* base, std::vector<Parameter>& out) {
  const std::string prefix = entry_path(index);
  check.unknown_keys(entry, prefix, {"key", "range", "values", "log"});
  Parameter p;
  const auto key = check.string(entry, prefix, "key");
  if (!key) {
    if (!entry.get("key"))
      check.error(entry, prefix, "missing required key 'key' (the scenario key to vary)");
    return;
  }
  p.key = *key;
  const std::string key_at = prefix + ".key";
  for (const Parameter& other : out)
    if (other.key == p.key) return check.error(*entry.get("key"), key_at, "'" + p.key + "' is varied twice");
  const scenario::KeySpec* spec = key_spec(check, *entry.get("key"), key_at, p.key);
  if (!spec) return;
  p.factor.name = p.key;
  p.integer = spec->type == scenario::Type::integer;
  p.factor.log_scale = check.boolean(entry, prefix, "log").value_or(false);
  const toml::node* range = entry.get("range");
  const toml::node* values = entry.get("values");
  if (range && values)
    return check.error(*values, prefix + ".values", "give either range or values, not both");
  if (!range && !values)
    return check.error(entry, prefix, "needs range = [lo, hi], range = \"scenario\" or values = [...]");
  if (values && p.factor.log_scale)
    return check.error(*entry.get("log"), prefix + ".log", "log applies to a range");
  const std::size_t errors = check.diagnostics().size();
  if (range) read_range(check, *range, prefix + ".range", *spec, base, p);
  if (values) read_values(check, *values, prefix + ".values", *spec, p);
  if (check.diagnostics().size() == errors) out.push_back(std::move(p));
}

}  // namespace

std::vector<Parameter> read_parameters(FileChecker& check, const toml::table& root,
                                       const scenario::Document* base) {
  std::vector<Parameter> out;
  const toml::node* node = root.get("parameter");
  if (!node) {
    check.error("a sweep varies at least one parameter: add a [[parameter]] entry with key and range");
    return out;
  }
  const toml::array* entries = node->as_array();
  if (!entries || !entries->is_array_of_tables()) {
    check.error(*node, "parameter", "write each parameter as its own [[parameter]] table");
    return out;
  }
  for (std::size_t i = 0; i < entries->size(); ++i)
    read_entry(check, *entries->get(i)->as_table(), i, base, out);
  return out;
}

}  // namespace score::sweep::detail
