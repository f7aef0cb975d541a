#pragma once
// Checks a scenario document against the schema: unknown keys (with a
// suggestion), types, bounds, months, choices and provenance tables. Only
// what one key says on its own; cross-key checks belong to the model builder.
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/document.hpp"
#include "scenario/schema.hpp"

namespace score::scenario {

// Every problem found, in file order; empty when the document is valid.
std::vector<Diagnostic> validate(const Document& doc);

// The same, and the dotted paths of the keys whose values are wrong (e.g.
// "phases.II.end"), so that checks across keys can leave them out instead of
// reporting a consequence of a problem already reported.
std::vector<Diagnostic> validate(const Document& doc, std::set<std::string>& invalid_keys);

// --- matching key paths against the schema's patterns ('*' = any one key) --

// The schema key a full path names, or nullptr.
const KeySpec* find_spec(std::span<const std::string> segments);
const KeySpec* find_spec(std::string_view dotted);

// What a table at `table_path` may hold: named keys, or any key (a '*' level).
struct SchemaLevel {
  bool any_key = false;
  std::vector<std::string_view> names;  // literal keys, schema order, no duplicates
  bool known() const { return any_key || !names.empty(); }
};
SchemaLevel schema_level(std::span<const std::string> table_path);

// The closest of `candidates` to `word` (case-insensitive edit distance),
// or "" when none is close enough to be a plausible typo.
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace score::scenario
