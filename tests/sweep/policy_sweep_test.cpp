// Policies x uncertainties: a sweep file's [[policy]] options crossed with
// its design, stored per option, compared in a decision table; and what a
// wrong [[policy]] or [[decision]] entry gets.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "h5_compare.hpp"
#include "scenario/diagnostic.hpp"
#include "support/run_score.hpp"
#include "sweep/decision_table.hpp"
#include "sweep/sweep.hpp"
#include "sweep_files.hpp"
#include "sweep_output/sweep_writer.hpp"

namespace score::sweep {
namespace {

using score_test::score;

constexpr const char* kDesign = "design = \"lhs\"\npoints = 5\nseed = 8\nreplications = 2";
constexpr const char* kParameters =
    "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n"
    "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n";
constexpr const char* kPolicies =
    "[[policy]]\nname = \"as_is\"\n"
    "[[policy]]\nname = \"rationed\"\nset = [\"phases.I.unfunded_seats=rationed\"]\n"
    "[[policy]]\nname = \"more_trainers\"\nset = [\"phases.I.trainers_per_year=12\", "
    "\"funders.D.pacing=front_loaded\"]\n"
    "[[decision]]\noutcome = \"firms_trained\"\nphase = \"I\"\ngoal = \"max\"\nthreshold = 12\n"
    "[[decision]]\noutcome = \"donor_cost_per_firm_usd\"\nphase = \"I\"\ngoal = \"min\"\n";

class policy_sweep : public testing::SweepFiles {
 protected:
  std::string errors(const std::string& rest) const {
    try {
      load_sweep(write_sweep("p.toml", kDesign, std::string(kParameters) + rest));
    } catch (const scenario::ScenarioError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(policy_sweep, EachOptionRunsEveryPointWithThePointsSeeds) {
  const Sweep sw = load_sweep(write_sweep("p.toml", kDesign, std::string(kParameters) + kPolicies));
  ASSERT_EQ(sw.points(), 15);
  EXPECT_EQ(sw.design.uncertain, 5);
  for (int p = 0; p < 15; ++p) {
    EXPECT_EQ(sw.design.policy[static_cast<std::size_t>(p)], p / 5);
    EXPECT_EQ(sw.design.seeds[static_cast<std::size_t>(p)], sw.design.seeds[static_cast<std::size_t>(p % 5)]);
    EXPECT_EQ(sw.design.values[static_cast<std::size_t>(p)],
              sw.design.values[static_cast<std::size_t>(p % 5)]);
  }
  const auto overrides = point_overrides(sw.spec, sw.design, 12);
  EXPECT_EQ(overrides.front(), "phases.I.trainers_per_year=12");
  EXPECT_EQ(sw.spec.criteria.size(), 2u);
  EXPECT_FALSE(sw.spec.criteria[1].maximise);
}

TEST_F(policy_sweep, StoresOptionsPerPointAndPrintsTheDecisionTable) {
  const auto policies = write_sweep("p.toml", kDesign, std::string(kParameters) + kPolicies);
  const auto plain = write_sweep("plain.toml", kDesign, kParameters);
  const auto run = score("sweep " + policies.string() + " -q --threads 2 -o " + (dir / "p.h5").string());
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("3 policy options x 5 points"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Decision table: 3 policy options x 5 uncertain points"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("robust on firms_trained: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Robust option: "), std::string::npos) << run.out;
  ASSERT_EQ(score("sweep " + plain.string() + " -q --threads 2 -o " + (dir / "plain.h5").string()).code, 0);
  // The option that changes nothing gives the plain sweep's numbers, bit for bit.
  const auto with = testing::read_dataset(dir / "p.h5", "outcome");
  const auto without = testing::read_dataset(dir / "plain.h5", "outcome");
  ASSERT_EQ(with.size(), 3 * without.size());
  EXPECT_TRUE(testing::same_bits({with.begin(), with.begin() + static_cast<std::ptrdiff_t>(without.size())},
                                 without));
  EXPECT_FALSE(
      testing::same_bits({with.end() - static_cast<std::ptrdiff_t>(without.size()), with.end()}, without));
  EXPECT_EQ(testing::read_dataset(dir / "p.h5", "point_policy"),
            (std::vector<double>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2}));
  // Discovery over every option's points takes the option as a categorical
  // input of the box; --policy looks at one option's points alone.
  const std::string discover = "discover " + (dir / "p.h5").string() + " --outcome firms_trained --phase I";
  const auto mixed = score(discover + " --where '< p50' --csv " + (dir / "mixed").string());
  ASSERT_EQ(mixed.code, 0) << mixed.out;
  EXPECT_NE(mixed.out.find(" of 15 points are cases"), std::string::npos) << mixed.out;
  EXPECT_NE(mixed.out.find("\npolicy "), std::string::npos) << mixed.out;  // a row of the features table
  std::ifstream points(dir / "mixed" / "points.csv");
  std::string header;
  std::getline(points, header);
  EXPECT_EQ(header, "point,phases.I.subsidy_share,behaviour.enrol_rate,policy,firms_trained,is_case,in_box");
  const auto one = score(discover + " --where '< p50' --policy rationed");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_NE(one.out.find("under policy rationed: "), std::string::npos) << one.out;
  EXPECT_NE(one.out.find(" of 5 points are cases"), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("\npolicy "), std::string::npos) << one.out;
  const auto unknown = score(discover + " --where '< p50' --policy cheaper");
  EXPECT_EQ(unknown.code, 2) << unknown.out;
  EXPECT_NE(unknown.out.find("no policy option 'cheaper' (its options: as_is, rationed, more_trainers)"),
            std::string::npos)
      << unknown.out;
}

TEST_F(policy_sweep, DecisionTableScoresRegretAndSatisficing) {
  // Two options over three points: firms (more is better), phase "I".
  OutcomeTable means{6, 1, std::vector<double>(6 * sim::kSummaries, 0.0)};
  const int firms = static_cast<int>(sim::Summary::firms_trained);
  const double a[] = {10, 20, 30}, b[] = {15, 15, 15};
  for (int u = 0; u < 3; ++u) {
    means.values[static_cast<std::size_t>(u) * sim::kSummaries + firms] = a[u];
    means.values[static_cast<std::size_t>(3 + u) * sim::kSummaries + firms] = b[u];
  }
  const DecisionTable t =
      decision_table(means, {{"a", {}, {}}, {"b", {}, {}}}, {{"firms_trained", "I", true, 15.0}}, {"I"});
  ASSERT_EQ(t.criteria.size(), 1u);
  const auto& c = t.criteria[0];
  EXPECT_DOUBLE_EQ(c.options[0].mean, 20);
  EXPECT_DOUBLE_EQ(c.options[0].max_regret, 5);   // 15 - 10 at the first point
  EXPECT_DOUBLE_EQ(c.options[1].max_regret, 15);  // 30 - 15 at the last
  EXPECT_DOUBLE_EQ(c.options[1].mean_regret, 20.0 / 3);
  EXPECT_EQ(c.least_max_regret, 0);
  EXPECT_DOUBLE_EQ(c.options[0].satisficing, 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.options[1].satisficing, 1.0);
  EXPECT_EQ(t.most_satisficing, 1);
}

TEST_F(policy_sweep, WrongEntriesAreReportedWhereTheyAre) {
  const std::string one = "[[policy]]\nname = \"a\"\n";
  EXPECT_NE(errors(one + "[[decision]]\noutcome = \"firms_trained\"\nphase = \"I\"\n")
                .find("give at least two policy options"),
            std::string::npos);
  EXPECT_NE(errors(one + "[[policy]]\nname = \"b\"\n").find("needs at least one [[decision]]"),
            std::string::npos);
  const std::string two = one + "[[policy]]\nname = \"b\"\nset = [\"phases.I.subsidy_share=0.3\"]\n";
  const std::string decision = "[[decision]]\noutcome = \"firms_traned\"\nphase = \"IX\"\ngoal = \"most\"\n";
  const std::string e = errors(two + decision);
  EXPECT_NE(e.find("'phases.I.subsidy_share' is swept by the design"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'firms_trained'?"), std::string::npos) << e;
  EXPECT_NE(e.find("the base scenario has no phase 'IX'"), std::string::npos) << e;
  EXPECT_NE(e.find("expected \"max\""), std::string::npos) << e;
  EXPECT_NE(
      errors("[[decision]]\noutcome = \"firms_trained\"\nphase = \"I\"\n").find("needs [[policy]] options"),
      std::string::npos);
  EXPECT_NE(errors(one + "[[policy]]\nname = \"a\"\nset = [\"nokey\"]\n").find("'a' is named twice"),
            std::string::npos);
  // A value the scenario rejects is found when every point is built, before anything runs.
  const auto bad = write_sweep("bad.toml", kDesign,
                               std::string(kParameters) + one +
                                   "[[policy]]\nname = \"b\"\nset = [\"phases.I.unfunded_seats=sometimes\"]\n"
                                   "[[decision]]\noutcome = \"firms_trained\"\nphase = \"I\"\n");
  const auto run = score("sweep " + bad.string() + " -q -o " + (dir / "bad.h5").string());
  EXPECT_EQ(run.code, 2) << run.out;
  EXPECT_NE(run.out.find("sometimes"), std::string::npos) << run.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "bad.h5"));
}

TEST_F(policy_sweep, AnOptionsOwnScenarioFileResumesAndIsPartOfTheSweepsHash) {
  std::ostringstream read;
  read << std::ifstream(testing::small_scenario()).rdbuf();
  std::string other = read.str();
  other.replace(other.find("trainers_per_year = 6"), 21, "trainers_per_year = 9");
  write("other.toml", other);
  const std::string options =
      "[[policy]]\nname = \"base\"\n[[policy]]\nname = \"other\"\nscenario = \"other.toml\"\n"
      "[[decision]]\noutcome = \"firms_trained\"\nphase = \"I\"\n";
  const auto file = write_sweep("p.toml", kDesign, std::string(kParameters) + options);
  const Sweep sw = load_sweep(file);
  EXPECT_EQ(point_scenario(sw.spec, sw.design, 7), dir / "other.toml");
  std::vector<PointResult> results;
  for (int p = 0; p < sw.points(); ++p) results.push_back(*run_point(sw, p));
  EXPECT_NE(results[0].outcome, results[5].outcome);  // the option's file is what runs
  using output::SweepWriter;
  {
    SweepWriter whole(dir / "whole.h5", sw, "test", SweepWriter::Mode::start);
    for (const auto& r : results) whole.write(r);
    whole.finish();
    SweepWriter part(dir / "part.h5", sw, "test", SweepWriter::Mode::start);
    for (int p = 0; p < 6; ++p) part.write(results[static_cast<std::size_t>(p)]);
  }  // left as a kill would leave it
  {
    SweepWriter resumed(dir / "part.h5", sw, "test", SweepWriter::Mode::resume);
    EXPECT_EQ(resumed.points_done(), 6);
    for (int p = 6; p < sw.points(); ++p) resumed.write(results[static_cast<std::size_t>(p)]);
    resumed.finish();
  }
  for (const char* name : {"outcome", "outcome_stats", "design", "point_policy"})
    EXPECT_TRUE(testing::same_bits(testing::read_dataset(dir / "whole.h5", name),
                                   testing::read_dataset(dir / "part.h5", name)))
        << name;
  {
    SweepWriter part(dir / "again.h5", sw, "test", SweepWriter::Mode::start);
    part.write(results[0]);
  }
  other.replace(other.find("trainers_per_year = 9"), 21, "trainers_per_year = 8");
  write("other.toml", other);
  const Sweep changed = load_sweep(file);
  EXPECT_NE(changed.spec.sha256, sw.spec.sha256);
  EXPECT_THROW(SweepWriter(dir / "again.h5", changed, "test", SweepWriter::Mode::resume),
               output::SweepRefused);
}

TEST_F(policy_sweep, SaltelliAndMorrisDesignsTakeNoPolicies) {
  const auto file = write_sweep("s.toml", "design = \"saltelli\"\nn = 4",
                                std::string(kParameters) +
                                    "[[policy]]\nname = \"a\"\n[[policy]]\nname = \"b\"\n"
                                    "[[decision]]\noutcome = \"firms_trained\"\nphase = \"I\"\n");
  try {
    load_sweep(file);
    FAIL() << "a saltelli design with policies loaded";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("policy options cross a grid, lhs or sobol design"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace score::sweep
