// `score run --ensemble` as a user drives it: a small calibration of the
// small test programme, projected with its posterior. One results file with
// draws x replications runs, each the run `score run --set` gives for its
// draw's values and seed, bit for bit; compare pairs two such runs; bad
// input named, nothing written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "output/results_reader.hpp"
#include "scenario/diagnostic.hpp"
#include "support/run_score.hpp"
#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using score_test::Result;
using score_test::score;

// The calibration is made once per test program (a second or so) and shared.
class EnsembleRun : public score_test::ScratchDir {
 protected:
  EnsembleRun() : ScratchDir("run_ensemble_") {}

  static fs::path shared() {
    return fs::temp_directory_path() / ("run_ensemble_calibration_" + std::to_string(::getpid()));
  }
  static fs::path small() { return shared() / "small.toml"; }
  static fs::path ensemble() { return shared() / "calibration.h5"; }

  static void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

  static void SetUpTestSuite() {
    fs::create_directories(shared());
    fs::copy_file(SCORE_SOURCE_DIR "/tests/sweep/data/small_scenario.toml", small(),
                  fs::copy_options::overwrite_existing);
    write(shared() / "targets.toml",
          "scenario = \"small.toml\"\nreplications = 1\n"
          "[[target]]\nname = \"trained by 2012\"\nkind = \"fit\"\nsource = \"test\"\n"
          "at = \"2012-12\"\nmetric = \"firms_trained_total\"\nat_least = 60\nupper_tail = 0.3\n");
    write(shared() / "calibration.toml",
          "[calibration]\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\n"
          "seed = 3\npopulation = 12\nreplications = 1\nbudget = 80\ngenerations = 2\nmin_acceptance = 0.01\n"
          "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
          "[[parameter]]\nkey = \"countries.AAA.eligible_firms\"\nrange = \"scenario\"\n");
    const Result r =
        score("calibrate " + (shared() / "calibration.toml").string() + " -q -o " + ensemble().string());
    ASSERT_EQ(r.code, 0) << r.out;
  }
  static void TearDownTestSuite() { fs::remove_all(shared()); }

  Result project(const std::string& out, const std::string& more = "") {
    return score("run " + small().string() + " --ensemble " + ensemble().string() + " -q -o " +
                 (dir / out).string() + " " + more);
  }
};

TEST_F(EnsembleRun, HoldsDrawsTimesReplicationsAndSaysWhereTheyCameFrom) {
  const Result r = project("e.h5", "--draws 5 --reps 3 --seed 9");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("5 parameter set(s) drawn from"), std::string::npos) << r.out;
  const score::output::Results results = score::output::read_results(dir / "e.h5");
  EXPECT_EQ(results.info.replications, 15);
  EXPECT_EQ(results.info.seed, 9u);
  ASSERT_TRUE(results.info.ensemble);
  const auto& e = *results.info.ensemble;
  EXPECT_EQ(e.draws(), 5);
  EXPECT_EQ(e.replications_per_draw, 3);
  EXPECT_EQ(e.parameters, (std::vector<std::string>{"behaviour.enrol_rate", "countries.AAA.eligible_firms"}));
  EXPECT_EQ(e.calibration, "calibration");
  for (std::size_t d = 0; d < 5; ++d)
    EXPECT_EQ(e.values[d * 2 + 1], std::round(e.values[d * 2 + 1]));  // an integer key
  const Result info = score("info " + (dir / "e.h5").string());
  EXPECT_NE(
      info.out.find("ensemble      5 parameter sets x 3 replications, drawn from " + ensemble().string()),
      std::string::npos)
      << info.out;
}

