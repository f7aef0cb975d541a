// The score command as a user drives it: exit codes, messages, files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "output/results_reader.hpp"
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
                  " --set behaviour.enrol_rate=0.02").code, 0);
  const auto results = score::output::read_results(out);
  EXPECT_EQ(results.info.seed, 5u);
  EXPECT_NE(results.info.scenario_toml.find("enrol_rate = 0.02"), std::string::npos);
}

TEST(Cli, ABadScenarioIsRefusedWithItsPositionAndNothingIsWritten) {
  const fs::path bad = scratch("bad.toml"), out = scratch("bad.h5");
  write(bad, "extends = \"" + scenario("history.toml") + "\"\n[behaviour]\nenrol_rat = 0.1\nadoption_probability = 1.5\n");
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
  EXPECT_NE(cmp.out.find("firms_trained"), std::string::npos);
  EXPECT_NE(cmp.out.find("stands out"), std::string::npos);
}

TEST(Cli, ACorruptResultsFileIsBadInput) {
  const fs::path junk = scratch("junk.h5");
  write(junk, "not an hdf5 file");
  const Result r = score("info " + junk.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("junk.h5"), std::string::npos) << r.out;
  EXPECT_EQ(score("info " + scratch("missing.h5").string()).code, 2);
}

// Starts `score run` in the background, signals it part-way (once its
// temporary file exists, so mid-run whatever the machine's speed: the run
// asked for would take minutes), and checks the target never appears.
// SIGINT must also leave no temporary behind; SIGKILL cannot clean up, so its
// temporary is left (never under the target name) and removed here.
void interrupt_run(int signal, const std::string& name) {
  const fs::path out = scratch(name);
  const fs::path dir = out.parent_path();
  const pid_t pid = fork();
  if (pid == 0) {
    execl(SCORE_EXE, SCORE_EXE, "run", scenario("history.toml").c_str(), "--reps", "10000", "-q", "-o", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Signalled once the run is writing (its temporary exists), and soon after:
  // a fixed delay lets a fast machine finish first.
  auto writing = [&] {
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().rfind("." + name + ".partial", 0) == 0) return true;
    return false;
  };
  for (int wait = 0; wait < 2000 && !writing(); ++wait) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  kill(pid, signal);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_FALSE(fs::exists(out));
  std::vector<fs::path> temporaries;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("." + name + ".partial", 0) == 0) temporaries.push_back(e.path());
  if (signal == SIGINT) {
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_TRUE(temporaries.empty()) << temporaries.front();
  }
  for (const auto& t : temporaries) fs::remove(t);
}

TEST(Cli, AnInterruptedRunLeavesNoFile) { interrupt_run(SIGINT, "interrupted.h5"); }
TEST(Cli, AKilledRunLeavesNoFileUnderTheTargetName) { interrupt_run(SIGKILL, "killed.h5"); }

}  // namespace
