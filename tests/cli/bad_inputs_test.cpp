// The catalogue of bad inputs (tests/bad_inputs/README.md): for each case,
// the command in NAME.args (default: `validate NAME.toml`) is run from that
// folder, and it must exit with 2 (bad input) and print exactly NAME.expected
// on stderr: the message, and the file and place it names.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_score.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& catalogue() {
  static const fs::path dir = fs::path(SCORE_SOURCE_DIR) / "tests" / "bad_inputs";
  return dir;
}

std::string slurp(const fs::path& path) {
  std::ostringstream text;
  text << std::ifstream(path, std::ios::binary).rdbuf();
  return text.str();
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(catalogue()))
    if (e.path().extension() == ".expected") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, IsRefusedWithItsMessage) {
  const std::string name = GetParam();
  const fs::path args_file = catalogue() / (name + ".args");
  std::string args = fs::exists(args_file) ? slurp(args_file) : "validate " + name + ".toml";
  args.erase(args.find_last_not_of(" \n") + 1);
  // stderr only: the messages are the contract, stdout is not.
  const score_test::Result r = score_test::shell("cd '" + catalogue().string() + "' && " + SCORE_EXE + " " +
                                                 args + " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 2) << "score " << args << "\n" << r.out;
  EXPECT_EQ(r.out, slurp(catalogue() / (name + ".expected"))) << "score " << args;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(BadInputCatalogue, EveryCaseHasItsFiles) {
  const auto names = cases();
  EXPECT_GE(names.size(), 20u);
  for (const auto& name : names)
    EXPECT_TRUE(fs::exists(catalogue() / (name + ".toml")) || fs::exists(catalogue() / (name + ".args")))
        << name;
}

}  // namespace
