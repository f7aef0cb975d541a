#pragma once
// A fresh directory per test for the small scenario files the tests write.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "support/scratch_dir.hpp"

namespace score::scenario::testing {

class ScenarioFiles : public score_test::ScratchDir {
 protected:
  ScenarioFiles() : ScratchDir("score_scenario_") {}

  // Writes `text` to dir/name (creating subdirectories) and returns the path.
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    const std::filesystem::path path = dir / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // "path:line:column" of a file written by write(), as diagnostics show it.
  std::string at(const std::string& name, int line, int column) const {
    return (dir / name).lexically_normal().string() + ":" + std::to_string(line) + ":" +
           std::to_string(column);
  }
};

inline std::vector<std::string> formatted(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.format());
  return out;
}

}  // namespace score::scenario::testing
