#pragma once
// A fresh, empty directory per test, named after the test and the process
// and removed after it: the base of the fixtures whose tests write files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>

namespace score_test {

class ScratchDir : public ::testing::Test {
 protected:
  // `prefix` keeps test programs apart when ctest runs them side by side;
  // the process id keeps two runs of the suite apart (two clones tested at
  // once on one machine shared the directories and removed each other's).
  explicit ScratchDir(std::string prefix) : prefix_(std::move(prefix)) {}

  std::filesystem::path dir;

  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::temp_directory_path() / (prefix_ + std::string(info->test_suite_name()) + "_" +
                                                    info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

 private:
  std::string prefix_;
};

}  // namespace score_test
