#pragma once
// A loaded scenario as Python holds it: the file, the overrides it was
// loaded with and the result, so that a run or a sweep can reload it with
// further overrides (replications, seed, a point's values) and have them
// checked exactly as `score run --set` checks them.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scenario/build.hpp"

namespace score::python {

struct ScenarioHandle {
  std::filesystem::path path;
  std::vector<std::string> overrides;  // "key=value", in order
  std::shared_ptr<const scenario::Scenario> loaded;

  // Loads `path` with `overrides`; throws scenario::ScenarioError.
  static ScenarioHandle load(std::filesystem::path path, std::vector<std::string> overrides);
  // This scenario with `more` overrides after its own.
  ScenarioHandle with(const std::vector<std::string>& more) const;
  const model::Description& model() const { return loaded->model; }
};

}  // namespace score::python
