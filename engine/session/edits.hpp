#pragma once
// A planner's changes to a scenario: lever values kept apart from the file,
// applied as `--set` overrides (so the run is exactly `score run --set ...`)
// and saved as a small scenario that `extends` the original.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "scenario/build.hpp"
#include "session/levers.hpp"

namespace score::session {

class Edits {
 public:
  // Records a new value; a value equal to the file's removes the edit.
  void set(const Lever& lever, double value);
  void erase(const std::string& path) {
    values_.erase(path);
    texts_.erase(path);
  }
  void clear() {
    values_.clear();
    texts_.clear();
  }
  bool empty() const { return values_.empty(); }
  bool contains(const std::string& path) const { return values_.contains(path); }
  double value(const std::string& path) const { return values_.at(path); }

  // "path=value" for each edit, in path order.
  std::vector<std::string> overrides() const;

 private:
  std::map<std::string, double> values_;
  std::map<std::string, std::string> texts_;  // TOML text of each value
};

// A scenario file that extends `original` (by a path relative to `target`'s
// folder) and holds only the edited keys.
std::string extends_toml(const std::filesystem::path& original, const std::filesystem::path& target,
                         const Edits& edits);

// Writes extends_toml to `target`. Throws std::runtime_error naming the file.
void save_extends(const std::filesystem::path& original, const std::filesystem::path& target,
                  const Edits& edits);

// A scenario with overrides applied, checked as `score validate` checks it:
// either the built scenario or every problem found.
struct Checked {
  std::shared_ptr<const scenario::Scenario> scenario;  // null when there are problems
  std::vector<scenario::Diagnostic> diagnostics;
};
Checked check(const std::filesystem::path& file, const std::vector<std::string>& overrides);

}  // namespace score::session
