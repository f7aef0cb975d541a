#include "scenario/reference.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/plausible.hpp"
#include "scenario/schema.hpp"

namespace score::scenario {
namespace {

std::string_view type_name(Type type) {
  switch (type) {
    case Type::number:
      return "number";
    case Type::integer:
      return "integer";
    case Type::boolean:
      return "boolean";
    case Type::string:
      return "string";
    case Type::month:
      return "month";
    case Type::strings:
      return "array of strings";
    case Type::integers:
      return "array of integers";
  }
  return "";
}

// A Markdown table cell: a '|' would end the cell early.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string range_text(const KeySpec& spec) {
  const bool has_min = std::isfinite(spec.min), has_max = std::isfinite(spec.max);
  if (has_min && has_max)
    return std::string("[")
        .append(format_number(spec.min))
        .append(", ")
        .append(format_number(spec.max))
        .append("]");
  if (has_min) return std::string(">= ").append(format_number(spec.min));
  if (has_max) return std::string("<= ").append(format_number(spec.max));
  return "";
}

std::string meaning(const KeySpec& spec) {
  std::string out = cell(spec.doc);
  if (!spec.choices.empty()) {
    out += " One of:";
    for (std::size_t i = 0; i < spec.choices.size(); ++i)
      out += std::string(i ? ", " : " ") + "`" + cell(spec.choices[i]) + "`";
    out += '.';
  }
  return out;
}

std::string row(const KeySpec& spec) {
  const std::string fallback =
      spec.fallback.empty() ? "—" : std::string("`").append(cell(spec.fallback)).append("`");
  return "| `" + std::string(spec.path) + "` | " + std::string(type_name(spec.type)) + " | " +
         cell(spec.unit) + " | " + fallback + " | " + range_text(spec) + " | " + meaning(spec) + " |\n";
}

// The group a key is documented under: its top-level table, or "" for
// top-level keys such as `extends`.
std::string_view group_of(std::string_view path) {
  const std::size_t dot = path.find('.');
  return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

}  // namespace

std::string schema_reference_markdown() {
  std::vector<std::string_view> groups;  // in order of first appearance
  for (const KeySpec& spec : schema()) {
    const std::string_view g = group_of(spec.path);
    if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  std::string out =
      "`*` stands for a key you name (a country, module, phase or funder id). "
      "A default of — means none: the key is required unless its meaning says what its absence means. "
      "A number or integer may also be given as a provenance table `{ value = ..., range = [lo, hi], "
      "source = \"...\", note = \"...\" }`.\n";
  for (std::string_view g : groups) {
    out += g.empty() ? "\n### Top level\n\n" : "\n### `" + std::string(g) + "`\n\n";
    out += "| Key | Type | Unit | Default | Range | Meaning |\n|---|---|---|---|---|---|\n";
    for (const KeySpec& spec : schema())
      if (group_of(spec.path) == g) out += row(spec);
  }
  out +=
      "\n### Usual ranges\n\n"
      "A value more than " +
      format_number(kFarFactor) +
      " times below or above the usual range of its key "
      "gets a warning (`score validate --strict` refuses it). Zero never does.\n\n";
  return out + typical_ranges_markdown();
}

}  // namespace score::scenario
