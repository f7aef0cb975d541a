// The generated key reference: complete, and embedded verbatim in the
// hand-written scenario documentation so that the docs stay true.
#include "scenario/reference.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/schema.hpp"
#include "scenario/validate.hpp"
#include "scenario_files.hpp"

namespace score::scenario {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(scenario_reference, lists_every_schema_path) {
  const std::string markdown = schema_reference_markdown();
  for (const KeySpec& spec : schema())
    EXPECT_NE(markdown.find(std::string("| `").append(spec.path).append("` |")), std::string::npos)
        << spec.path;
  EXPECT_NE(markdown.find("### `behaviour`"), std::string::npos);
  EXPECT_NE(markdown.find("| `behaviour.enrol_rate` | number | probability/month | `0.05` | [0, 1] |"),
            std::string::npos);
}

TEST(scenario_reference, docs_contain_every_schema_path_and_the_generated_reference) {
  const std::filesystem::path docs = std::filesystem::path(SCORE_SOURCE_DIR) / "docs" / "scenario-format.md";
  const std::string text = read_text(docs);
  ASSERT_FALSE(text.empty()) << docs << " is missing";
  for (const KeySpec& spec : schema()) {
    const std::string quoted = std::string("`").append(spec.path).append("`");
    EXPECT_NE(text.find(quoted), std::string::npos) << spec.path << " not in " << docs;
  }
  const std::string generated = schema_reference_markdown();
  if (text.find(generated) == std::string::npos) {
    const std::filesystem::path fresh = std::filesystem::path(SCORE_BINARY_DIR) / "schema-reference.md";
    std::ofstream(fresh, std::ios::binary) << generated;
    ADD_FAILURE() << docs << " does not hold the current key reference: replace it with " << fresh
                  << " (the output of `score schema`)";
  }
}

class scenario_docs_example : public testing::ScenarioFiles {};

TEST_F(scenario_docs_example, the_first_scenario_in_the_docs_is_valid) {
  const std::string text = read_text(std::filesystem::path(SCORE_SOURCE_DIR) / "docs" / "scenario-format.md");
  const std::size_t start = text.find("```toml\n");
  ASSERT_NE(start, std::string::npos);
  const std::size_t body = start + 8;
  const std::string example = text.substr(body, text.find("```", body) - body);
  const Document doc = load_document(write("example.toml", example));
  EXPECT_EQ(testing::formatted(validate(doc)), std::vector<std::string>{});
}

}  // namespace
}  // namespace score::scenario
