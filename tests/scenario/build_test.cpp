// From a scenario document to the frozen model: defaults, overrides by
// country and module, and the checks that span several keys.
#include "scenario/build.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "scenario/diagnostic.hpp"
#include "scenario_files.hpp"

namespace score::scenario {
namespace {

const char* kMinimal = R"(
[calendar]
start = "2010-01"
end = "2012-12"
[countries.AAA]
name = "A"
eligible_firms = 100
[countries.BBB]
name = "B"
eligible_firms = 100
[modules.M1]
name = "one"
[modules.M2]
name = "two"
[modules.M3]
name = "three"
[modules.M4]
name = "four"
[modules.M5]
name = "five"
[phases.I]
start = "2010-01"
end = "2011-06"
countries = ["AAA", "BBB"]
fee_share = 0.3
[phases.I.country.BBB]
fee_share = 0.5
[phases.I.country.BBB.modules.M2]
fee_share = 0.7
[phases.I.modules.M3]
subsidy_share = 0.5
[phases.II]
start = "2011-07"
end = "2012-12"
countries = ["AAA"]
[funders.D]
kind = "donor"
budget_usd = { I = 1000, II = 2000 }
)";

// Each test writes its files in a directory of its own (ctest runs tests in
// parallel processes).
class Build : public testing::ScenarioFiles {
 protected:
  Scenario minimal() const { return load_scenario(write("min.toml", kMinimal)); }
  std::string errors_of(const std::string& text) const {
    try {
      load_scenario(write("bad.toml", text));
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(Build, MinimalScenarioUsesSchemaDefaultsThatMatchTheModelsOwn) {
  const Scenario sc = minimal();
  const model::Behaviour defaults;
  EXPECT_EQ(sc.model.behaviour.enrol_rate, defaults.enrol_rate);
  EXPECT_EQ(sc.model.behaviour.certification_probability, defaults.certification_probability);
  EXPECT_EQ(sc.model.behaviour.supervised_months, defaults.supervised_months);
  EXPECT_EQ(sc.model.behaviour.independence_cost_share, defaults.independence_cost_share);
  EXPECT_EQ(sc.model.countries[0].employees_median, model::Country{}.employees_median);
  EXPECT_EQ(sc.model.behaviour.employees_log_sd, defaults.employees_log_sd);
  EXPECT_EQ(sc.model.behaviour.fee_capacity_log_sd, defaults.fee_capacity_log_sd);
  EXPECT_EQ(sc.model.steps, 36);
  EXPECT_EQ(sc.model.phases[1].first_step, 18);
}

TEST_F(Build, ThePopulationSpreadsAreScenarioKeys) {
  const Scenario sc = load_scenario(write("min.toml", kMinimal),
                                    {"behaviour.employees_log_sd=0.9", "behaviour.fee_capacity_log_sd=0.25"});
  EXPECT_EQ(sc.model.behaviour.employees_log_sd, 0.9);
  EXPECT_EQ(sc.model.behaviour.fee_capacity_log_sd, 0.25);
}

TEST_F(Build, CountryAndModuleOverridesWinInOrder) {
  const Scenario sc = minimal();
  const auto& a = sc.model.phases[0].plans[0];
  const auto& b = sc.model.phases[0].plans[1];
  EXPECT_EQ(a.fee_share[0], 0.3);      // phase-wide
  EXPECT_EQ(b.fee_share[0], 0.5);      // country
  EXPECT_EQ(b.fee_share[1], 0.7);      // country + module
  EXPECT_EQ(a.subsidy_share[2], 0.5);  // phase + module
  EXPECT_TRUE(sc.model.phases[1].plans[0].active);
  EXPECT_FALSE(sc.model.phases[1].plans[1].active);
  EXPECT_EQ(sc.model.funders[0].budget, (std::vector<double>{1000, 2000}));
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST_F(Build, OverlappingPhasesAreRefused) {
  const std::string msg = errors_of(replace(kMinimal, "start = \"2011-07\"", "start = \"2011-05\""));
  EXPECT_NE(msg.find("phases.II.start: phase II starts (2011-05) before phase I ends (2011-06)"),
            std::string::npos)
      << msg;
}

TEST_F(Build, AnOverlapIsReportedAtTheMonthWrittenLast) {
  write("base.toml", kMinimal);
  const std::string msg = errors_of("extends = \"base.toml\"\n[phases.I]\nend = \"2011-09\"\n");
  EXPECT_EQ(msg,
            at("bad.toml", 3, 7) + ": phases.I.end: phase I ends (2011-09) after phase II starts (2011-07)");
}

TEST_F(Build, PhasesOutsideTheCalendarAreRefused) {
  const std::string msg = errors_of(replace(kMinimal, "end = \"2012-12\"\ncountries = [\"AAA\"]",
                                            "end = \"2013-12\"\ncountries = [\"AAA\"]"));
  EXPECT_NE(msg.find("phases.II.end: the phase (2011-07 to 2013-12) lies outside the calendar"),
            std::string::npos)
      << msg;
}

// One wrong file used to take four rounds of fixes (types, then missing keys,
// then checks across keys, then an unknown phase), with a variant's wrong
// phase end reported in its base and an exit problem once per country.
TEST_F(Build, EveryProblemIsReportedOnceInOnePassWhereItWasWritten) {
  write("base.toml",
        replace(replace(replace(replace(kMinimal,  //
                                        "[countries.AAA]\nname = \"A\"\neligible_firms = 100\n",
                                        "[run]\nreplications = \"many\"\n[countries.AAA]\nname = "
                                        "\"A\"\neligible_firms = 100\nemployees_median = 10\n"),
                                "name = \"B\"\neligible_firms = 100\n", "name = \"B\"\n"),
                        "fee_share = 0.3\n", "fee_share = 0.3\nexit = \"2011-09\"\n"),
                "II = 2000", "III = 5"));
  const std::string variant = write("variant.toml", R"(extends = "base.toml"
[phases.II]
end = "2013-06"
fee_share = "half"
[behaviour]
enrol_rat = 0.1
)")
                                  .string();
  std::vector<std::string> found;
  try {
    load_scenario(variant, {"phases.I.subsidy_share=2", "run.seed=x"});
  } catch (const ScenarioError& e) {
    found = testing::formatted(e.diagnostics());
  }
  const auto base = [&](int line, int column) { return at("base.toml", line, column); };
  EXPECT_EQ(
      found,
      (std::vector<std::string>{
          base(6, 16) + ": run.replications: expected an integer, got string \"many\"",
          base(10, 20) + ": countries.AAA.employees_median: must lie between employees_min and employees_max",
          base(11, 1) + ": countries.BBB.eligible_firms: missing required key",
          base(28, 8) + ": phases.I.exit: the exit month must lie inside the phase",
          base(41, 32) + ": funders.D.budget_usd.III: unknown phase 'III' (not under [phases])",
          at("variant.toml", 3, 7) + ": phases.II.end: the phase (2011-07 to 2013-06) lies outside the "
                                     "calendar (2010-01 to 2012-12)",
          at("variant.toml", 4, 13) + ": phases.II.fee_share: expected a number, got string \"half\"",
          at("variant.toml", 6, 1) +
              ": behaviour.enrol_rat: unknown key 'enrol_rat'; did you mean 'enrol_rate'?",
          "--set phases.I.subsidy_share=2:1:24: phases.I.subsidy_share: value 2 is out of range [0, 1] "
          "(share)",
          "--set run.seed=x:1:10: run.seed: expected an integer, got string \"x\"",
      }));
}

// A country joining a phase late: its entry month becomes the step its plan
// comes into force; a month outside the calendar or the phase, or not before
// the exit, is an error where the entry was written.
TEST_F(Build, AnEntryMonthIsTheStepThePlanStarts) {
  const Scenario sc = load_scenario(
      write("entry.toml", replace(kMinimal, "fee_share = 0.5\n", "fee_share = 0.5\nentry = \"2010-07\"\n")));
  EXPECT_EQ(sc.model.phases[0].plans[1].entry_step, 6);
  EXPECT_EQ(sc.model.phases[0].plans[0].entry_step, -1) << "a country without an entry starts with the phase";
}

TEST_F(Build, AnEntryOutsideTheCalendarOrPhaseOrAfterTheExitIsRefusedWhereWritten) {
  const auto with = [&](const std::string& lines) {
    return errors_of(replace(kMinimal, "fee_share = 0.5\n", "fee_share = 0.5\n" + lines));
  };
  // The entry is on line 28 of the file, its value at column 9.
  EXPECT_EQ(
      with("entry = \"2009-05\"\n"),
      at("bad.toml", 28, 9) +
          ": phases.I.country.BBB.entry: the entry month (2009-05) lies outside the calendar (2010-01 to "
          "2012-12)");
  EXPECT_EQ(
      with("entry = \"2011-09\"\n"),
      at("bad.toml", 28, 9) + ": phases.I.country.BBB.entry: the entry month must lie inside the phase");
  EXPECT_EQ(with("entry = \"2011-03\"\nexit = \"2011-01\"\n"),
            at("bad.toml", 28, 9) +
                ": phases.I.country.BBB.entry: the entry month (2011-03) must come before the exit month "
                "(2011-01)");
  EXPECT_EQ(with("entry = \"2011-01\"\nexit = \"2011-01\"\n"),
            at("bad.toml", 28, 9) +
                ": phases.I.country.BBB.entry: the entry month (2011-01) must come before the exit month "
                "(2011-01)");
  EXPECT_EQ(with("entry = \"2010-02\"\nexit = \"2011-01\"\n"), "");
}

TEST_F(Build, AMisspeltRequiredKeyIsOneProblem) {
  const std::string msg = errors_of(
      replace(kMinimal, "eligible_firms = 100\n[countries.BBB]", "eligble_firms = 100\n[countries.BBB]"));
  EXPECT_EQ(msg,
            at("bad.toml", 7, 1) +
                ": countries.AAA.eligble_firms: unknown key 'eligble_firms'; did you mean 'eligible_firms'?");
}

TEST_F(Build, AWrongValueGivesNoFurtherMessagesFromTheChecksThatUseIt) {
  // An invalid calendar end: no "outside the calendar" for the phases; an
  // invalid median: no "must lie between".
  std::string msg =
      errors_of(replace(kMinimal, "end = \"2012-12\"\n[countries", "end = \"2012-13\"\n[countries"));
  EXPECT_EQ(msg, at("bad.toml", 4, 7) + ": calendar.end: expected a month \"YYYY-MM\", got \"2012-13\"");
  msg = errors_of(replace(kMinimal, "eligible_firms = 100\n[countries.BBB]",
                          "eligible_firms = 100\nemployees_median = 0\n[countries.BBB]"));
  EXPECT_EQ(msg, at("bad.toml", 8, 20) +
                     ": countries.AAA.employees_median: value 0 is out of range [1, 100000] (employees)");
}

TEST_F(Build, UndefinedCountriesAndPhasesAreRefused) {
  std::string msg = errors_of(replace(kMinimal, "countries = [\"AAA\"]", "countries = [\"AAA\", \"ZZZ\"]"));
  EXPECT_NE(msg.find("unknown country 'ZZZ'"), std::string::npos) << msg;
  msg = errors_of(replace(kMinimal, "II = 2000", "III = 2000"));
  EXPECT_NE(msg.find("funders.D.budget_usd.III: unknown phase 'III'"), std::string::npos) << msg;
  msg = errors_of(std::string(kMinimal) + "[funders.G]\nkind = \"government\"\ncountry = \"XXX\"\n");
  EXPECT_NE(msg.find("funders.G.country"), std::string::npos) << msg;
}

TEST_F(Build, MissingRequiredKeysAreNamedWithTheirFile) {
  const std::string msg =
      errors_of(replace(kMinimal, "eligible_firms = 100\n[countries.BBB]", "[countries.BBB]"));
  EXPECT_NE(msg.find("countries.AAA.eligible_firms"), std::string::npos) << msg;
  EXPECT_NE(msg.find("bad.toml"), std::string::npos) << msg;
}

TEST_F(Build, AbsurdSizesAreRefusedBeforeAllocating) {
  std::string msg = errors_of(replace(kMinimal, "eligible_firms = 100\n[countries.BBB]",
                                      "eligible_firms = 40000000\n[countries.BBB]") +
                              "[countries.CCC]\nname = \"C\"\neligible_firms = "
                              "40000000\n[countries.DDD]\nname = \"D\"\neligible_firms = 40000000\n");
  EXPECT_NE(msg.find("at most 100000000 are allowed"), std::string::npos) << msg;
  msg = errors_of(replace(kMinimal, "end = \"2012-12\"\n[countries", "end = \"2212-12\"\n[countries"));
  EXPECT_NE(msg.find("calendar"), std::string::npos) << msg;
}

// A national training levy fund: a kind of the payer table, tied to a
// country, paying for firms at or above its size threshold.
const char* kLevy = R"(
[funders.L]
kind = "levy"
country = "BBB"
share = 0.5
min_employees = 100
budget_usd = { I = 1000 }
)";

TEST_F(Build, ALevyFundIsTiedToItsCountryAndReadsItsThreshold) {
  const Scenario sc = load_scenario(write("levy.toml", std::string(kMinimal) + kLevy));
  const model::Funder& l = sc.model.funders[1];
  EXPECT_EQ(l.kind, model::FunderKind::levy);
  EXPECT_EQ(l.country, 1);
  EXPECT_EQ(l.share_in(0), 0.5);
  EXPECT_EQ(l.min_employees, 100.0);
  EXPECT_NE(errors_of(std::string(kMinimal) + replace(kLevy, "country = \"BBB\"\n", ""))
                .find("funders.L.country: a levy funder needs a country"),
            std::string::npos);
}

TEST_F(Build, OnlyALevyFundHasASizeThreshold) {
  const std::string msg =
      errors_of(std::string(kMinimal) + replace(kLevy, "kind = \"levy\"", "kind = \"government\""));
  EXPECT_NE(msg.find("funders.L.min_employees: a government funder pays for every firm it covers"),
            std::string::npos)
      << msg;
}

TEST_F(Build, SharesThatExceedThePriceAreRefused) {
  const std::string msg = errors_of(replace(replace(kMinimal, "subsidy_share = 0.5", "subsidy_share = 0.8"),
                                            "fee_share = 0.3\n", "fee_share = 0.3\nilo_share = 0.3\n"));
  // Once, at the value written (a phase-wide module share), not per country.
  const std::string expected =
      "phases.I.modules.M3.subsidy_share: shares do not add up: subsidy_share 0.8 + ilo_share 0.3 exceed the "
      "whole price (1)";
  const std::size_t first = msg.find(expected);
  EXPECT_NE(first, std::string::npos) << msg;
  EXPECT_EQ(msg.find(expected, first + 1), std::string::npos) << msg;
}

TEST_F(Build, AFundersSettingForOnePhaseLeavesTheOthersAlone) {
  const Scenario sc = load_scenario(write("gov.toml", std::string(kMinimal) + R"(
[funders.G]
kind = "government"
country = "AAA"
share = 0.5
modules = [1]
pacing = "front_loaded"
unspent = "carry_over"
budget_usd = { I = 100, II = 100 }
[funders.G.phase.II]
share = 0.7
modules = [1, 2]
)"));
  const model::Funder& g = sc.model.funders[1];
  EXPECT_EQ(g.share_in(0), 0.5);
  EXPECT_EQ(g.share_in(1), 0.7);
  EXPECT_TRUE(g.pays_module(0, 0));
  EXPECT_FALSE(g.pays_module(0, 1));
  EXPECT_TRUE(g.pays_module(1, 1));
  EXPECT_EQ(g.pacing, model::Pacing::front_loaded);
  EXPECT_EQ(g.unspent, model::Unspent::carry_over);
  EXPECT_EQ(sc.model.funders[0].pacing, model::Pacing::even);  // the default
  EXPECT_EQ(sc.model.funders[0].unspent, model::Unspent::lapse);
}

TEST_F(Build, TheUnfundedSeatRuleIsReadPerPhase) {
  const Scenario sc =
      load_scenario(write("r.toml", replace(kMinimal, "countries = [\"AAA\"]\n",
                                            "countries = [\"AAA\"]\nunfunded_seats = \"rationed\"\n")));
  EXPECT_EQ(sc.model.phases[0].unfunded, model::Unfunded::priced_up);
  EXPECT_EQ(sc.model.phases[1].unfunded, model::Unfunded::rationed);
}

// A funder managed as donors manage theirs: a franc budget with the
// scenario's rates, its own months, earmarks and a yearly schedule.
const char* kManaged = R"(
[currencies.CHF]
usd_per_unit = { 2010 = 1.0, 2011 = 1.1, 2012 = 1.2 }
[funders.S]
kind = "donor"
currency = "CHF"
budget = { I = 1800, II = 2000 }
start = "2010-07"
end = "2012-06"
countries = ["BBB"]
lines = ["delivery", "trainers"]
pacing = "schedule"
schedule = { 2010 = 600, 2011 = 1200, 2012 = 600 }
)";

// A sweep builds its points from a chain parsed once (ParsedChain): the
// model of loading the file with the point's overrides, and for a point
// that does not build, the same problems at the same lines.
TEST_F(Build, AChainParsedOnceGivesTheModelAndTheProblemsOfLoadingTheFile) {
  const auto file = write("m.toml", std::string(kMinimal) + kManaged);
  const std::vector<std::string> overrides{"behaviour.enrol_rate=0.2", "run.seed=7",
                                           "funders.S.budget.II=2500"};
  const model::Description loaded = load_scenario(file, overrides).model;
  const model::Description built = load_model(ParsedChain(file), overrides);
  EXPECT_EQ(built.seed, 7u);
  EXPECT_EQ(built.seed, loaded.seed);
  EXPECT_EQ(built.steps, loaded.steps);
  EXPECT_EQ(built.behaviour.enrol_rate, loaded.behaviour.enrol_rate);
  ASSERT_EQ(built.funders.size(), loaded.funders.size());
  for (std::size_t j = 0; j < built.funders.size(); ++j) {
    EXPECT_EQ(built.funders[j].id, loaded.funders[j].id);
    EXPECT_EQ(built.funders[j].budget, loaded.funders[j].budget);
  }
  ASSERT_EQ(built.phases.size(), loaded.phases.size());
  for (std::size_t p = 0; p < built.phases.size(); ++p) EXPECT_EQ(built.phases[p].id, loaded.phases[p].id);

  const std::string variant = write("variant.toml", R"(extends = "m.toml"
[countries.AAA]
employees_median = 10
)")
                                  .string();
  const std::vector<std::string> bad{"phases.I.subsidy_share=2"};
  std::vector<std::string> expected, found;
  try {
    load_scenario(variant, bad);
  } catch (const ScenarioError& e) {
    expected = testing::formatted(e.diagnostics());
  }
  // Its files removed before the point is built: the lines come from the
  // bytes read at first.
  const ParsedChain chain(variant);
  std::filesystem::remove(variant);
  std::filesystem::remove(file);
  try {
    load_model(chain, bad);
  } catch (const ScenarioError& e) {
    found = testing::formatted(e.diagnostics());
  }
  EXPECT_EQ(found, expected);
  EXPECT_EQ(expected,
            (std::vector<std::string>{
                at("variant.toml", 3, 20) +
                    ": countries.AAA.employees_median: must lie between employees_min and employees_max",
                "--set phases.I.subsidy_share=2:1:24: phases.I.subsidy_share: value 2 is out of range [0, 1] "
                "(share)"}));
}

TEST_F(Build, AFundersCurrencyMonthsEarmarksAndScheduleAreRead) {
  const Scenario sc = load_scenario(write("m.toml", std::string(kMinimal) + kManaged));
  const model::Description& m = sc.model;
  const model::Funder& f = m.funders[1];
  ASSERT_EQ(m.currencies.size(), 1u);
  EXPECT_EQ(m.usd_per_unit(f, 13), 1.1);  // 2011-02
  EXPECT_EQ(f.budget, (std::vector<double>{1800, 2000}));
  EXPECT_EQ(f.first_step, 6);
  EXPECT_EQ(f.last_step, 29);
  EXPECT_EQ(f.countries, (std::vector<bool>{false, true}));
  EXPECT_TRUE(f.lines[1]);
  EXPECT_FALSE(f.lines[2]);
  // 2010: 600 over its 6 paying months; 2011: 100 a month; phase II (from
  // 2011-07) restarts the count; 2012: 600 over 6 months.
  EXPECT_NEAR(f.scheduled[5], 0, 1e-9);
  EXPECT_NEAR(f.scheduled[11], 600, 1e-9);
  EXPECT_NEAR(f.scheduled[17], 1200, 1e-9);
  EXPECT_NEAR(f.scheduled[18], 100, 1e-9);
  EXPECT_NEAR(f.scheduled[29], 1200, 1e-9);
  EXPECT_EQ(m.funders[0].currency, -1);  // USD by default
  // A dollar budget for a franc funder converts at its phase's first year.
  const Scenario usd = load_scenario(
      write("u.toml", replace(std::string(kMinimal) + kManaged, "budget = { I = 1800, II = 2000 }",
                              "budget = { I = 1800 }\nbudget_usd = { II = 2200 }")));
  EXPECT_NEAR(usd.model.funders[1].budget[1], 2000, 1e-9);  // 2011: 1.1 USD per franc
}

// The line of the first occurrence of `needle` in `text` (1-based).
int line_of(const std::string& text, const std::string& needle) {
  const auto pos = text.find(needle);
  return pos == std::string::npos ? -1
                                  : 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

TEST_F(Build, AnUnknownFunderKindIsAnErrorAtItsLineNotADonor) {
  const std::string text = replace(kMinimal, "kind = \"donor\"", "kind = \"philanthropist\"");
  const std::string msg = errors_of(text);
  EXPECT_NE(
      msg.find(
          at("bad.toml", line_of(text, "kind = \"philanthropist\""), 8) +
          ": funders.D.kind: \"philanthropist\" is not one of: donor, ilo, government, buyer, csr, levy"),
      std::string::npos)
      << msg;
}

TEST_F(Build, AFundersMoneyTermsAreCheckedWhereTheyAreWritten) {
  struct Case {
    const char *from, *to, *where, *message;  // an edit, the text of the line reported, the message
  };
  const Case cases[] = {
      {"currency = \"CHF\"", "currency = \"EUR\"", "currency = \"EUR\"",
       "funders.S.currency: unknown currency 'EUR' (not under [currencies])"},
      {"budget = { I = 1800, II = 2000 }", "budget = { I = 1800, II = 2000 }\nbudget_usd = { II = 2400 }",
       "budget_usd = { II", "funders.S.budget_usd.II: phase II's budget is written twice"},
      {"end = \"2012-06\"\ncountries", "end = \"2010-03\"\ncountries", "end = \"2010-03\"",
       "funders.S.end: the funder stops before it starts (2010-07)"},
      {"start = \"2010-07\"", "start = \"2009-07\"", "start = \"2009-07\"",
       "funders.S.start: 2009-07 lies outside the calendar (2010-01 to 2012-12)"},
      {"countries = [\"BBB\"]\nlines", "countries = [\"CCC\"]\nlines", "countries = [\"CCC\"]",
       "funders.S.countries: unknown country 'CCC'"},
      {"2011 = 1200", "2011 = 3300", "schedule = {",
       "funders.S.schedule: the schedule plans CHF 2250 in phase I, more than its budget (1800)"},
      {"pacing = \"schedule\"", "pacing = \"even\"", "schedule = {",
       "funders.S.schedule: a schedule is read only with pacing = \"schedule\""},
      {"2012 = 1.2 }", "2013 = 1.2 }", "usd_per_unit",
       "currencies.CHF.usd_per_unit: no rate for 2012: give every year in between"},
  };
  for (const Case& c : cases) {
    const std::string text = replace(std::string(kMinimal) + kManaged, c.from, c.to);
    const std::string msg = errors_of(text);
    const std::string where = at("bad.toml", line_of(text, c.where), 1);
    EXPECT_NE(msg.find(where.substr(0, where.size() - 1)), std::string::npos) << msg;
    EXPECT_NE(msg.find(c.message), std::string::npos) << msg;
  }
}

}  // namespace
}  // namespace score::scenario
