// Files from someone else (docs/reliability.md, "Threat model"): a name in a
// scenario is data, never a path, and never a spreadsheet formula; a run with
// overrides never writes over the plain scenario's results.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "output/results_reader.hpp"
#include "support/file_text.hpp"
#include "support/run_score.hpp"
#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using score_test::Result;

class Untrusted : public score_test::ScratchDir {
 protected:
  Untrusted() : ScratchDir("score_untrusted_") {}

  // The working directory of the runs: deep enough that ../.. stays inside dir.
  fs::path work() const { return dir / "a" / "b" / "work"; }

  // A scenario extending the shipped history, with `extra` TOML appended.
  fs::path scenario(const std::string& extra) const {
    fs::create_directories(work());
    const fs::path file = work() / "shared.toml";
    std::ofstream(file) << "extends = \"" << SCORE_SOURCE_DIR << "/scenarios/history.toml\"\n" << extra;
    return file;
  }

  // `score ARGS` run from work(), as a user in their own folder would.
  Result score_here(const std::string& args) const {
    return score_test::shell("cd '" + work().string() + "' && " + SCORE_EXE + " " + args + " 2>&1");
  }

  // Every regular file under dir, relative to it.
  std::set<std::string> files() const {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).generic_string());
    return out;
  }
};

TEST_F(Untrusted, ATraversalScenarioNameWritesUnderResultsOnly) {
  scenario("[scenario]\nname = \"../../../escaped/evil\"\n");
  const Result r = score_here("run shared.toml --reps 1 -q");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("results: results/escaped_evil.h5"), std::string::npos) << r.out;
  EXPECT_EQ(files(), (std::set<std::string>{"a/b/work/shared.toml", "a/b/work/results/escaped_evil.h5"}));
  // The name itself is kept, as data, inside the file.
  EXPECT_EQ(score::output::read_results(work() / "results" / "escaped_evil.h5").info.scenario_name,
            "../../../escaped/evil");
}

TEST_F(Untrusted, AnAbsoluteScenarioNameWritesUnderResultsOnly) {
  scenario("[scenario]\nname = \"" + (dir / "outside").string() + "\"\n");
  const Result r = score_here("run shared.toml --reps 1 -q");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_FALSE(fs::exists(dir / "outside.h5"));
  const auto written = files();
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(fs::path(*written.begin()).parent_path(), fs::path("a/b/work/results")) << *written.begin();
}

TEST_F(Untrusted, ATraversalSweepNameWritesUnderResultsOnly) {
  fs::create_directories(work());
  std::ofstream(work() / "shared_sweep.toml")
      << "[sweep]\nname = \"../../../escaped/sweep\"\nscenario = \"" << SCORE_SOURCE_DIR
      << "/tests/sweep/data/small_scenario.toml\"\n"
      << "design = \"grid\"\nreplications = 1\n[[parameter]]\n"
      << "key = \"phases.I.subsidy_share\"\nvalues = [0.1, 0.2]\n";
  const Result r = score_here("sweep shared_sweep.toml -q --threads 1");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("results: results/escaped_sweep.h5"), std::string::npos) << r.out;
  EXPECT_EQ(files(),
            (std::set<std::string>{"a/b/work/shared_sweep.toml", "a/b/work/results/escaped_sweep.h5"}));
}

TEST_F(Untrusted, AFormulaPhaseNameExportsAsTextAndNumbersStayNumbers) {
  scenario("[phases.I]\nname = '=HYPERLINK(\"http://x\";\"click\")'\n");
  ASSERT_EQ(score_here("run shared.toml --reps 1 -q -o run.h5").code, 0);
  const Result r = score_here("export run.h5 --csv tables");
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string csv = score_test::file_text(work() / "tables" / "phase_summary.csv");
  EXPECT_NE(csv.find("\n0,I,\"'=HYPERLINK(\"\"http://x\"\";\"\"click\"\")\",CHN,"), std::string::npos)
      << csv.substr(0, 600);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.find(",'-"), std::string::npos);  // no number was taken for text
}

TEST_F(Untrusted, ARunWithOverridesGetsItsOwnFile) {
  scenario("");
  fs::create_directories(work() / "results");
  std::ofstream(work() / "results" / "history.h5") << "the plain run";
  const Result r = score_here("run shared.toml --reps 1 -q --set phases.III.subsidy_share=0.3");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("results: results/history--phases.III.subsidy_share=0.3.h5"), std::string::npos)
      << r.out;
  EXPECT_EQ(score_test::file_text(work() / "results" / "history.h5"), "the plain run");
  const auto results =
      score::output::read_results(work() / "results" / "history--phases.III.subsidy_share=0.3.h5");
  EXPECT_NE(results.info.scenario_toml.find("subsidy_share = 0.3"), std::string::npos);
  // The file says what was changed, not only the values it ran with.
  EXPECT_EQ(results.info.scenario_overrides,
            (std::vector<std::string>{"phases.III.subsidy_share=0.3", "run.replications=1"}));
  const Result info = score_here("info results/history--phases.III.subsidy_share=0.3.h5");
  EXPECT_NE(info.out.find("--set         phases.III.subsidy_share=0.3\n"), std::string::npos) << info.out;
}

TEST_F(Untrusted, OutputChoosesTheFolder) {
  scenario("[scenario]\nname = \"../evil\"\n");
  const Result r = score_here("run shared.toml --reps 1 -q -o ../chosen.h5");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(fs::exists(dir / "a" / "b" / "chosen.h5"));
}

}  // namespace
