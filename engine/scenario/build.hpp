#pragma once
// From a validated scenario document to the frozen model of a run: defaults
// filled in from the schema, per-country and per-module overrides resolved,
// and the checks that need more than one key (calendar, phases, references).
#include <filesystem>
#include <string>
#include <vector>

#include "model/description.hpp"
#include "scenario/document.hpp"

namespace score::scenario {

// Throws ScenarioError with every problem found.
model::Description build_model(const Document& doc);

// A loaded scenario: its document (for provenance and the resolved TOML) and
// the model it describes.
struct Scenario {
  Document document;
  model::Description model;
};

// load_document + validate + build_model; throws ScenarioError.
Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

// load_scenario(file, overrides) from a chain parsed once.
Scenario load_scenario(const ParsedChain& chain, const std::vector<std::string>& overrides = {});

// The model of load_scenario(file, overrides) from a chain parsed once (a
// sweep's points). A scenario that does not build is built again from a
// document with every position, so the ScenarioError it throws names the
// lines that load_scenario's would.
model::Description load_model(const ParsedChain& chain, const std::vector<std::string>& overrides);

}  // namespace score::scenario
