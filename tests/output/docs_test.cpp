// docs/output-format.md documents every variable a results file holds: each
// metric and each phase summary of the engine's catalogues, with its units.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::output {
namespace {

std::string output_docs() {
  std::ifstream in(std::filesystem::path(SCORE_SOURCE_DIR) / "docs" / "output-format.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(output_docs, every_metric_is_documented_with_its_units) {
  const std::string docs = output_docs();
  ASSERT_FALSE(docs.empty());
  for (const auto& m : sim::metric_catalogue()) {
    const std::string row = std::string("| `") + m.name + "` |";
    const auto at = docs.find(row);
    ASSERT_NE(at, std::string::npos) << m.name << " is not in docs/output-format.md";
    const std::string line = docs.substr(at, docs.find('\n', at) - at);
    EXPECT_NE(line.find(std::string("| ") + m.units + " |"), std::string::npos) << line;
    EXPECT_NE(line.find(m.long_name), std::string::npos) << line;
  }
}

TEST(output_docs, every_phase_summary_is_documented) {
  const std::string docs = output_docs();
  for (const auto& s : sim::summary_catalogue())
    EXPECT_NE(docs.find(std::string("| `") + s.name + "` |"), std::string::npos) << s.name;
}

}  // namespace
}  // namespace score::output
