#pragma once
// The scenario as the engine ran it: one self-contained TOML file with the
// extends chain merged and overrides applied, stored next to the results so
// a run can be repeated or audited without the original files.
#include <string>

#include "scenario/document.hpp"

namespace score::scenario {

// Parsing the text back gives a table equal to doc.root. Keys are in file
// order (bases first), numbers in their shortest exact form, provenance
// tables inline. Deterministic: the same document gives the same bytes.
std::string to_toml(const Document& doc);

}  // namespace score::scenario
