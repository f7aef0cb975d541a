// `score sweep` and `score sensitivity` as a user drives them: a sweep
// killed with SIGKILL and resumed gives the numbers of an uninterrupted run;
// a changed sweep file refuses --resume; sensitivity works end to end.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "h5_compare.hpp"
#include "sim/summary.hpp"
#include "support/run_score.hpp"
#include "sweep_files.hpp"

namespace score::sweep {
namespace {

namespace fs = std::filesystem;

using score_test::Result;
using score_test::score;

class sweep_cli : public testing::SweepFiles {
 protected:
  // An lhs sweep over a heavier copy of the small scenario (a point takes
  // some tens of milliseconds), so a kill lands in the middle of it.
  fs::path killable_sweep(int seed = 5) {
    std::ostringstream read;
    read << std::ifstream(testing::small_scenario()).rdbuf();
    std::string text = read.str();
    text.replace(text.find("eligible_firms = 200\n"), 21, "eligible_firms = 12000\n");
    write("heavy.toml", text);
    return write("k.toml",
                 "[sweep]\nscenario = \"heavy.toml\"\ndesign = \"lhs\"\npoints = 16\nreplications = 2\n"
                 "seed = " +
                     std::to_string(seed) +
                     "\n"
                     "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n"
                     "[[parameter]]\nkey = \"countries.AAA.eligible_firms\"\nrange = \"scenario\"\n"
                     "[output]\ntimeseries = [\"firms_trained_total\", \"module_deliveries\"]\n");
  }

