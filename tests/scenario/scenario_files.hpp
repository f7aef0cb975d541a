#pragma once
// A fresh directory per test for the small scenario files the tests write.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"

namespace score::scenario::testing {

class ScenarioFiles : public ::testing::Test {
 protected:
  std::filesystem::path dir;

  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::temp_directory_path() /
          ("score_scenario_" + std::string(info->test_suite_name()) + "_" + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

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
