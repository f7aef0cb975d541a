#pragma once
// A fresh directory per test for the sweep files the tests write, and the
// small base scenario they sweep (tests/sweep/data/small_scenario.toml: a
// replication takes milliseconds).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace score::sweep::testing {

inline std::string small_scenario() {
  return std::string(SCORE_SOURCE_DIR) + "/tests/sweep/data/small_scenario.toml";
}

class SweepFiles : public ::testing::Test {
 protected:
  std::filesystem::path dir;

  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::path(SCORE_BINARY_DIR) / "tests" / "sweep" / "scratch" /
          (std::string(info->test_suite_name()) + "_" + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override {
    if (!HasFailure()) std::filesystem::remove_all(dir);  // kept for a look when a test fails
  }

  // Writes `text` to dir/name and returns the path.
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    const std::filesystem::path path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // A sweep file over the small scenario: `sweep` holds the [sweep] keys
  // after scenario (design, sizes, seed, replications), `rest` the
  // [[parameter]] and [output] tables.
  std::filesystem::path write_sweep(const std::string& name, const std::string& sweep,
                                    const std::string& rest) const {
    return write(name, "[sweep]\nscenario = \"" + small_scenario() + "\"\n" + sweep + "\n" + rest);
  }

  // "path:line:column" of a file written by write(), as diagnostics show it.
  std::string at(const std::string& name, int line, int column) const {
    return (dir / name).lexically_normal().string() + ":" + std::to_string(line) + ":" +
           std::to_string(column);
  }
};

}  // namespace score::sweep::testing