  // Starts `score sweep` and SIGKILLs it once its journal holds `records`
  // points (the record size is read from the first record's length).
  void kill_after(const fs::path& sweep, const fs::path& out, int records) {
    const fs::path journal = dir / ("." + out.filename().string() + ".journal");
    const pid_t pid = fork();
    if (pid == 0) {
      execl(SCORE_EXE, SCORE_EXE, "sweep", sweep.c_str(), "-o", out.c_str(), "--threads", "2", "-q",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    constexpr std::uintmax_t kHeader = 100;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      std::error_code ec;
      const std::uintmax_t size = fs::file_size(journal, ec);
      if (!ec && size > kHeader + 4) {
        std::uint32_t length = 0;
        std::ifstream(journal, std::ios::binary).seekg(kHeader).read(reinterpret_cast<char*>(&length), 4);
        if (length > 0 && size >= kHeader + static_cast<std::uintmax_t>(records) * (length + 12)) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep ended before it could be killed";
    EXPECT_FALSE(fs::exists(out));
  }

  void expect_same_numbers(const fs::path& a, const fs::path& b) {
    std::vector<std::string> names = testing::numeric_datasets();
    names.insert(names.end(), {"firms_trained_total", "module_deliveries"});
    for (const auto& name : names) {
      const auto x = testing::read_dataset(a, name), y = testing::read_dataset(b, name);
      EXPECT_FALSE(x.empty()) << name;
      EXPECT_TRUE(testing::same_bits(x, y)) << name << " differs";
    }
  }
};

TEST_F(sweep_cli, AKilledSweepResumesToTheNumbersOfAnUninterruptedOne) {
  const fs::path sweep = killable_sweep(), whole = dir / "whole.h5", resumed = dir / "resumed.h5";
  const Result r = score("sweep " + sweep.string() + " -o " + whole.string() + " --threads 2 -q");
  ASSERT_EQ(r.code, 0) << r.out;
  kill_after(sweep, resumed, 5);
  const Result again =
      score("sweep " + sweep.string() + " -o " + resumed.string() + " --threads 1 --resume -q");
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("resuming:"), std::string::npos) << again.out;
  expect_same_numbers(whole, resumed);
  // And as a user checks it: `score diff` finds nothing but provenance apart.
  const Result diff = score("diff " + whole.string() + " " + resumed.string());
  EXPECT_EQ(diff.code, 0) << diff.out;
  EXPECT_FALSE(fs::exists(dir / ".resumed.h5.partial"));
  EXPECT_FALSE(fs::exists(dir / ".resumed.h5.journal"));
}

TEST_F(sweep_cli, AKilledSweepWithADamagedFileIsRebuiltFromItsJournal) {
  const fs::path sweep = killable_sweep(), whole = dir / "whole.h5", resumed = dir / "resumed.h5";
  ASSERT_EQ(score("sweep " + sweep.string() + " -o " + whole.string() + " -q").code, 0);
  kill_after(sweep, resumed, 3);
  fs::resize_file(dir / ".resumed.h5.partial", 2000);  // as if killed in the middle of an HDF5 write
  const Result again = score("sweep " + sweep.string() + " -o " + resumed.string() + " --resume -q");
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("rebuilt from the journal"), std::string::npos) << again.out;
  expect_same_numbers(whole, resumed);
}

// The worker rank that dies holding a point (SIGKILL, as on a failing node;
// injected by SCORE_TEST_KILL_RANK) ends the MPI job with an error: rank 0,
// which runs points too, stores every other one, but that one never comes.
// The points finished are kept, and --resume, here on one machine,
// completes the sweep with the numbers of an uninterrupted run.
TEST_F(sweep_cli, ASweepWhoseRankDiesKeepsItsPointsForResume) {
#ifndef SCORE_MPIRUN
  GTEST_SKIP() << "score was built without MPI, or mpirun is missing";
#else
  const fs::path sweep = killable_sweep(), whole = dir / "whole.h5", out = dir / "mpi.h5";
  ASSERT_EQ(score("sweep " + sweep.string() + " -o " + whole.string() + " -q").code, 0);
  // Rank 1 dies once it has been given its first point (rank 0 starts on
  // points only after every rank has asked for one). (ASAN_OPTIONS: Open MPI
  // leaks by design; see tests/sweep/CMakeLists.txt.)
  const Result died = score_test::shell("ASAN_OPTIONS=detect_leaks=0 SCORE_TEST_KILL_RANK=1:0 " SCORE_MPIRUN
                                        " --allow-run-as-root --oversubscribe -np 2 " +
                                        std::string(SCORE_EXE) + " sweep " + sweep.string() +
                                        " -q --threads 1 -o " + out.string() + " 2>&1");
  EXPECT_NE(died.code, 0) << died.out;
  EXPECT_NE(died.out.find("rank 1"), std::string::npos) << died.out;
  EXPECT_NE(died.out.find("--resume"), std::string::npos) << died.out;
  EXPECT_FALSE(fs::exists(out));
  ASSERT_TRUE(fs::exists(dir / ".mpi.h5.journal")) << died.out;
  const Result again = score("sweep " + sweep.string() + " -o " + out.string() + " --threads 2 --resume -q");
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("resuming:"), std::string::npos) << again.out;
  expect_same_numbers(whole, out);
#endif
}

TEST_F(sweep_cli, AChangedSweepFileRefusesToResume) {
  const fs::path sweep = killable_sweep(), out = dir / "out.h5";
  kill_after(sweep, out, 1);
  killable_sweep(6);  // the same file, another seed
  const Result r = score("sweep " + sweep.string() + " -o " + out.string() + " --resume -q");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("another version of the sweep file"), std::string::npos) << r.out;
  const Result fresh = score("sweep " + sweep.string() + " -o " + out.string() + " -q");
  EXPECT_EQ(fresh.code, 2) << fresh.out;
  EXPECT_NE(fresh.out.find("add --resume"), std::string::npos) << fresh.out;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(sweep_cli, ABadSweepFileIsRefusedWithItsPositionAndNothingIsWritten) {
  const fs::path bad = write_sweep("bad.toml", "design = \"lhs\"\npoints = 2",
                                   "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.5, 1.5]\n");
  const Result r = score("sweep " + bad.string() + " -o " + (dir / "bad.h5").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(at("bad.toml", 7, 9) + ": parameter[1].range: 1.5 lies outside"), std::string::npos)
      << r.out;
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // bad.toml alone
}

// A Phase II lever cannot move a Phase I outcome: with common random numbers
// across each base row its Sobol' indices, and their intervals, are exactly
// 0 (independent seeds per point gave it 0.2 and more), while the Phase I
// levers keep theirs. The printed convergence table covers n/8 .. n.
TEST_F(sweep_cli, SensitivityOfASaltelliSweepEndToEnd) {
  const fs::path sweep =
      write_sweep("s.toml", "design = \"saltelli\"\nn = 8\nseed = 3\nreplications = 2",
                  "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n"
                  "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
                  "[[parameter]]\nkey = \"phases.II.subsidy_share\"\nrange = [0.1, 0.6]\n");
  const fs::path out = dir / "s.h5";
  const Result run = score("sweep " + sweep.string() + " -o " + out.string() + " --ci-width 0.2");
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("replications needed"), std::string::npos) << run.out;
  const Result sens = score("sensitivity " + out.string() + " --bootstrap 200 --summary firms_trained");
  ASSERT_EQ(sens.code, 0) << sens.out;
  EXPECT_NE(sens.out.find("Sobol' indices"), std::string::npos) << sens.out;
  EXPECT_NE(sens.out.find("behaviour.enrol_rate"), std::string::npos) << sens.out;
  EXPECT_NE(sens.out.find("Convergence of the first-order indices"), std::string::npos) << sens.out;
  EXPECT_NE(sens.out.find("m = 2"), std::string::npos) << sens.out;
  const auto k = static_cast<unsigned long long>(sim::kSummaries);
  for (const char* name : {"sensitivity_first", "sensitivity_total_hi"})
    EXPECT_EQ(testing::dataset_shape(out, name), (std::vector<unsigned long long>{2, k, 3})) << name;
  int varied = 0;  // Phase I outcomes (the first kSummaries rows) that vary over the points
  for (const char* name : {"sensitivity_first", "sensitivity_first_lo", "sensitivity_first_hi",
                           "sensitivity_total", "sensitivity_total_lo", "sensitivity_total_hi"}) {
    const auto values = testing::read_dataset(out, name);
    for (std::size_t s = 0; s < sim::kSummaries; ++s) {
      if (std::isnan(values[s * 3])) continue;
      EXPECT_EQ(values[s * 3 + 2], 0.0) << name << " of summary " << s;
      ++varied;
    }
  }
  EXPECT_GT(varied, 0);
  const auto total = testing::read_dataset(out, "sensitivity_total");
  const auto firms = static_cast<std::size_t>(sim::Summary::firms_trained);
  EXPECT_GT(total[firms * 3 + 1], 0.1);  // enrol_rate does move Phase I's firms trained
  EXPECT_EQ(score("sensitivity " + out.string() + " --bootstrap 10").code, 0);  // replaces the indices
  // BCa intervals unless the percentile ones are asked for; the header says which.
  EXPECT_NE(sens.out.find("BCa bootstrap intervals"), std::string::npos) << sens.out;
  const Result percentile = score("sensitivity " + out.string() + " --bootstrap 50 --interval percentile");
  ASSERT_EQ(percentile.code, 0) << percentile.out;
  EXPECT_NE(percentile.out.find("percentile bootstrap intervals"), std::string::npos) << percentile.out;
  EXPECT_NE(score("sensitivity " + out.string() + " --interval normal").code, 0);
}

TEST_F(sweep_cli, MorrisGivesMuStarAndOtherDesignsAreTurnedAway) {
  const fs::path morris =
      write_sweep("m.toml", "design = \"morris\"\ntrajectories = 3\nreplications = 1",
                  "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n"
                  "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n");
  ASSERT_EQ(score("sweep " + morris.string() + " -o " + (dir / "m.h5").string() + " -q").code, 0);
  const Result m = score("sensitivity " + (dir / "m.h5").string());
  ASSERT_EQ(m.code, 0) << m.out;
  EXPECT_NE(m.out.find("mu*"), std::string::npos) << m.out;
  EXPECT_EQ(testing::dataset_shape(dir / "m.h5", "sensitivity_mu_star"),
            (std::vector<unsigned long long>{2, static_cast<unsigned long long>(sim::kSummaries), 2}));
  const fs::path grid =
      write_sweep("g.toml", "design = \"grid\"\nlevels = 2\nreplications = 1",
                  "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n");
  ASSERT_EQ(score("sweep " + grid.string() + " -o " + (dir / "g.h5").string() + " -q").code, 0);
  const Result g = score("sensitivity " + (dir / "g.h5").string());
  EXPECT_EQ(g.code, 2);
  EXPECT_NE(g.out.find("need a saltelli design"), std::string::npos) << g.out;
  EXPECT_EQ(score("sensitivity " + (dir / "missing.h5").string()).code, 2);
}

}  // namespace
}  // namespace score::sweep
