#pragma once
// Plausibility: values the schema allows but that are far from what a SCORE
// programme has seen (a budget of 7 meant as 7 million). They are warnings,
// not errors: the scenario runs, and `score validate --strict` refuses it.
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/document.hpp"

namespace score::scenario {

// The usual values of a key (a schema path, '*' for ids), from the
// programme's reporting and the shipped scenarios.
struct TypicalRange {
  std::string path;
  double lo, hi;
};
const std::vector<TypicalRange>& typical_ranges();

// "Far" outside: below lo / kFarFactor or above hi * kFarFactor. Zero is
// never far: it means "none" (no budget in a phase, no marketing).
constexpr double kFarFactor = 10;

// One warning per value far outside its key's usual range, in file order;
// the message starts with "warning: ".
std::vector<Diagnostic> plausibility_warnings(const Document& doc);

// The table of usual ranges for docs/scenario-format.md (Markdown).
std::string typical_ranges_markdown();

}  // namespace score::scenario
