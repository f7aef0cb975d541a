#pragma once
// A fresh, empty directory per test, named after the test and removed after
// it: the base of the fixtures whose tests write files.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>

namespace score_test {

class ScratchDir : public ::testing::Test {
 protected:
  // `prefix` keeps test programs apart when ctest runs them side by side.
  explicit ScratchDir(std::string prefix) : prefix_(std::move(prefix)) {}

  std::filesystem::path dir;

  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::temp_directory_path() /
          (prefix_ + std::string(info->test_suite_name()) + "_" + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

 private:
  std::string prefix_;
};

}  // namespace score_test
