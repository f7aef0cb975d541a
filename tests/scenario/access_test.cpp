// Typed reads for the model builder: schema defaults, required keys, file
// order of user-named tables, provenance and positioned errors.
#include "scenario/access.hpp"

#include <gtest/gtest.h>

#include "scenario_files.hpp"

namespace score::scenario {
namespace {

using testing::formatted;
using testing::ScenarioFiles;

class scenario_access : public ScenarioFiles {};

TEST_F(scenario_access, absent_keys_take_the_schema_default) {
  const Document doc = load_document(write("s.toml", "[scenario]\nname = \"x\"\n"));
  const Reader r(doc);
  EXPECT_DOUBLE_EQ(r.number("behaviour.enrol_rate"), 0.05);
  EXPECT_DOUBLE_EQ(r.number("phases.II.country.CHN.fee_share"), 0.2);
  EXPECT_DOUBLE_EQ(r.number("phases.II.provider_mix.industry_association"), 0.4);
  EXPECT_EQ(r.integer("run.replications"), 1);
  EXPECT_EQ(r.integer("behaviour.participants_per_firm"), 4);
  EXPECT_EQ(r.string("phases.I.strategy"), "institution_building");
  EXPECT_EQ(r.string("scenario.description"), "");
  EXPECT_EQ(r.strings("phases.I.countries"), std::vector<std::string>{});
  EXPECT_EQ(r.strings("phases.I.donor_pays"),
            (std::vector<std::string>{"delivery", "trainers", "marketing", "staff", "overhead"}));
  EXPECT_EQ(r.integers("funders.SECO.modules"), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  EXPECT_FALSE(r.number_if("phases.I.modules.M1.fee_share"));
  EXPECT_FALSE(r.month_if("phases.I.exit"));
  EXPECT_FALSE(r.has("behaviour.enrol_rate"));
  EXPECT_TRUE(r.ok()) << formatted(r.diagnostics()).front();
}

TEST_F(scenario_access, missing_required_keys_are_recorded_at_the_nearest_parent) {
  const Document doc = load_document(
      write("s.toml", "[calendar]\nstart = \"2013-09\"\n\n[countries.CHN]\nname = \"China\"\n"));
  const Reader r(doc);
  EXPECT_EQ(r.month("calendar.start"), (YearMonth{2013, 9}));
  EXPECT_FALSE(r.month("calendar.end"));
  EXPECT_EQ(r.integer("countries.CHN.eligible_firms"), 0);
  EXPECT_FALSE(r.month("phases.I.start"));
  EXPECT_EQ(r.number("behaviour.no_such_key"), 0);
  const std::string file = (dir / "s.toml").string();
  EXPECT_EQ(
      formatted(r.diagnostics()),
      (std::vector<std::string>{
          file + ":1:1: calendar.end: missing required key",
          file + ":4:1: countries.CHN.eligible_firms: missing required key",
          file + ": phases.I.start: missing required key",
          file + ": behaviour.no_such_key: not a key of the scenario schema (a bug in the model builder)",
      }));
  EXPECT_THROW(r.throw_if_errors(), ScenarioError);
}

TEST_F(scenario_access, keys_come_in_file_order_bases_first) {
  write("base.toml", "[countries.VNM]\nname = \"Viet Nam\"\n[countries.CHN]\nname = \"China\"\n");
  const auto child = write("child.toml", R"(extends = "base.toml"
[countries.BGD]
name = "Bangladesh"
[countries.CHN]
eligible_firms = 100
[countries.ALB]
name = "Albania"
)");
  const Document doc = load_document(child, {"countries.AAA.name=x"});
  const Reader r(doc);
  EXPECT_EQ(r.keys("countries"), (std::vector<std::string>{"VNM", "CHN", "BGD", "ALB", "AAA"}));
  EXPECT_EQ(r.keys("countries.CHN"), (std::vector<std::string>{"name", "eligible_firms"}));
  EXPECT_EQ(r.keys("phases"), std::vector<std::string>{});
  EXPECT_EQ(r.keys(""), (std::vector<std::string>{"countries"}));
}

TEST_F(scenario_access, provenance_of_a_number) {
  const Document doc = load_document(write("s.toml", R"([behaviour]
adoption_probability = { value = 0.78, range = [0.75, 0.80], source = "Phase I results", note = "self-reported" }
enrol_rate = 0.05
participants_per_firm = { value = 4, source = "manual" }
)"));
  const Reader r(doc);
  const auto p = r.provenance("behaviour.adoption_probability");
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->value, 0.78);
  ASSERT_TRUE(p->range);
  EXPECT_DOUBLE_EQ(p->range->first, 0.75);
  EXPECT_DOUBLE_EQ(p->range->second, 0.80);
  EXPECT_EQ(p->source, "Phase I results");
  EXPECT_EQ(p->note, "self-reported");
  const auto plain = r.provenance("behaviour.enrol_rate");
  ASSERT_TRUE(plain);
  EXPECT_DOUBLE_EQ(plain->value, 0.05);
  EXPECT_FALSE(plain->range);
  EXPECT_FALSE(r.provenance("behaviour.peer_weight"));
  EXPECT_EQ(r.integer("behaviour.participants_per_firm"), 4);
  EXPECT_TRUE(r.ok());
}

TEST_F(scenario_access, errors_are_positioned_at_the_key) {
  const Document doc = load_document(write("s.toml", "[phases.I]\nstart = \"2013-09\"\nend = \"2012-01\"\n"));
  Reader r(doc);
  r.error("phases.I.end", "ends before it starts");
  r.error("phases.I.country.CHN", "unknown country");
  EXPECT_EQ(formatted(r.diagnostics()),
            (std::vector<std::string>{
                (dir / "s.toml").string() + ":3:7: phases.I.end: ends before it starts",
                (dir / "s.toml").string() + ":1:1: phases.I.country.CHN: unknown country",
            }));
  try {
    r.throw_if_errors();
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 2u);
  }
}

}  // namespace
}  // namespace score::scenario
