// Plausibility warnings: a value the schema allows but far outside its key's
// usual range (a budget of 7 meant as 7 million) is named, once, where it was
// written; zero and values up to 10 times outside the usual range are not.
#include "scenario/plausible.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "scenario/schema.hpp"
#include "scenario/validate.hpp"
#include "scenario_files.hpp"

namespace score::scenario {
namespace {

class Plausible : public testing::ScenarioFiles {
 protected:
  std::vector<std::string> warnings(const std::string& text, const std::vector<std::string>& overrides = {}) {
    return testing::formatted(plausibility_warnings(load_document(write("s.toml", text), overrides)));
  }
};

TEST_F(Plausible, ABudgetMeantInMillionsIsNamedWhereItWasWritten) {
  const auto found = warnings("[funders.D]\nkind = \"donor\"\nbudget_usd = { I = 7, II = 2.0e6 }\n");
  EXPECT_EQ(found, std::vector<std::string>{
                       at("s.toml", 3, 20) +
                       ": funders.D.budget_usd.I: warning: value 7 is far below the usual range "
                       "[100000, 50000000] (USD); is it in the right unit?"});
}

TEST_F(Plausible, FarMeansMoreThanTenTimesOutsideAndZeroIsNever) {
  EXPECT_TRUE(warnings("[funders.D.budget_usd]\nI = 10000\nII = 0\nIII = 500000000\n").empty());
  EXPECT_EQ(warnings("[funders.D.budget_usd]\nI = 9999\n").size(), 1u);
  EXPECT_EQ(warnings("[funders.D.budget_usd]\nI = 500000001\n").size(), 1u);
}

TEST_F(Plausible, ProvenanceValuesCountryLeversAndOverridesAreChecked) {
  const auto found = warnings(R"([phases.I.country.CHN]
marketing_usd_per_month = { value = 3, source = "typo" }
[behaviour]
told_savings_usd = 1500
)",
                              {"countries.CHN.trainer_day_usd=40000"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].substr(0, at("s.toml", 2, 37).size()), at("s.toml", 2, 37));
  EXPECT_NE(found[0].find("phases.I.country.CHN.marketing_usd_per_month: warning: value 3 is far below"),
            std::string::npos);
  EXPECT_EQ(found[1],
            "--set countries.CHN.trainer_day_usd=40000:1:31: countries.CHN.trainer_day_usd: warning: "
            "value 40000 is far above the usual range [50, 2000] (USD/day); is it in the right unit?");
}

TEST(PlausibleRanges, EachIsASchemaNumberInsideItsBounds) {
  for (const TypicalRange& t : typical_ranges()) {
    const KeySpec* spec = find_spec(t.path);
    ASSERT_NE(spec, nullptr) << t.path;
    EXPECT_EQ(spec->path, t.path);
    EXPECT_TRUE(spec->type == Type::number || spec->type == Type::integer) << t.path;
    EXPECT_LT(t.lo, t.hi) << t.path;
    EXPECT_GE(t.lo, spec->min) << t.path;
    EXPECT_LE(t.hi, spec->max) << t.path;
  }
}

TEST(PlausibleRanges, TheShippedScenariosGiveNoWarnings) {
  int files = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(SCORE_SOURCE_DIR) / "scenarios")) {
    if (e.path().extension() != ".toml") continue;
    ++files;
    EXPECT_EQ(testing::formatted(plausibility_warnings(load_document(e.path()))), std::vector<std::string>{})
        << e.path();
  }
  EXPECT_GE(files, 8);
}

}  // namespace
}  // namespace score::scenario
