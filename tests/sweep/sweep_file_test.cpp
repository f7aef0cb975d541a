// Sweep files: what a valid one gives, and every validation error, with the
// position and key a user needs to find it.
#include <gtest/gtest.h>

#include "scenario/diagnostic.hpp"
#include "sweep/sweep.hpp"
#include "sweep_files.hpp"

namespace score::sweep {
namespace {

class sweep_file : public testing::SweepFiles {
 protected:
  // Every diagnostic of loading `name`, one per line; "" if it loads.
  std::string errors(const std::filesystem::path& file) const {
    try {
      load_sweep(file);
    } catch (const scenario::ScenarioError& e) {
      return e.what();
    }
    return "";
  }
  // A file whose [sweep] is valid for an lhs design, with `rest` after it.
  std::filesystem::path lhs(const std::string& rest) const {
    return write_sweep("s.toml", "design = \"lhs\"\npoints = 4\nseed = 3\nreplications = 2", rest);
  }
};

constexpr const char* kSubsidy = "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n";

TEST_F(sweep_file, AValidFileGivesItsSettings) {
  const auto file =
      write_sweep("ok.toml", "name = \"demo\"\ndesign = \"saltelli\"\nn = 4\nseed = 9\nreplications = 3",
                  std::string(kSubsidy) +
                      "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
                      "[[parameter]]\nkey = \"countries.AAA.eligible_firms\"\nvalues = [200, 400]\n"
                      "[output]\ntimeseries = [\"firms_trained_total\", \"revenue_usd\"]\n");
  const Sweep sw = load_sweep(file);
  const SweepSpec& spec = sw.spec;
  EXPECT_EQ(spec.name, "demo");
  EXPECT_EQ(spec.method, Method::saltelli);
  EXPECT_EQ(spec.n, 4);
  EXPECT_EQ(spec.seed, 9u);
  EXPECT_EQ(spec.replications, 3);
  ASSERT_EQ(spec.parameters.size(), 3u);
  EXPECT_EQ(spec.parameters[0].key, "phases.I.subsidy_share");
  EXPECT_DOUBLE_EQ(spec.parameters[1].factor.lo, 0.01);  // declared in small_scenario.toml
  EXPECT_DOUBLE_EQ(spec.parameters[1].factor.hi, 0.1);
  EXPECT_TRUE(spec.parameters[1].from_scenario);
  EXPECT_TRUE(spec.parameters[2].integer);
  EXPECT_EQ(spec.parameters[2].factor.levels, (std::vector<double>{200, 400}));
  EXPECT_EQ(spec.timeseries,
            (std::vector<sim::Metric>{sim::Metric::firms_trained_total, sim::Metric::revenue_usd}));
  EXPECT_EQ(spec.sha256.size(), 64u);
  EXPECT_EQ(sw.points(), 4 * (3 + 2));
  EXPECT_EQ(sw.base.model.name, "small");
}

TEST_F(sweep_file, TheNameDefaultsToTheFileStem) { EXPECT_EQ(load_sweep(lhs(kSubsidy)).spec.name, "s"); }

TEST_F(sweep_file, ATomlSyntaxErrorHasItsPosition) {
  const auto file = write("bad.toml", "[sweep]\ndesign = \"lhs\n");
  EXPECT_NE(errors(file).find(at("bad.toml", 2, 14)), std::string::npos) << errors(file);
}

TEST_F(sweep_file, AMissingFileIsReported) {
  EXPECT_NE(errors(dir / "none.toml").find("cannot read"), std::string::npos);
}

TEST_F(sweep_file, UnknownKeysAreReportedWithASuggestion) {
  const auto file = write("s.toml", "[sweep]\nscenario = \"" + testing::small_scenario() +
                                        "\"\ndesign = \"lhs\"\npoints = 4\nreplication = 2\n"
                                        "[[parameters]]\nkey = \"phases.I.subsidy_share\"\n");
  const std::string e = errors(file);
  EXPECT_NE(e.find(at("s.toml", 5, 1) + ": sweep.replication: unknown key; did you mean 'replications'?"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find(at("s.toml", 6, 3) + ": parameters: unknown key; did you mean 'parameter'?"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("a sweep varies at least one parameter"), std::string::npos) << e;
}

TEST_F(sweep_file, DesignProblemsArePositioned) {
  std::string e = errors(write_sweep("s.toml", "design = \"latin\"", kSubsidy));
  EXPECT_NE(e.find(at("s.toml", 3, 10) + ": sweep.design: unknown design 'latin'"), std::string::npos) << e;
  e = errors(write_sweep("s.toml", "design = \"lhs\"\nn = 4", kSubsidy));
  EXPECT_NE(e.find(at("s.toml", 4, 5) + ": sweep.n: not used by a lhs design"), std::string::npos) << e;
  EXPECT_NE(e.find("sweep: a lhs design needs 'points'"), std::string::npos) << e;
  e = errors(write_sweep("s.toml", "design = \"saltelli\"\nn = 6", kSubsidy));
  EXPECT_NE(e.find(at("s.toml", 4, 5) + ": sweep.n: must be a power of two"), std::string::npos) << e;
  e = errors(write_sweep("s.toml", "design = \"morris\"\ntrajectories = 2\nlevels = 5", kSubsidy));
  EXPECT_NE(e.find(at("s.toml", 5, 10) + ": sweep.levels: a morris design needs an even number"),
            std::string::npos)
      << e;
  e = errors(write_sweep("s.toml", "design = \"grid\"", kSubsidy));
  EXPECT_NE(e.find("sweep: a grid design needs 'levels'"), std::string::npos) << e;
  e = errors(write_sweep("s.toml", "design = \"lhs\"\npoints = 4\nreplications = 0", kSubsidy));
  EXPECT_NE(e.find(at("s.toml", 5, 16) + ": sweep.replications: must be between 1 and 10000"),
            std::string::npos)
      << e;
}

TEST_F(sweep_file, AMissingScenarioOrDesignIsReported) {
  const auto file = write("s.toml", "[sweep]\nseed = 1\n");
  EXPECT_NE(errors(file).find(at("s.toml", 1, 1) + ": sweep: missing required key 'scenario'"),
            std::string::npos)
      << errors(file);
  const std::string e = errors(write_sweep("s.toml", "seed = 1", kSubsidy));
  EXPECT_NE(e.find("sweep: missing required key 'design'"), std::string::npos) << e;
}

TEST_F(sweep_file, AKeyOutsideTheSchemaIsReportedWithASuggestion) {
  const std::string e = errors(lhs("[[parameter]]\nkey = \"phases.I.subsidy_shar\"\nrange = [0, 1]\n"));
  EXPECT_NE(
      e.find(at("s.toml", 8, 7) + ": parameter[1].key: 'phases.I.subsidy_shar' is not a scenario key; did "
                                  "you mean 'subsidy_share'?"),
      std::string::npos)
      << e;
}

TEST_F(sweep_file, OnlyNumbersCanBeSwept) {
  const std::string e = errors(lhs("[[parameter]]\nkey = \"phases.I.strategy\"\nrange = [0, 1]\n"));
  EXPECT_NE(e.find("parameter[1].key: 'phases.I.strategy' is not a number"), std::string::npos) << e;
}

TEST_F(sweep_file, RangeProblemsArePositioned) {
  std::string e = errors(lhs("[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.6, 0.2]\n"));
  EXPECT_NE(e.find(at("s.toml", 9, 9) + ": parameter[1].range: lo must be below hi"), std::string::npos) << e;
  e = errors(lhs("[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.5, 1.5]\n"));
  EXPECT_NE(e.find("parameter[1].range: 1.5 lies outside the key's bounds [0, 1]"), std::string::npos) << e;
  e = errors(lhs("[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.1, 0.5]\nvalues = [0.2]\n"));
  EXPECT_NE(e.find(at("s.toml", 10, 10) + ": parameter[1].values: give either range or values, not both"),
            std::string::npos)
      << e;
  e = errors(lhs("[[parameter]]\nkey = \"phases.I.subsidy_share\"\n"));
  EXPECT_NE(e.find("parameter[1]: needs range = [lo, hi]"), std::string::npos) << e;
  e = errors(lhs("[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0, 0.5]\nlog = true\n"));
  EXPECT_NE(e.find("parameter[1].range: a log scale needs a range above zero"), std::string::npos) << e;
}

TEST_F(sweep_file, AScenarioRangeMustBeDeclared) {
  const std::string e = errors(lhs("[[parameter]]\nkey = \"phases.I.fee_share\"\nrange = \"scenario\"\n"));
  EXPECT_NE(e.find(at("s.toml", 9, 9) + ": parameter[1].range: 'phases.I.fee_share' declares no range in"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("{ value = 0.3, range = [lo, hi] }"), std::string::npos) << e;
  const std::string absent =
      errors(lhs("[[parameter]]\nkey = \"phases.I.buyer_share\"\nrange = \"scenario\"\n"));
  EXPECT_NE(absent.find("'phases.I.buyer_share' is not set in"), std::string::npos) << absent;
}

TEST_F(sweep_file, IntegerKeysTakeIntegers) {
  const std::string e =
      errors(lhs("[[parameter]]\nkey = \"phases.I.providers_onboarded\"\nvalues = [1, 2.5]\n"));
  EXPECT_NE(e.find(at("s.toml", 9, 14) + ": parameter[1].values: 2.5 is not an integer"), std::string::npos)
      << e;
}

TEST_F(sweep_file, AKeyVariedTwiceIsReported) {
  const std::string e = errors(lhs(std::string(kSubsidy) + kSubsidy));
  EXPECT_NE(e.find(at("s.toml", 11, 7) + ": parameter[2].key: 'phases.I.subsidy_share' is varied twice"),
            std::string::npos)
      << e;
}

TEST_F(sweep_file, UnknownTimeSeriesAreReportedWithASuggestion) {
  const std::string e =
      errors(lhs(std::string(kSubsidy) + "[output]\ntimeseries = [\"firms_trainee_total\"]\n"));
  EXPECT_NE(
      e.find(at("s.toml", 11, 15) + ": output.timeseries: unknown metric 'firms_trainee_total'; did you mean "
                                    "'firms_trained_total'?"),
      std::string::npos)
      << e;
}

// Sweep files written before the rename keep working; the old and the new
// name are one metric.
TEST_F(sweep_file, ATimeSeriesReadsByItsOldName) {
  const Sweep sw =
      load_sweep(lhs(std::string(kSubsidy) + "[output]\ntimeseries = [\"smes_trained\", \"revenue_usd\"]\n"));
  EXPECT_EQ(sw.spec.timeseries,
            (std::vector<sim::Metric>{sim::Metric::firms_trained_total, sim::Metric::revenue_usd}));
  const std::string e = errors(
      lhs(std::string(kSubsidy) + "[output]\ntimeseries = [\"smes_trained\", \"firms_trained_total\"]\n"));
  EXPECT_NE(e.find("'firms_trained_total' is listed twice"), std::string::npos) << e;
}

TEST_F(sweep_file, TooManyPointsAreRefused) {
  const std::string e = errors(write_sweep(
      "s.toml", "design = \"grid\"\nlevels = 1000",
      std::string(kSubsidy) + "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = [0.01, 0.1]\n"
                              "[[parameter]]\nkey = \"phases.II.subsidy_share\"\nrange = [0.1, 0.2]\n"));
  EXPECT_NE(e.find("sweep: the design has 1000000000 points; at most 1000000"), std::string::npos) << e;
}

TEST_F(sweep_file, TheBaseScenarioIsFoundNextToTheSweepFile) {
  std::filesystem::copy_file(testing::small_scenario(), dir / "base.toml");
  const auto file = write("rel.toml", "[sweep]\nscenario = \"base.toml\"\ndesign = \"lhs\"\npoints = 2\n" +
                                          std::string(kSubsidy));
  EXPECT_EQ(load_sweep(file).spec.scenario, (dir / "base.toml").lexically_normal());
  const auto missing = write(
      "m.toml", "[sweep]\nscenario = \"nope.toml\"\ndesign = \"lhs\"\npoints = 2\n" + std::string(kSubsidy));
  EXPECT_NE(errors(missing).find("nope.toml"), std::string::npos) << errors(missing);
}

// Every point is built from the bytes of the scenario read when the sweep
// was loaded: a file edited or removed while the sweep runs changes nothing.
TEST_F(sweep_file, ThePointsAreBuiltFromTheScenarioAsTheSweepReadIt) {
  std::filesystem::copy_file(testing::small_scenario(), dir / "base.toml");
  const auto file = write("rel.toml", "[sweep]\nscenario = \"base.toml\"\ndesign = \"lhs\"\npoints = 2\n" +
                                          std::string(kSubsidy));
  const Sweep sw = load_sweep(file);
  const model::Description before = point_model(sw, 1);
  write("base.toml", "[scenario]\nname = \"edited\"\n");
  EXPECT_EQ(point_model(sw, 1).name, "small");
  std::filesystem::remove(dir / "base.toml");
  const model::Description after = point_model(sw, 0);
  EXPECT_EQ(after.name, "small");
  EXPECT_EQ(after.countries.size(), before.countries.size());
  EXPECT_NO_THROW(check_points(sw, 1));
}

}  // namespace
}  // namespace score::sweep
