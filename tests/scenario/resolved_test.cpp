// The resolved scenario: what was run, as one TOML file that reads back to
// the same tree, in file order, byte for byte reproducible.
#include "scenario/resolved.hpp"

#include <gtest/gtest.h>

#include "scenario_files.hpp"

namespace score::scenario {
namespace {

using testing::ScenarioFiles;

class scenario_resolved : public ScenarioFiles {};

TEST_F(scenario_resolved, round_trips_to_an_equal_table) {
  write("base.toml", R"(top = 1
[scenario]
name = "base"
description = "quote \" backslash \\ tab \t newline \n unicode é"
[behaviour]
enrol_rate = { value = 0.78, range = [0.75, 0.80], source = "Phase I results" }
peer_weight = 0.1
[phases.I.provider_mix]
government = 1e-7
[funders.X]
budget_usd = { I = 2.5e6, "phase two" = 3 }
)");
  const auto child = write("child.toml", R"(extends = "base.toml"
when = 2013-09-01
at = 07:30:00
stamp = 2013-09-01T07:30:00Z
nested = [[1, 2], ["a"], [{ x = 1 }]]
empty = {}
[empty_section]
["quoted key"]
"a.b" = true
[scenario]
name = "child"
[phases.I]
countries = ["CHN"]
huge = 1e300
whole = 3.0
neg = -0.5
)");
  const Document doc = load_document(child, {"behaviour.peer_weight=0.3", "phases.II.fee_share=0.5"});
  const std::string text = to_toml(doc);
  toml::table back;
  ASSERT_NO_THROW(back = toml::parse(text)) << text;
  EXPECT_EQ(back, doc.root) << text;
  EXPECT_EQ(to_toml(doc), text);  // deterministic
  EXPECT_NE(text.find("enrol_rate = { value = 0.78, range = [0.75, 0.8], source = \"Phase I results\" }"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("# sha256: " + doc.sha256), std::string::npos);
}

TEST_F(scenario_resolved, keeps_file_order) {
  const auto file = write("s.toml", R"([scenario]
name = "x"
[countries.VNM]
name = "Viet Nam"
eligible_firms = 10
[countries.CHN]
name = "China"
[behaviour]
peer_weight = 0.1
enrol_rate = 0.05
)");
  const std::string text = to_toml(load_document(file));
  const auto pos = [&](const char* s) { return text.find(s); };
  EXPECT_LT(pos("[scenario]"), pos("[countries.VNM]"));
  EXPECT_LT(pos("[countries.VNM]"), pos("[countries.CHN]"));
  EXPECT_LT(pos("[countries.CHN]"), pos("[behaviour]"));
  EXPECT_LT(pos("peer_weight"), pos("enrol_rate"));
  EXPECT_EQ(text.find("[countries]"), std::string::npos);  // implicit parent, no empty header
}

}  // namespace
}  // namespace score::scenario
