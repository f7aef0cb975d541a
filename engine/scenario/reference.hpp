#pragma once
// The scenario key reference, generated from the schema so that it cannot
// drift from what validation accepts. `score schema` prints it and
// docs/scenario-format.md embeds it (a test keeps the two equal).
#include <string>

namespace score::scenario {

// Markdown: one section per top-level table of the scenario, each with a
// table of key, type, unit, default, range and meaning.
std::string schema_reference_markdown();

}  // namespace score::scenario
