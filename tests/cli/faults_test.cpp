// Faults while writing results (docs/reliability.md): a full disk, an
// unwritable directory, a run killed at random moments. Each must end with a
// clear error or none, the target file absent or intact, and no temporary
// left that a later run trips over.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/signalled_run.hpp"
#include "output/results_reader.hpp"
#include "support/run_score.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace {

namespace fs = std::filesystem;
using score_test::Result;
using score_test::score;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(SCORE_BINARY_DIR) / "tests" / "cli" / "faults" / name;
  umount2(dir.c_str(), MNT_DETACH);  // a mount left by an aborted run of this test
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string small_scenario() {
  return std::string(SCORE_SOURCE_DIR) + "/tests/sweep/data/small_scenario.toml";
}

// Files in `dir` other than `keep`: temporaries a run left behind.
std::vector<std::string> leftovers(const fs::path& dir, const std::string& keep = "") {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != keep) out.push_back(e.path().filename().string());
  return out;
}

std::string bytes_of(const fs::path& path) { return score_test::file_text(path); }

// A tmpfs mounted on a fresh directory for the test's life, or the reason
// it could not be (mounting needs root; CI runs as root).
class Tmpfs {
 public:
  Tmpfs(const fs::path& dir, unsigned long flags, const std::string& options) : dir_(dir) {
    if (::mount("tmpfs", dir.c_str(), "tmpfs", flags, options.c_str()) != 0)
      why_ = std::string("cannot mount a tmpfs (") + std::strerror(errno) + "); mounting needs root";
  }
  ~Tmpfs() {
    if (why_.empty()) umount2(dir_.c_str(), MNT_DETACH);
  }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  const std::string& why_not() const { return why_; }

 private:
  fs::path dir_;
  std::string why_;
};

// Fills the file system holding `dir` up to `spare` bytes.
void fill(const fs::path& dir, std::uintmax_t spare) {
  const fs::path filler = dir / "filler";
  {
    std::ofstream out(filler, std::ios::binary);
    const std::string block(4096, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size())) && out.flush()) {
    }
  }
  const std::uintmax_t size = fs::file_size(filler);
  fs::resize_file(filler, size > spare ? size - spare : 0);
}

TEST(Faults, AFullDiskIsAnErrorAndKeepsTheOldFileIntact) {
  const fs::path dir = scratch("full");
  const Tmpfs disk(dir, 0, "size=4m");
  if (!disk.why_not().empty()) GTEST_SKIP() << disk.why_not();
  const fs::path out = dir / "run.h5";
  const Result first = score("run " + small_scenario() + " --reps 1 -q -o " + out.string());
  ASSERT_EQ(first.code, 0) << first.out;
  const std::string before = bytes_of(out);
  // Room for the file's creation, not for its contents.
  fill(dir, 24 * 1024);
  const Result r = score("run " + small_scenario() + " --reps 4 -q -o " + out.string());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("cannot write results file '" + out.string() + "'"), std::string::npos) << r.out;
  EXPECT_EQ(bytes_of(out), before) << "the earlier results were changed";
  EXPECT_EQ(score::output::read_results(out).info.replications, 1);
  fs::remove(dir / "filler");
  EXPECT_EQ(leftovers(dir, "run.h5"), std::vector<std::string>{});
}

