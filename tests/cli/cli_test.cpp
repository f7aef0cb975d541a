// The score command as a user drives it: exit codes, messages, files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/signalled_run.hpp"
#include "output/results_reader.hpp"
#include "sim/summary.hpp"
#include "support/run_score.hpp"

namespace fs = std::filesystem;

namespace {

using score_test::Result;
using score_test::score;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(SCORE_BINARY_DIR) / "tests" / "cli" / "scratch";
  fs::create_directories(dir);
  fs::remove_all(dir / name);
  return dir / name;
}

std::string scenario(const std::string& name) { return std::string(SCORE_SOURCE_DIR) + "/scenarios/" + name; }
std::string small_scenario() {
  return std::string(SCORE_SOURCE_DIR) + "/tests/sweep/data/small_scenario.toml";
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

// A quick run of the default scenario: one replication.
std::string one_rep() { return scenario("history.toml") + " --reps 1"; }

TEST(Cli, HelpAndVersionSucceed) {
  EXPECT_EQ(score("--help").code, 0);
  EXPECT_EQ(score("run --help").code, 0);
  EXPECT_EQ(score("--version").code, 0);
}

TEST(Cli, UnknownSubcommandIsBadInput) { EXPECT_EQ(score("frobnicate").code, 2); }

TEST(Cli, RunWritesResultsAndPrintsThePhaseTable) {
  const fs::path out = scratch("run.h5");
  const Result r = score("run " + scenario("history.toml") + " --reps 2 -q -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("phase"), std::string::npos);
  EXPECT_NE(r.out.find("2009-01 to 2013-09"), std::string::npos) << r.out;
  ASSERT_TRUE(fs::exists(out));
  const auto results = score::output::read_results(out);
  EXPECT_EQ(results.info.replications, 2);
  EXPECT_EQ(results.info.scenario_name, "history");
}

TEST(Cli, SetAndSeedOverridesReachTheRun) {
  const fs::path out = scratch("set.h5");
  ASSERT_EQ(score("run " + scenario("history.toml") + " --reps 1 --seed 5 -q -o " + out.string() +
                  " --set behaviour.enrol_rate=0.02")
                .code,
            0);
  const auto results = score::output::read_results(out);
  EXPECT_EQ(results.info.seed, 5u);
  EXPECT_NE(results.info.scenario_toml.find("enrol_rate = 0.02"), std::string::npos);
}

TEST(Cli, ABadScenarioIsRefusedWithItsPositionAndNothingIsWritten) {
  const fs::path bad = scratch("bad.toml"), out = scratch("bad.h5");
  write(bad, "extends = \"" + scenario("history.toml") +
                 "\"\n[behaviour]\nenrol_rat = 0.1\nadoption_probability = 1.5\n");
  const Result r = score("run " + bad.string() + " -q -o " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("bad.toml:3:1: behaviour.enrol_rat: unknown key"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean 'enrol_rate'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad.toml:4:"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Cli, ABadOverrideIsBadInput) {
  const Result r = score("run " + scenario("history.toml") + " -q -o " + scratch("o.h5").string() +
                         " --set phases.I.fee_share=-1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("phases.I.fee_share"), std::string::npos) << r.out;
}

TEST(Cli, ValidateChecksEveryShippedScenario) {
  std::string files;
  for (const auto& e : fs::directory_iterator(fs::path(SCORE_SOURCE_DIR) / "scenarios"))
    if (e.path().extension() == ".toml") files += " " + e.path().string();
  const Result r = score("validate" + files);
  EXPECT_EQ(r.code, 0) << r.out;
}

TEST(Cli, ValidateChecksACalibrationFileAsCalibrateWould) {
  const Result ok = score("validate " + scenario("calibration/history.toml"));
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("ok (calibration history_calibration"), std::string::npos) << ok.out;
  // A typo in a calibration file is found where it was written, not taken
  // for a scenario (which has no [calibration] table).
  const fs::path bad = scratch("calibration_typo.toml");
  write(bad, "[calibration]\nname = \"typo\"\nscenario = \"" + scenario("history.toml") + "\"\ntargets = \"" +
                 scenario("calibration/targets.toml") + "\"\npopulaton = 10\n");
  const Result r = score("validate " + bad.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("calibration_typo.toml:5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("populaton"), std::string::npos) << r.out;
  EXPECT_EQ(
      score("validate " + scenario("calibration/history.toml") + " --set behaviour.enrol_rate=0.1").code, 2);
}

TEST(Cli, InfoExportAndCompareReadResults) {
  const fs::path a = scratch("a.h5"), b = scratch("b.h5"), csv = scratch("csv");
  ASSERT_EQ(score("run " + one_rep() + " -q -o " + a.string()).code, 0);
  ASSERT_EQ(score("run " + one_rep() + " -q -o " + b.string() + " --set phases.I.fee_share=0.3").code, 0);
  const Result info = score("info " + a.string());
  EXPECT_EQ(info.code, 0) << info.out;
  EXPECT_NE(info.out.find("history"), std::string::npos);
  EXPECT_EQ(score("export " + a.string() + " --csv " + csv.string()).code, 0);
  EXPECT_TRUE(fs::exists(csv / "phase_summary.csv"));
  EXPECT_TRUE(fs::exists(csv / "timeseries.csv"));
  const Result cmp = score("compare " + a.string() + " " + b.string());
  EXPECT_EQ(cmp.code, 0) << cmp.out;
  EXPECT_NE(cmp.out.find("enterprises completing a first module"), std::string::npos) << cmp.out;
  EXPECT_NE(cmp.out.find("Programme"), std::string::npos) << cmp.out;
}

TEST(Cli, ACorruptResultsFileIsBadInput) {
  const fs::path junk = scratch("junk.h5");
  write(junk, "not an hdf5 file");
  const Result r = score("info " + junk.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("junk.h5"), std::string::npos) << r.out;
  EXPECT_EQ(score("info " + scratch("missing.h5").string()).code, 2);
}

// Temporaries and lock files of `name` in its directory: what a stopped
// run must not leave (SIGKILL aside).
std::vector<fs::path> litter(const fs::path& out) {
  std::vector<fs::path> found;
  const std::string name = out.filename().string();
  for (const auto& e : fs::directory_iterator(out.parent_path())) {
    const std::string file = e.path().filename().string();
    if (file.rfind("." + name + ".partial", 0) == 0 || file == "." + name + ".lock")
      found.push_back(e.path());
  }
  return found;
}

// A run that would take minutes (2,000 replications of the small test
// programme: quick to load, so that CI can repeat these tests under load),
// signalled once it announces `stage` (SignalledRun): before the scenario
// is loaded ("signals"), once its temporary file exists ("output") or once
// it is computing ("running"). It must stop with 128 + the signal's number,
// say so, and leave no file.
void stop_run_at(const std::string& stage, int number, const std::string& name, bool ignore_sigint = false) {
  const fs::path out = scratch(name);
  score_test::SignalledRun run({"run", small_scenario(), "--reps", "2000", "-q", "-o", out.string()},
                               scratch(name + ".log"), ignore_sigint);
  ASSERT_TRUE(run.wait_for(stage)) << run.output();
  if (ignore_sigint) run.signal(SIGINT);  // ignored: the SIGTERM after it is the first signal seen
  run.signal(number);
  const int status = run.wait();
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status) << "\n" << run.output();
  EXPECT_EQ(WEXITSTATUS(status), 128 + number) << run.output();
  EXPECT_NE(run.output().find(number == SIGINT ? "interrupted (SIGINT)" : "interrupted (SIGTERM)"),
            std::string::npos)
      << run.output();
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(litter(out), std::vector<fs::path>{});
}

TEST(Cli, AnInterruptedRunLeavesNoFile) { stop_run_at("running", SIGINT, "interrupted.h5"); }
TEST(Cli, ATerminatedRunLeavesNoFile) { stop_run_at("running", SIGTERM, "terminated.h5"); }
TEST(Cli, ASignalWhileTheScenarioLoadsStopsTheRun) { stop_run_at("signals", SIGINT, "early.h5"); }
TEST(Cli, ASignalJustAfterTheOutputIsCreatedLeavesNoFile) { stop_run_at("output", SIGTERM, "created.h5"); }
TEST(Cli, ABackgroundRunWithSigintIgnoredStopsOnSigterm) {
  stop_run_at("running", SIGTERM, "background.h5", /*ignore_sigint=*/true);
}

// `score seek` runs many replications at many lever values: a signal from
// the moment its handlers are in place (the "signals" announcement, before
// the scenario loads) stops it with 128 + the signal's number, saying so.
// Its first probe is one batch of 10,000 replications, so the seek cannot
// end before the signal lands however late a loaded machine lets the test
// send it (with 20, an unreachable target ended it in 38 ms).
void stop_seek(int number) {
  score_test::SignalledRun run(
      {"seek", small_scenario(), "--lever", "behaviour.enrol_rate", "--target",
       "firms_trained_total >= 400 at 2012-12", "--threads", "1", "--reps", "10000", "--batch", "10000"},
      scratch(number == SIGINT ? "seek_int.log" : "seek_term.log"));
  ASSERT_TRUE(run.wait_for("signals")) << run.output();
  run.signal(number);
  const int status = run.wait();
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status) << "\n" << run.output();
  EXPECT_EQ(WEXITSTATUS(status), 128 + number) << run.output();
  EXPECT_NE(run.output().find(number == SIGINT ? "score seek: interrupted (SIGINT)"
                                               : "score seek: interrupted (SIGTERM)"),
            std::string::npos)
      << run.output();
}

TEST(Cli, AnInterruptedSeekStops) { stop_seek(SIGINT); }
TEST(Cli, ATerminatedSeekStops) { stop_seek(SIGTERM); }

// SIGKILL cannot be caught: the temporary is left, hidden, never under the
// target name, and a later run to the same target is not blocked by the
// lock file it left either.
TEST(Cli, AKilledRunLeavesNoFileUnderTheTargetName) {
  const fs::path out = scratch("killed.h5");
  {
    score_test::SignalledRun run({"run", small_scenario(), "--reps", "2000", "-q", "-o", out.string()},
                                 scratch("killed.log"));
    ASSERT_TRUE(run.wait_for("running")) << run.output();
    run.signal(SIGKILL);
    const int status = run.wait();
    EXPECT_TRUE(WIFSIGNALED(status));
  }
  EXPECT_FALSE(fs::exists(out));
  const Result again = score("run " + small_scenario() + " --reps 1 -q -o " + out.string());
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_TRUE(fs::exists(out));
  EXPECT_EQ(litter(out), std::vector<fs::path>{});
}

// A second writer of a target being written is refused, naming the first;
// the first is unaffected. The first is stopped (SIGSTOP) while the second
// tries, so it is surely still running, whatever the machine's speed.
TEST(Cli, ASecondRunToATargetBeingWrittenIsRefused) {
  const fs::path out = scratch("busy.h5");
  score_test::SignalledRun first({"run", small_scenario(), "--reps", "3", "-q", "-o", out.string()},
                                 scratch("busy.log"));
  ASSERT_TRUE(first.wait_for("output")) << first.output();
  first.signal(SIGSTOP);
  const Result second = score("run " + small_scenario() + " --reps 1 -q -o " + out.string());
  first.signal(SIGCONT);
  EXPECT_EQ(second.code, 2) << second.out;
  EXPECT_NE(second.out.find("is being written by process " + std::to_string(first.pid())), std::string::npos)
      << second.out;
  const int status = first.wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << first.output();
  EXPECT_EQ(score::output::read_results(out).info.replications, 3);
  EXPECT_EQ(litter(out), std::vector<fs::path>{});
}

}  // namespace

namespace {

// The phase table and `score info`'s headline figures show the catalogue's
// headlines for them, under their catalogue heads, in catalogue order.
TEST(Cli, PhaseTableAndInfoHeadlinesAreTheCatalogues) {
  const fs::path out = scratch("headlines.h5");
  const Result run = score("run " + small_scenario() + " --reps 1 -q -o " + out.string());
  ASSERT_EQ(run.code, 0) << run.out;
  const Result info = score("info " + out.string());
  ASSERT_EQ(info.code, 0) << info.out;
  auto heads_in_order = [](const std::string& text, score::sim::Table table) {
    std::size_t at = 0;
    for (const score::sim::Summary s : score::sim::headline_summaries(table)) {
      at = text.find(std::string(" ") + score::sim::info(s).column, at);
      if (at == std::string::npos) return std::string("missing ") + score::sim::info(s).column;
    }
    return std::string();
  };
  EXPECT_EQ(
      heads_in_order(run.out.substr(0, run.out.find('\n', run.out.find("phase "))), score::sim::phase_table),
      "")
      << run.out;
  EXPECT_EQ(heads_in_order(info.out.substr(info.out.find("headline figures")), score::sim::info_table), "")
      << info.out;
}

}  // namespace
