// `score calibrate` as a user drives it, over a small two-country scenario:
// an ensemble file with every generation, the same numbers for any thread
// count and after a kill and --resume, bad input named, and --check.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <numeric>
#include <sstream>
#include <thread>

#include "../sweep/h5_compare.hpp"
#include "support/file_text.hpp"
#include "support/run_score.hpp"
#include "support/scratch_dir.hpp"

namespace score::calibrate {
namespace {

namespace fs = std::filesystem;
using score::sweep::testing::dataset_shape;
using score::sweep::testing::read_dataset;
using score::sweep::testing::same_bits;
using score_test::score;

class calibrate_cli : public score_test::ScratchDir {
 protected:
  calibrate_cli() : ScratchDir("calibrate_cli_") {}

  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  }
  // Targets the small scenario can meet only for some enrolment rates.
  fs::path calibration(int budget = 120, const std::string& metric = "firms_trained_total") {
    fs::copy_file(SCORE_SOURCE_DIR "/tests/sweep/data/small_scenario.toml", dir / "small.toml",
                  fs::copy_options::overwrite_existing);
    write("targets.toml",
          "scenario = \"small.toml\"\nreplications = 2\n"
          "[[target]]\nname = \"trained by 2012\"\nkind = \"fit\"\nsource = \"test\"\n"
          "at = \"2012-12\"\nmetric = \"" +
              metric +
              "\"\nat_least = 60\nupper_tail = 0.3\n"
              "[[target]]\nname = \"participants in 2011\"\nkind = \"fit\"\nholdout = true\n"
              "at = \"2011-12\"\nfrom = \"2011-01\"\nmetric = \"classroom_participants\"\n"
              "country = \"AAA\"\nvalue = 100\nrelative_tolerance = 0.2\n");
    return write("calibration.toml",
                 "[calibration]\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\n"
                 "seed = 3\npopulation = 20\nreplications = 1\nbudget = " +
                     std::to_string(budget) +
                     "\ngenerations = 4\nmin_acceptance = 0.01\nunmoved = 0.05\n"
                     "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
                     "[[parameter]]\nkey = \"countries.AAA.eligible_firms\"\nrange = \"scenario\"\n");
  }
  void expect_same_numbers(const fs::path& a, const fs::path& b) {
    for (const char* name : {"theta", "weight", "distance", "simulated", "tolerance", "runs"}) {
      const auto x = read_dataset(a, name), y = read_dataset(b, name);
      EXPECT_FALSE(x.empty()) << name;
      EXPECT_TRUE(same_bits(x, y)) << name << " differs";
    }
  }
};

TEST_F(calibrate_cli, WritesEveryGenerationTheSameForAnyThreadCount) {
  const fs::path file = calibration(), one = dir / "one.h5", two = dir / "two.h5";
  const auto r1 = score("calibrate " + file.string() + " -o " + one.string() + " --threads 1 -q");
  ASSERT_EQ(r1.code, 0) << r1.out;
  EXPECT_NE(r1.out.find("| trained by 2012 | fit |"), std::string::npos) << r1.out;
  EXPECT_NE(r1.out.find("fit (holdout)"), std::string::npos) << r1.out;
  ASSERT_EQ(score("calibrate " + file.string() + " -o " + two.string() + " --threads 2 -q").code, 0);
  expect_same_numbers(one, two);
  const auto shape = dataset_shape(one, "theta");
  ASSERT_EQ(shape.size(), 3u);
  EXPECT_GE(shape[0], 2u);  // the prior sample and at least one generation
  EXPECT_EQ(shape[1], 20u);
  EXPECT_EQ(shape[2], 2u);
  const auto weight = read_dataset(one, "weight");
  EXPECT_NEAR(std::accumulate(weight.end() - 20, weight.end(), 0.0), 1.0, 1e-12);
  const auto runs = read_dataset(one, "runs");
  EXPECT_LE(std::accumulate(runs.begin(), runs.end(), 0.0), 120);
  EXPECT_FALSE(fs::exists(dir / ".one.h5.journal"));
}

// Under mpirun, rank 0 proposes and writes while two worker ranks run the
// simulations in chunks: the ensemble holds the bits of one process.
// (ASAN_OPTIONS: Open MPI leaks by design; see tests/sweep/CMakeLists.txt.)
TEST_F(calibrate_cli, AcrossMpiRanksWritesTheNumbersOfOneProcess) {
#ifndef SCORE_MPIRUN
  GTEST_SKIP() << "score was built without MPI, or mpirun is missing";
#else
  const fs::path file = calibration(), one = dir / "one.h5", ranks = dir / "ranks.h5";
  ASSERT_EQ(score("calibrate " + file.string() + " -o " + one.string() + " --threads 2 -q").code, 0);
  const auto r = score_test::shell(
      "ASAN_OPTIONS=detect_leaks=0 " SCORE_MPIRUN " --allow-run-as-root --oversubscribe -np 3 " +
      std::string(SCORE_EXE) + " calibrate " + file.string() + " -o " + ranks.string() + " --threads 1 2>&1");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("2 worker rank(s)"), std::string::npos) << r.out;
  expect_same_numbers(one, ranks);
  EXPECT_FALSE(fs::exists(dir / ".ranks.h5.journal"));
#endif
}