TEST(Faults, AFullDiskFailsASweepWithItsFinishedPointsKept) {
  const fs::path dir = scratch("full_sweep");
  const Tmpfs disk(dir, 0, "size=4m");
  if (!disk.why_not().empty()) GTEST_SKIP() << disk.why_not();
  std::ofstream(dir / "s.toml") << "[sweep]\nscenario = \"" << small_scenario()
                                << "\"\ndesign = \"lhs\"\npoints = 64\nreplications = 1\n"
                                   "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.1, 0.5]\n"
                                   "[output]\ntimeseries = [\"firms_trained_total\"]\n";
  fill(dir, 48 * 1024);
  const fs::path out = dir / "s.h5";
  const Result r = score("sweep " + (dir / "s.toml").string() + " -q --threads 1 -o " + out.string());
  EXPECT_NE(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("internal error"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("s.h5"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(out));
  // With room again, --resume finishes it (a fresh start when nothing was kept).
  fs::remove(dir / "filler");
  const bool kept = fs::exists(dir / ".s.h5.journal") || fs::exists(dir / ".s.h5.partial");
  const Result again = score("sweep " + (dir / "s.toml").string() + " -q --threads 1 -o " + out.string() +
                             (kept ? " --resume" : ""));
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_TRUE(fs::exists(out));
}

TEST(Faults, AnUnwritableDirectoryIsAClearError) {
  const fs::path dir = scratch("readonly");
  std::unique_ptr<Tmpfs> readonly;
  if (geteuid() == 0) {
    // Root writes through permissions: a read-only mount stops it.
    readonly = std::make_unique<Tmpfs>(dir, MS_RDONLY, "size=64k");
    if (!readonly->why_not().empty()) GTEST_SKIP() << readonly->why_not();
  } else {
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  }
  const fs::path out = dir / "run.h5";
  const Result r = score("run " + small_scenario() + " --reps 1 -q -o " + out.string());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("cannot write results file '" + out.string() + "'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("internal error"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(out));
  const Result sweep = score("sweep " + std::string(SCORE_SOURCE_DIR) + "/fuzz/seeds/tiny_sweep.toml -q -o " +
                             (dir / "sweep.h5").string());
  EXPECT_NE(sweep.code, 0) << sweep.out;
  EXPECT_NE(sweep.out.find("sweep.h5"), std::string::npos) << sweep.out;
  EXPECT_EQ(sweep.out.find("internal error"), std::string::npos) << sweep.out;
  EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
  if (!readonly) fs::permissions(dir, fs::perms::owner_all);
}

// The seed of the random kill times: SCORE_TEST_SEED, else 1, printed with
// every failure so that a failing pattern can be replayed
// (`SCORE_TEST_SEED=N test_cli --gtest_filter=Faults.*`). The stress stage of
// CI (scripts/stress_interrupts.sh) runs the test with seeds 1 to 50.
unsigned kill_seed() {
  const char* text = std::getenv("SCORE_TEST_SEED");
  return text ? static_cast<unsigned>(std::strtoul(text, nullptr, 10)) : 1u;
}

// SIGKILL at random moments of a run: after each kill the target is absent
// or a complete file; the temporaries and lock files the kills leave are
// hidden, and the next run to the same target removes them and succeeds.
// Each kill comes a random delay after the run announced that it computes
// (cli/signalled_run.hpp), so the kills fall anywhere from the first month
// to past the end, whatever the machine's speed.
TEST(Faults, ARunKilledAtRandomMomentsLeavesNoPartialFile) {
  const fs::path dir = scratch("killed");
  const fs::path out = dir / "run.h5";
  // Many small replications: most of the run is spent writing them.
  const std::string scenario = small_scenario(), reps = "20";
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(score("run " + scenario + " --reps " + reps + " -q -o " + out.string()).code, 0);
  const auto took =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  const unsigned seed = kill_seed();
  RecordProperty("seed", static_cast<int>(seed));
  std::mt19937 random(seed);
  std::uniform_int_distribution<long> when(0, took.count() * 5 / 4);
  for (int attempt = 0; attempt < 6; ++attempt) {
    fs::remove(out);
    const long delay = when(random);
    SCOPED_TRACE("SCORE_TEST_SEED=" + std::to_string(seed) + ": killed " + std::to_string(delay) +
                 " ms after it started computing");
    score_test::SignalledRun run({"run", scenario, "--reps", reps, "-q", "-o", out.string()},
                                 fs::path(SCORE_BINARY_DIR) / "tests" / "cli" / "faults" / "killed.log");
    if (run.wait_for("running")) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    run.signal(SIGKILL);
    run.wait();
    if (fs::exists(out)) {
      EXPECT_EQ(score::output::read_results(out).info.replications, 20);
    }
  }
  const Result last = score("run " + scenario + " --reps " + reps + " -q -o " + out.string());
  ASSERT_EQ(last.code, 0) << last.out;
  EXPECT_EQ(score::output::read_results(out).info.replications, 20);
  EXPECT_EQ(leftovers(dir, "run.h5"), std::vector<std::string>{});
}

// A sweep file whose points take a while: 64 points of the small programme.
fs::path slow_sweep(const fs::path& dir) {
  std::ofstream(dir / "s.toml") << "[sweep]\nscenario = \"" << small_scenario()
                                << "\"\ndesign = \"lhs\"\npoints = 64\nreplications = 2\n"
                                   "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.1, 0.5]\n";
  return dir / "s.toml";
}

// `score sweep --resume` started while the sweep is still running is
// refused with exit code 2, naming the running process, and touches
// nothing: the first sweep finishes with every point. The first is stopped
// (SIGSTOP) while the resume tries, so it is surely still running.
TEST(Faults, AResumeOfASweepStillRunningIsRefused) {
  const fs::path dir = scratch("race");
  const fs::path file = slow_sweep(dir), out = dir / "race.h5";
  score_test::SignalledRun first({"sweep", file.string(), "-q", "--threads", "1", "-o", out.string()},
                                 dir / "first.log");
  ASSERT_TRUE(first.wait_for("running")) << first.output();
  first.signal(SIGSTOP);
  const Result resume = score("sweep " + file.string() + " -q --threads 1 -o " + out.string() + " --resume");
  const Result fresh = score("sweep " + file.string() + " -q --threads 1 -o " + out.string());
  const Result run = score("run " + small_scenario() + " --reps 1 -q -o " + out.string());
  first.signal(SIGCONT);
  const std::string holder = "is being written by process " + std::to_string(first.pid());
  for (const Result* r : {&resume, &fresh, &run}) {
    EXPECT_EQ(r->code, 2) << r->out;
    EXPECT_NE(r->out.find(holder), std::string::npos) << r->out;
  }
  const int status = first.wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << first.output();
  EXPECT_EQ(score::output::SweepFile(out).info().points, 64);
  EXPECT_EQ(leftovers(dir, "race.h5"), (std::vector<std::string>{"first.log", "s.toml"}));
}

// An interrupted sweep keeps its points for --resume and says how to
// finish it; a lock left by a killed one does not block the resume.
TEST(Faults, AnInterruptedOrKilledSweepResumes) {
  const fs::path dir = scratch("stopped_sweep");
  const fs::path file = slow_sweep(dir), out = dir / "s.h5";
  for (const int number : {SIGTERM, SIGKILL}) {
    score_test::SignalledRun run(
        {"sweep", file.string(), "-q", "--threads", "1", "-o", out.string(), "--resume"}, dir / "sweep.log");
    ASSERT_TRUE(run.wait_for("running")) << run.output();
    run.signal(number);
    const int status = run.wait();
    if (number == SIGTERM) {
      ASSERT_TRUE(WIFEXITED(status));
      EXPECT_EQ(WEXITSTATUS(status), 143) << run.output();
      EXPECT_NE(run.output().find("--resume"), std::string::npos) << run.output();
    }
    EXPECT_FALSE(fs::exists(out));
  }
  const Result again = score("sweep " + file.string() + " -q --threads 1 -o " + out.string() + " --resume");
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(score::output::SweepFile(out).info().points, 64);
}

}  // namespace
