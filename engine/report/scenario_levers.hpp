#pragma once
// Which levers differ between runs: each run's fully resolved scenario (the
// TOML a results file stores) flattened to key paths, and the keys whose
// values are not the same in every run.
#include <span>
#include <string>
#include <vector>

namespace score::report {

struct LeverDifference {
  std::string key;                  // "phases.III.buyer_share"
  std::vector<std::string> values;  // per run, as TOML writes them; "(not set)" where a run lacks the key
};

// Keys under [scenario] (name and description, shown elsewhere) are left
// out. Throws std::runtime_error when a text is not TOML.
std::vector<LeverDifference> differing_levers(std::span<const std::string> scenario_tomls);

// A scenario text's string value at a dotted key ("scenario.description"),
// or "" when it has none.
std::string scenario_text(const std::string& scenario_toml, const std::string& key);

}  // namespace score::report
