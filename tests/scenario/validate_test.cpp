// Validation against the schema: each class of error with its exact message
// and position, all reported in one pass, in file order.
#include "scenario/validate.hpp"

#include <gtest/gtest.h>

#include "scenario/document.hpp"
#include "scenario_files.hpp"

namespace score::scenario {
namespace {

using testing::formatted;
using testing::ScenarioFiles;

class scenario_validate : public ScenarioFiles {
 protected:
  std::vector<std::string> problems(const std::string& text, const std::vector<std::string>& overrides = {}) {
    return formatted(validate(load_document(write("s.toml", text), overrides)));
  }
  std::string at(int line, int column) const { return ScenarioFiles::at("s.toml", line, column); }
};

constexpr const char* kValid = R"(# A complete scenario: validation finds nothing to say.
[scenario]
name = "Pilot"
description = "Does a buyer-led phase pay for itself?"

[calendar]
start = "2009-07"
end = "2017-12"

[run]
seed = 42
replications = 10

[countries.CHN]
name = "China"
eligible_firms = 20000
employees_median = { value = 110, range = [90, 130], source = "ILO enterprise survey 2010" }
cluster_size = 40

[modules.M1]
name = "Workplace cooperation"
effect_productivity = 0.05

[phases.I]
name = "Pilot"
start = "2009-07"
end = "2012-06"
strategy = "direct"
countries = ["CHN"]
subsidy_share = 0.8
fee_share = 0.2
provider_mix = { government = 0.5, industry_association = 0.5, employer_org = 0, private_firm = 0 }
donor_pays = ["delivery", "trainers"]
exit = "2012-01"

[phases.I.modules.M1]
fee_share = 0.1

[phases.I.country.CHN]
fee_share = 0.3
providers_onboarded = 4

[funders.SECO]
name = "Swiss State Secretariat for Economic Affairs"
kind = "donor"
budget_usd = { I = 2.5e6 }
modules = [1, 2]

[behaviour]
enrol_rate = 0.05
adoption_probability = { value = 0.78, range = [0.75, 0.80], source = "Phase I results", note = "self-reported" }
participants_per_firm = 4.0
)";

TEST_F(scenario_validate, a_complete_scenario_is_valid) {
  EXPECT_EQ(problems(kValid), std::vector<std::string>{});
}

TEST_F(scenario_validate, unknown_keys_suggest_only_close_matches) {
  const auto found = problems(R"([scenario]
nmae = "typo"
[behaviour]
Enrol_Rate = 0.1
frobnicate = 3
[phases.I.country.CHN]
fee_shar = 0.3
[countires.CHN]
name = "x"
)");
  EXPECT_EQ(
      found,
      (std::vector<std::string>{
          at(2, 1) + ": scenario.nmae: unknown key 'nmae'; did you mean 'name'?",
          at(4, 1) + ": behaviour.Enrol_Rate: unknown key 'Enrol_Rate'; did you mean 'enrol_rate'?",
          at(5, 1) + ": behaviour.frobnicate: unknown key 'frobnicate'",
          at(7, 1) + ": phases.I.country.CHN.fee_shar: unknown key 'fee_shar'; did you mean 'fee_share'?",
          at(8, 2) + ": countires: unknown key 'countires'; did you mean 'countries'?",
      }));
}

TEST_F(scenario_validate, wrong_types) {
  const auto found = problems(R"([behaviour]
enrol_rate = "abc"
participants_per_firm = 2.5
supervised_months = 6.0
[scenario]
name = 3
[phases.I]
countries = "CHN"
donor_pays = ["delivery", 2]
[countries]
CHN = 5
)");
  EXPECT_EQ(found, (std::vector<std::string>{
                       at(2, 14) + ": behaviour.enrol_rate: expected a number, got string \"abc\"",
                       at(3, 25) + ": behaviour.participants_per_firm: expected an integer, got float 2.5",
                       at(6, 8) + ": scenario.name: expected a string, got integer 3",
                       at(8, 13) + ": phases.I.countries: expected an array of strings, got string \"CHN\"",
                       at(9, 27) + ": phases.I.donor_pays[1]: expected a string, got integer 2",
                       at(11, 7) + ": countries.CHN: expected a table, got integer 5",
                   }));
}

TEST_F(scenario_validate, out_of_range_names_bounds_and_unit) {
  const auto found = problems(R"([behaviour]
peer_weight = 1.5
max_wait_months = 0
[run]
replications = 0
[funders.X]
modules = [1, 7]
budget_usd.I = -1
)");
  EXPECT_EQ(found,
            (std::vector<std::string>{
                at(2, 15) + ": behaviour.peer_weight: value 1.5 is out of range [0, 1] (share)",
                at(3, 19) + ": behaviour.max_wait_months: value 0 is out of range [1, 600] (months)",
                at(5, 16) + ": run.replications: value 0 is out of range [1, 10000] (runs)",
                at(7, 15) + ": funders.X.modules[1]: value 7 is out of range [1, 5] (module numbers)",
                at(8, 16) + ": funders.X.budget_usd.I: value -1 is out of range [0, 1000000000000] (USD)",
            }));
}

TEST_F(scenario_validate, months_and_choices) {
  const auto found = problems(R"([calendar]
start = "2013-13"
end = 2020
[phases.I]
strategy = "directt"
exit = "2013-9"
donor_pays = ["delivery", "travel"]
[funders.X]
kind = "bank"
)");
  EXPECT_EQ(
      found,
      (std::vector<std::string>{
          at(2, 9) + ": calendar.start: expected a month \"YYYY-MM\", got \"2013-13\"",
          at(3, 7) + ": calendar.end: expected a month \"YYYY-MM\", got integer 2020",
          at(5, 12) + ": phases.I.strategy: \"directt\" is not one of: direct, institution_building, "
                      "buyer_led, licensing, government_led, market, exit",
          at(6, 8) + ": phases.I.exit: expected a month \"YYYY-MM\", got \"2013-9\"",
          at(7, 27) + ": phases.I.donor_pays[1]: \"travel\" is not one of: delivery, trainers, "
                      "marketing, staff, overhead",
          at(9, 8) + ": funders.X.kind: \"bank\" is not one of: donor, ilo, government, buyer, csr, levy",
      }));
}

TEST_F(scenario_validate, malformed_provenance_tables) {
  const auto found = problems(R"([behaviour]
adoption_probability = { value = 0.9, range = [0.75, 0.80], source = "Phase I" }
savings_probability = { value = 0.5, rnage = [0, 1] }
continuation = { value = 0.5, range = [0.8, 0.2] }
certification_probability = { value = 0.5, range = [0.1, 2] }
buyer_awareness = { source = "x" }
peer_awareness = { value = 0.01, range = [0], origin = "y", note = 4 }
participants_per_firm = { value = 4.5 }
)");
  EXPECT_EQ(
      found,
      (std::vector<std::string>{
          at(2, 34) +
              ": behaviour.adoption_probability.value: value 0.9 is outside its own range [0.75, 0.8]",
          at(3, 38) + ": behaviour.savings_probability.rnage: unknown key 'rnage' in a provenance table "
                      "(value, range, source, note); did you mean 'range'?",
          at(4, 39) + ": behaviour.continuation.range: expected [lo, hi]: two numbers with lo <= hi",
          at(5, 52) + ": behaviour.certification_probability.range: range [0.1, 2] is out of range [0, 1] "
                      "(probability)",
          at(6, 19) + ": behaviour.buyer_awareness: a provenance table needs a 'value'",
          at(7, 42) + ": behaviour.peer_awareness.range: expected [lo, hi]: two numbers with lo <= hi",
          at(7, 47) + ": behaviour.peer_awareness.origin: unknown key 'origin' in a provenance table "
                      "(value, range, source, note)",
          at(7, 68) + ": behaviour.peer_awareness.note: expected a string, got integer 4",
          at(8, 35) + ": behaviour.participants_per_firm.value: expected an integer, got float 4.5",
      }));
}

TEST_F(scenario_validate, inherited_values_are_reported_in_the_base_file) {
  write("base.toml", "[behaviour]\n\npeer_weight = 2\n");
  const auto found = problems("extends = \"base.toml\"\n[behaviour]\nenrol_rate = -1\n");
  EXPECT_EQ(found,
            (std::vector<std::string>{
                ScenarioFiles::at("base.toml", 3, 15) +
                    ": behaviour.peer_weight: value 2 is out of range [0, 1] (share)",
                at(3, 14) + ": behaviour.enrol_rate: value -1 is out of range [0, 1] (probability/month)",
            }));
}

TEST_F(scenario_validate, overridden_values_are_reported_at_the_override_that_set_them) {
  // In the order given (not by column), each named by its own text.
  const auto found =
      problems("[behaviour]\nenrol_rate = 0.1\n", {"behaviour.peer_weight=7", "behaviour.enrol_rate=abc"});
  EXPECT_EQ(
      found,
      (std::vector<std::string>{
          "--set behaviour.peer_weight=7:1:23: behaviour.peer_weight: value 7 is out of range [0, 1] (share)",
          "--set behaviour.enrol_rate=abc:1:22: behaviour.enrol_rate: expected a number, got string \"abc\"",
      }));
}

TEST_F(scenario_validate, reports_in_file_order_across_tables) {
  const auto found = problems(R"([phases.I]
fee_share = 2
[phases.II]
fee_share = 3
[phases.I.country.CHN]
fee_share = 4
)");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].substr(0, at(2, 13).size()), at(2, 13));
  EXPECT_EQ(found[1].substr(0, at(4, 13).size()), at(4, 13));
  EXPECT_EQ(found[2].substr(0, at(6, 13).size()), at(6, 13));
}

TEST(scenario_schema_matching, finds_specs_and_levels) {
  ASSERT_NE(find_spec("phases.II.country.CHN.fee_share"), nullptr);
  EXPECT_EQ(find_spec("phases.II.country.CHN.fee_share")->path, "phases.*.country.*.fee_share");
  EXPECT_EQ(find_spec("phases.II.modules.M1.fee_share")->path, "phases.*.modules.*.fee_share");
  EXPECT_EQ(find_spec("funders.SECO.budget_usd.II")->path, "funders.*.budget_usd.*");
  EXPECT_EQ(find_spec("behaviour"), nullptr);
  EXPECT_EQ(find_spec("behaviour.nope"), nullptr);
  EXPECT_TRUE(schema_level(split_path("countries")).any_key);
  const SchemaLevel top = schema_level({});
  EXPECT_FALSE(top.any_key);
  EXPECT_NE(std::find(top.names.begin(), top.names.end(), "behaviour"), top.names.end());
  const std::vector<std::string_view> words{"enrol_rate", "peer_weight"};
  EXPECT_EQ(closest_match("enrol_rat", words), "enrol_rate");
  EXPECT_EQ(closest_match("ENROL_RATE", words), "enrol_rate");
  EXPECT_EQ(closest_match("peer_wieght", words), "peer_weight");  // a transposition is one typo
  EXPECT_EQ(closest_match("xyz", words), "");
}

}  // namespace
}  // namespace score::scenario