TEST_F(EnsembleRun, AReplicationIsTheRunOfItsDrawsValuesBitForBit) {
  ASSERT_EQ(project("e.h5", "--draws 4 --reps 2").code, 0);
  const score::output::ResultsFile file(dir / "e.h5");
  const auto& e = *file.results().info.ensemble;
  for (const int d : {0, 3}) {
    std::string set;
    for (std::size_t j = 0; j < e.parameters.size(); ++j)
      set += " --set " + e.parameters[j] + "=" +
             score::scenario::format_number(e.values[d * e.parameters.size() + j]);
    const fs::path plain = dir / ("draw" + std::to_string(d) + ".h5");
    const Result r =
        score("run " + small().string() + set + " --seed " +
              std::to_string(e.seeds[static_cast<std::size_t>(d)]) + " --reps 2 -q -o " + plain.string());
    ASSERT_EQ(r.code, 0) << r.out;
    const score::output::ResultsFile one(plain);
    for (const auto& metric : file.results().metrics)
      for (int rep = 0; rep < 2; ++rep) {
        const auto a = file.metric(metric.name, d * 2 + rep), b = one.metric(metric.name, rep);
        ASSERT_EQ(a.size(), b.size());
        EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0)
            << metric.name << " of draw " << d << ", replication " << rep;
      }
  }
}

TEST_F(EnsembleRun, DrawsFollowTheWeightsAndTheSeed) {
  ASSERT_EQ(project("a.h5", "--draws 30").code, 0);
  ASSERT_EQ(project("b.h5", "--draws 30").code, 0);
  const auto a = *score::output::read_results(dir / "a.h5").info.ensemble;
  const auto b = *score::output::read_results(dir / "b.h5").info.ensemble;
  EXPECT_EQ(a.particles, b.particles);
  EXPECT_EQ(a.values, b.values);
  EXPECT_EQ(a.replications_per_draw, 1);
  EXPECT_TRUE(std::is_sorted(a.particles.begin(), a.particles.end()));  // systematic resampling
}

TEST_F(EnsembleRun, CompareAcrossTwoScenariosOfOneEnsembleIsPaired) {
  ASSERT_EQ(project("base.h5", "--draws 6").code, 0);
  ASSERT_EQ(project("same.h5", "--draws 6").code, 0);
  ASSERT_EQ(project("more.h5", "--draws 6 --set phases.I.subsidy_share=0.7").code, 0);
  const Result r = score("compare " + (dir / "base.h5").string() + " " + (dir / "more.h5").string() + " " +
                         (dir / "same.h5").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("paired differences (same seed 1 and 6 replications"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Welch"), std::string::npos) << r.out;
}

TEST_F(EnsembleRun, AFileThatIsNoEnsembleIsNamedAndNothingIsWritten) {
  const fs::path results = dir / "plain.h5";
  ASSERT_EQ(score("run " + small().string() + " -q -o " + results.string()).code, 0);
  const Result r = score("run " + small().string() + " --ensemble " + results.string() + " -q -o " +
                         (dir / "x.h5").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(
      r.out.find("ensemble file '" + results.string() + "': is not an ensemble file of score calibrate"),
      std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.h5"));
  const Result missing = score("run " + small().string() + " --ensemble " + (dir / "none.h5").string() +
                               " -q -o " + (dir / "x.h5").string());
  EXPECT_EQ(missing.code, 2) << missing.out;
  EXPECT_NE(missing.out.find("none.h5': does not exist"), std::string::npos) << missing.out;
  EXPECT_FALSE(fs::exists(dir / "x.h5"));
}

TEST_F(EnsembleRun, AScenarioLackingAParameterKeyIsNamed) {
  std::string text;
  {
    std::ifstream in(small());
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  for (std::size_t at = text.find("AAA"); at != std::string::npos; at = text.find("AAA", at))
    text.replace(at, 3, "CCC");
  write(dir / "other.toml", text);
  const Result r = score("run " + (dir / "other.toml").string() + " --ensemble " + ensemble().string() +
                         " -q -o " + (dir / "x.h5").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find(ensemble().string() +
                       ": parameter 'countries.AAA.eligible_firms' is not a key of the scenario"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("other.toml"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.h5"));
}

TEST_F(EnsembleRun, ASetOfAnEnsembleKeyIsAnError) {
  const Result r = project("x.h5", "--set behaviour.enrol_rate=0.02");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("parameter 'behaviour.enrol_rate' is also given by --set"), std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.h5"));
}

TEST_F(EnsembleRun, NoDrawsIsAnError) {
  for (const char* n : {"0", "-2"}) {
    const Result r = project("x.h5", std::string("--draws ") + n);
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("draw at least 1 parameter set from " + ensemble().string()), std::string::npos)
        << r.out;
    EXPECT_FALSE(fs::exists(dir / "x.h5"));
  }
}

}  // namespace
