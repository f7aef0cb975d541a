#include "scenario/plausible.hpp"

#include <algorithm>

#include "scenario/validate.hpp"

namespace score::scenario {
namespace {

std::vector<TypicalRange> build_ranges() {
  std::vector<TypicalRange> out = {
      {"countries.*.eligible_firms", 500, 1e6},
      {"countries.*.value_added_per_worker_usd", 100, 1e4},
      {"countries.*.trainer_day_usd", 50, 2000},
      {"modules.*.materials_usd_per_firm", 50, 2000},
      {"phases.*.global_overhead_usd_per_month", 5000, 2e5},
      {"phases.*.tot_usd_per_trainee", 500, 1e4},
      {"funders.*.budget_usd.*", 1e5, 5e7},
      {"funders.*.budget.*", 1e5, 5e7},
      {"behaviour.told_savings_usd", 100, 1e4},
      {"behaviour.savings_max_usd_per_month", 500, 5e4},
      {"behaviour.provider_overhead_usd_per_month", 100, 5000},
  };
  // The money levers, for a whole phase and for one country in it.
  for (const char* prefix : {"phases.*.", "phases.*.country.*."}) {
    out.push_back({std::string(prefix) + "marketing_usd_per_month", 500, 5e4});
    out.push_back({std::string(prefix) + "national_staff_usd_per_month", 1000, 5e4});
    out.push_back({std::string(prefix) + "licence_fee_usd_per_year", 1000, 5e4});
  }
  return out;
}

const TypicalRange* typical_range_of(const KeySpec& spec) {
  const auto& all = typical_ranges();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const TypicalRange& t) { return t.path == spec.path; });
  return it == all.end() ? nullptr : &*it;
}

// The number a leaf holds (plain or a provenance table's value), if any.
const toml::node* number_node(const toml::node& node) {
  const toml::node* value = node.is_table() ? node.as_table()->get("value") : &node;
  return value && value->is_number() ? value : nullptr;
}

void walk(const Document& doc, const toml::table& table, std::vector<std::string>& path,
          std::vector<Diagnostic>& out) {
  for (const auto& [key, node] : entries_in_file_order(doc, table)) {
    path.emplace_back(key->str());
    const KeySpec* spec = find_spec(path);
    if (!spec && node->is_table()) walk(doc, *node->as_table(), path, out);
    const TypicalRange* typical = spec ? typical_range_of(*spec) : nullptr;
    const toml::node* number = typical ? number_node(*node) : nullptr;
    const double v = number ? *number->value<double>() : 0;
    if (v != 0 && (v < typical->lo / kFarFactor || v > typical->hi * kFarFactor)) {
      out.push_back(diagnostic_at(number->source(), join_path(path),
                                  "warning: value " + format_number(v) + " is far " +
                                      (v < typical->lo ? "below" : "above") + " the usual range [" +
                                      format_number(typical->lo) + ", " + format_number(typical->hi) + "] (" +
                                      std::string(spec->unit) + "); is it in the right unit?"));
    }
    path.pop_back();
  }
}

}  // namespace

const std::vector<TypicalRange>& typical_ranges() {
  static const std::vector<TypicalRange> all = build_ranges();
  return all;
}

std::vector<Diagnostic> plausibility_warnings(const Document& doc) {
  std::vector<Diagnostic> out;
  std::vector<std::string> path;
  walk(doc, doc.root, path, out);
  return out;
}

std::string typical_ranges_markdown() {
  std::string out = "| Key | Usual range | Unit |\n|---|---|---|\n";
  for (const TypicalRange& t : typical_ranges()) {
    const KeySpec* spec = find_spec(t.path);
    out += "| `" + t.path + "` | [" + format_number(t.lo) + ", " + format_number(t.hi) + "] | " +
           (spec ? std::string(spec->unit) : std::string()) + " |\n";
  }
  return out;
}

}  // namespace score::scenario
