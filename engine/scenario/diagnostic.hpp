#pragma once
// What the scenario layer tells a planner about their file: one message per
// problem, positioned at the offending key, so an editor can jump to it.
#include <stdexcept>
#include <string>
#include <vector>

namespace score::scenario {

struct Diagnostic {
  std::string file;  // the file the offending node came from; "--set KEY=VALUE" or "--set #N" for an override
  int line = 0, column = 0;  // 1-based; 0 when unknown
  std::string key_path;      // dotted, e.g. "phases.II.country.CHN.fee_share"; "" for the file itself
  std::string message;

  // "file:line:column: key.path: message"; parts that are unknown are left out.
  std::string format() const;
};

// Thrown when a scenario cannot be used; carries every problem found, not
// only the first, so a planner fixes them all in one pass.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// A number as messages show it: integral values without exponent or
// decimals (100000, not 1e+05), others in the shortest exact form.
std::string format_number(double value);

}  // namespace score::scenario
