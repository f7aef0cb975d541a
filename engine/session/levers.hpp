#pragma once
// The levers of a scenario as a planner sees them: every value the file sets,
// plus the behaviour keys it leaves at their defaults, each with its unit,
// bounds and meaning from the schema and its source from the file.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/document.hpp"
#include "scenario/schema.hpp"

namespace score::session {

struct Lever {
  std::string path;                         // dotted, e.g. "phases.III.subsidy_share"
  std::string group;                        // "phases", "countries", "funders", "providers", "behaviour", ...
  std::string table;                        // the path without its last key: the heading it sits under
  std::string key;                          // the last key
  const scenario::KeySpec* spec = nullptr;  // never null: levers are schema keys
  bool numeric = false;                     // editable as a number
  double value = 0;                         // numeric levers
  std::string text;                         // other levers: the value as TOML text
  std::optional<std::pair<double, double>> range;  // provenance range, when given
  std::string source, note;                        // provenance, when given
  bool is_default = false;                         // absent from the file: the schema default
  bool integer() const { return spec->type == scenario::Type::integer; }
};

// In file order (bases first), each table's levers together; absent
// behaviour keys after the file's behaviour table, in schema order.
std::vector<Lever> levers_of(const scenario::Document& doc);

// The lever at `path`, or nullptr.
const Lever* find_lever(const std::vector<Lever>& levers, const std::string& path);

// The groups in the order the viewer lists them.
const std::vector<std::string>& lever_groups();

}  // namespace score::session