TEST_F(calibrate_cli, AKilledCalibrationResumesToTheNumbersOfAnUninterruptedOne) {
  const fs::path file = calibration(2000), whole = dir / "whole.h5", out = dir / "resumed.h5";
  ASSERT_EQ(score("calibrate " + file.string() + " -o " + whole.string() + " -q").code, 0);
  const fs::path journal = dir / ".resumed.h5.journal";
  const pid_t pid = fork();
  if (pid == 0) {
    execl(SCORE_EXE, SCORE_EXE, "calibrate", file.c_str(), "-o", out.c_str(), "-q",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Killed once the journal holds generation 0 (21 records: 20 particles
  // and the generation's diagnostics) and more.
  constexpr std::uintmax_t kHeader = 100, kRecord = 4 + 8 + 8 * (2 * 2 + 2 + 4) + 8;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (std::error_code ec; std::chrono::steady_clock::now() < deadline;) {
    if (fs::file_size(journal, ec) > kHeader + 25 * kRecord && !ec) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the calibration ended before it could be killed";
  const auto refused = score("calibrate " + file.string() + " -o " + out.string() + " -q");
  EXPECT_EQ(refused.code, 2) << refused.out;
  EXPECT_NE(refused.out.find("add --resume"), std::string::npos) << refused.out;
  const auto again = score("calibrate " + file.string() + " -o " + out.string() + " -q --resume");
  ASSERT_EQ(again.code, 0) << again.out;
  expect_same_numbers(whole, out);
}

TEST_F(calibrate_cli, BadInputNamesTheFileAndPlace) {
  const fs::path file = calibration(120, "smes");
  const auto r = score("calibrate " + file.string() + " -o " + (dir / "x.h5").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("targets.toml:8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("'smes' is not a metric"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.h5"));
  write("calibration.toml",
        "[calibration]\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\npopulatoin = 3\n");
  const auto typo = score("calibrate " + file.string());
  EXPECT_EQ(typo.code, 2) << typo.out;
  EXPECT_NE(typo.out.find("did you mean 'population'"), std::string::npos) << typo.out;
  write("calibration.toml",
        "[calibration]\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\nunmoved = 1.5\n");
  const auto unmoved = score("calibrate " + file.string());
  EXPECT_EQ(unmoved.code, 2) << unmoved.out;
  EXPECT_NE(unmoved.out.find("calibration.toml:4"), std::string::npos) << unmoved.out;
  EXPECT_NE(unmoved.out.find("calibration.unmoved"), std::string::npos) << unmoved.out;
}

// An out-of-sample variant names the base file's parameters and holds out a
// fit target: that target leaves the distance (every particle's distance is
// then 0 here: the one left is met by any run), and a
// name that is no target, or an identity, is refused where it was written.
TEST_F(calibrate_cli, AVariantTakesTheBaseParametersAndHoldsOutTargetsByName) {
  calibration();
  // A third target every particle meets, so the variant keeps one to fit.
  std::ofstream(dir / "targets.toml", std::ios::app)
      << "[[target]]\nname = \"any trained\"\nkind = \"fit\"\nat = \"2012-12\"\nmetric = "
         "\"firms_trained_total\"\n"
         "at_least = 0\n";
  write("variant.toml",
        "[calibration]\nname = \"oos\"\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\n"
        "parameters_from = \"calibration.toml\"\nholdout = [\"trained by 2012\"]\n"
        "seed = 3\npopulation = 20\nreplications = 1\nbudget = 40\ngenerations = 1\n");
  const auto r =
      score("calibrate " + (dir / "variant.toml").string() + " -q -o " + (dir / "oos.h5").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(dataset_shape(dir / "oos.h5", "theta").back(), 2u);  // both of the base file's parameters
  for (double d : read_dataset(dir / "oos.h5", "distance")) EXPECT_EQ(d, 0.0);
  write("variant.toml",
        "[calibration]\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\n"
        "parameters_from = \"calibration.toml\"\nholdout = [\"trained by 2013\"]\n");
  const auto bad = score("calibrate " + (dir / "variant.toml").string() + " -o " + (dir / "bad.h5").string());
  EXPECT_EQ(bad.code, 2) << bad.out;
  EXPECT_NE(bad.out.find("variant.toml:5"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("names no target of targets.toml"), std::string::npos) << bad.out;
  EXPECT_FALSE(fs::exists(dir / "bad.h5"));
}

// The rows "| candidate | distance | meets Phase ... | written |" of the
// central set's table.
struct CandidateRow {
  std::string label, meets;
  double distance = 0;
  bool written = false;
};
std::vector<CandidateRow> central_rows(const std::string& out) {
  std::vector<CandidateRow> rows;
  const auto table = out.find("| candidate | distance |");
  if (table == std::string::npos) return rows;
  std::istringstream lines(out.substr(table));
  for (std::string line; std::getline(lines, line) && line.starts_with("|");) {
    if (line.starts_with("| candidate") || line.starts_with("|---")) continue;
    std::vector<std::string> cells;  // "| a | b | c | d |" -> a, b, c, d (empty cells kept)
    for (std::size_t at = 1; at < line.size();) {
      const std::size_t end = line.find('|', at);
      std::string cell = line.substr(at, end - at);
      cell.erase(0, cell.find_first_not_of(' '));
      cell.erase(cell.find_last_not_of(' ') + 1);
      cells.push_back(cell);
      at = end + 1;
    }
    if (cells.size() == 4) rows.push_back({cells[0], cells[2], std::stod(cells[1]), cells[3] == "yes"});
  }
  return rows;
}

TEST_F(calibrate_cli, ReportsIntoADocumentAndWritesTheCentralSetIntoTheScenario) {
  const fs::path file = calibration();
  write("doc.md", "# Calibration\n\nkept\n");
  const auto r = score("calibrate " + file.string() + " -o " + (dir / "e.h5").string() + " -q --report " +
                       (dir / "doc.md").string() + " --write-scenario");
  ASSERT_EQ(r.code, 0) << r.out;
  // The posterior medians and the particles nearest the targets, each run
  // as the scenario runs: the one written is the nearest of them.
  ASSERT_NE(r.out.find("| posterior median |"), std::string::npos) << r.out;
  const std::vector<CandidateRow> rows = central_rows(r.out);
  ASSERT_GE(rows.size(), 2u) << r.out;
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const CandidateRow& c) { return c.written; }), 1);
  const auto written =
      std::find_if(rows.begin(), rows.end(), [](const CandidateRow& c) { return c.written; });
  ASSERT_NE(written, rows.end());
  for (const CandidateRow& other : rows) EXPECT_LE(written->distance, other.distance) << r.out;
  const std::string doc = score_test::file_text(dir / "doc.md");
  EXPECT_NE(doc.find("kept"), std::string::npos);
  EXPECT_NE(doc.find("**Out of sample**"), std::string::npos) << doc;
  EXPECT_NE(doc.find("| participants in 2011 |"), std::string::npos) << doc;
  EXPECT_NE(doc.find("<!-- end calibration report "), std::string::npos) << doc;
  EXPECT_TRUE(fs::exists(dir / "images" / "calibration_posterior.png"));
  const std::string scenario = score_test::file_text(dir / "small.toml");
  EXPECT_NE(scenario.find("enrol_rate = { value = "), std::string::npos) << scenario;
  EXPECT_NE(scenario.find("range = [0.01, 0.1], source = \"fit: score calibrate calibration.toml"),
            std::string::npos)
      << scenario;
  // The scenario as written stays valid, and the report replaces its own part only.
  EXPECT_EQ(score("validate " + (dir / "small.toml").string()).code, 0);
  ASSERT_EQ(score("calibrate " + file.string() + " -o " + (dir / "e.h5").string() + " -q --report " +
                  (dir / "doc.md").string())
                .code,
            0);
  const std::string again = score_test::file_text(dir / "doc.md");
  EXPECT_EQ(again.find("<!-- calibration report"), again.rfind("<!-- calibration report"));
}

// --from-ensemble picks the central set of a finished fit without fitting
// again: the scenario it writes is the one the fit itself wrote.
TEST_F(calibrate_cli, WritesTheSameCentralSetFromTheEnsembleWithoutFitting) {
  const fs::path file = calibration();
  const std::string before = score_test::file_text(dir / "small.toml");
  ASSERT_EQ(
      score("calibrate " + file.string() + " -o " + (dir / "e.h5").string() + " -q --write-scenario").code,
      0);
  const std::string fitted = score_test::file_text(dir / "small.toml");
  ASSERT_NE(fitted, before);
  std::ofstream(dir / "small.toml") << before;
  const auto again =
      score("calibrate " + file.string() + " --write-scenario --from-ensemble " + (dir / "e.h5").string());
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(again.out.find("generation"), std::string::npos) << again.out;  // no fit ran
  EXPECT_EQ(score_test::file_text(dir / "small.toml"), fitted);
  const auto alone = score("calibrate " + file.string() + " --from-ensemble " + (dir / "e.h5").string());
  EXPECT_EQ(alone.code, 2) << alone.out;
  EXPECT_NE(alone.out.find("--from-ensemble needs --write-scenario"), std::string::npos) << alone.out;
}

// When no candidate meets the central phase's fit targets, the nearest of
// all is written, and the command says so. Here Phase I's target is out of
// any run's reach (a million enterprises), so every candidate misses it.
TEST_F(calibrate_cli, WritesTheNearestOfAllWhenNoCandidateMeetsTheCentralPhase) {
  const fs::path file = calibration();
  std::ofstream(dir / "targets.toml", std::ios::app)
      << "[[target]]\nname = \"Phase I out of reach\"\nkind = \"fit\"\nsource = \"test\"\n"
         "phase = \"I\"\nsummary = \"firms_trained_total\"\nvalue = 1000000\nrelative_tolerance = 0.1\n";
  std::string text = score_test::file_text(file);
  text.replace(text.find("[calibration]\n"), 14, "[calibration]\ncentral_phase = \"I\"\n");
  write("calibration.toml", text);
  const auto r =
      score("calibrate " + file.string() + " -o " + (dir / "e.h5").string() + " -q --write-scenario");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("; 0 meet every Phase I fit target: none does, so the nearest of all is written"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("| candidate | distance | meets Phase I | written |"), std::string::npos) << r.out;
  const std::vector<CandidateRow> rows = central_rows(r.out);
  ASSERT_GE(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows.front().label, "posterior median");
  for (const CandidateRow& k : rows) EXPECT_EQ(k.meets, "no") << k.label;
  ASSERT_EQ(std::count_if(rows.begin(), rows.end(), [](const CandidateRow& k) { return k.written; }), 1)
      << r.out;
  const CandidateRow& written =
      *std::find_if(rows.begin(), rows.end(), [](const CandidateRow& k) { return k.written; });
  for (const CandidateRow& other : rows) EXPECT_LE(written.distance, other.distance) << r.out;
  EXPECT_NE(r.out.find("wrote the central set (" + written.label + ") into "), std::string::npos) << r.out;
  const std::string scenario = score_test::file_text(dir / "small.toml");
  EXPECT_NE(scenario.find("(central set, " + written.label + ", docs/calibration.md)"), std::string::npos)
      << scenario;
  EXPECT_EQ(score("validate " + (dir / "small.toml").string()).code, 0);
}

// A central phase that no fit target summarises would let every candidate
// "meet" it: it is refused where it was written, naming the phases there are.
TEST_F(calibrate_cli, ACentralPhaseNoFitTargetSummarisesIsRefused) {
  const fs::path file = calibration();
  const std::string text = score_test::file_text(file);
  auto central = [&](const std::string& phase) {
    std::string with = text;
    with.replace(with.find("seed = 3\n"), 9, "seed = 3\ncentral_phase = \"" + phase + "\"\n");
    write("calibration.toml", with);
    return score("calibrate " + file.string() + " -q -o " + (dir / "e.h5").string());
  };
  const auto none = central("I");
  EXPECT_EQ(none.code, 2) << none.out;
  EXPECT_NE(none.out.find("calibration.toml:5"), std::string::npos) << none.out;
  EXPECT_NE(none.out.find("calibration.central_phase"), std::string::npos) << none.out;
  EXPECT_NE(none.out.find("\"I\" is no phase of a fit target in targets.toml (none of its fit targets is a "
                          "phase summary)"),
            std::string::npos)
      << none.out;
  std::ofstream(dir / "targets.toml", std::ios::app)
      << "[[target]]\nname = \"Phase I firms\"\nkind = \"fit\"\nsource = \"test\"\n"
         "phase = \"I\"\nsummary = \"firms_trained_total\"\nvalue = 100\nrelative_tolerance = 0.5\n";
  const auto typo = central("i");
  EXPECT_EQ(typo.code, 2) << typo.out;
  EXPECT_NE(typo.out.find("\"i\" is no phase of a fit target in targets.toml (their phases: \"I\")"),
            std::string::npos)
      << typo.out;
  EXPECT_FALSE(fs::exists(dir / "e.h5"));
}

// A held-out target is the out-of-sample check: it never decides which
// candidate meets the central phase (here one out of any run's reach would
// make every candidate miss), and a central phase whose targets are all held
// out is refused, saying why.
TEST_F(calibrate_cli, AHeldOutTargetNeverChoosesTheCentralSet) {
  const fs::path file = calibration();
  std::ofstream(dir / "targets.toml", std::ios::app)
      << "[[target]]\nname = \"Phase I firms\"\nkind = \"fit\"\nsource = \"test\"\n"
         "phase = \"I\"\nsummary = \"firms_trained_total\"\nat_least = 0\n"
         "[[target]]\nname = \"Phase I out of reach\"\nkind = \"fit\"\nsource = \"test\"\n"
         "phase = \"I\"\nsummary = \"firms_trained_total\"\nvalue = 1000000\nrelative_tolerance = 0.1\n";
  const std::string text = score_test::file_text(file);
  auto held_out = [&](const std::string& names) {
    std::string with = text;
    with.replace(with.find("[calibration]\n"), 14,
                 "[calibration]\ncentral_phase = \"I\"\nholdout = [" + names + "]\n");
    write("calibration.toml", with);
    return score("calibrate " + file.string() + " -o " + (dir / "e.h5").string() + " -q --write-scenario");
  };
  const auto r = held_out("\"Phase I out of reach\"");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("none does"), std::string::npos) << r.out;
  const std::vector<CandidateRow> rows = central_rows(r.out);
  ASSERT_GE(rows.size(), 2u) << r.out;
  for (const CandidateRow& k : rows) EXPECT_EQ(k.meets, "yes") << k.label;
  EXPECT_NE(r.out.find("; " + std::to_string(rows.size()) + " meet every Phase I fit target"),
            std::string::npos)
      << r.out;

  fs::remove(dir / "e.h5");
  const auto all = held_out("\"Phase I out of reach\", \"Phase I firms\"");
  EXPECT_EQ(all.code, 2) << all.out;
  EXPECT_NE(all.out.find("calibration.toml:2"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("\"I\" is the phase of held-out targets only in targets.toml, and a held-out target "
                         "never chooses the central set"),
            std::string::npos)
      << all.out;
  EXPECT_FALSE(fs::exists(dir / "e.h5"));
}

TEST_F(calibrate_cli, CheckExitsOneOnAMissAndNamesIt) {
  calibration();
  const fs::path results = dir / "run.h5";
  ASSERT_EQ(score("run " + (dir / "small.toml").string() + " --reps 2 -q -o " + results.string()).code, 0);
  write("strict.toml",
        "scenario = \"small.toml\"\n[[target]]\nname = \"impossible\"\nkind = \"fit\"\n"
        "at = \"2012-12\"\nmetric = \"firms_trained_total\"\nat_least = 1000000\n");
  const auto miss = score("calibrate " + (dir / "strict.toml").string() + " --check " + results.string());
  EXPECT_EQ(miss.code, 1) << miss.out;
  EXPECT_NE(miss.out.find("missed: impossible"), std::string::npos) << miss.out;
  write("loose.toml",
        "scenario = \"small.toml\"\n[[target]]\nname = \"possible\"\nkind = \"identity\"\n"
        "at = \"2012-12\"\nmetric = \"firms_trained_total\"\nat_least = 0\n");
  EXPECT_EQ(score("calibrate " + (dir / "loose.toml").string() + " --check " + results.string()).code, 0);
  const auto outside =
      score("calibrate " + (dir / "loose.toml").string() + " --check " + results.string() + " --kind fit");
  EXPECT_EQ(outside.code, 0) << outside.out;
}

}  // namespace
}  // namespace score::calibrate
