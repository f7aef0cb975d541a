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
#include <cstdint>
#include <chrono>
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

#include "output/results_reader.hpp"
#include "support/run_score.hpp"

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

std::string small_scenario() { return std::string(SCORE_SOURCE_DIR) + "/tests/sweep/data/small_scenario.toml"; }

// Files in `dir` other than `keep`: temporaries a run left behind.
std::vector<std::string> leftovers(const fs::path& dir, const std::string& keep = "") {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != keep) out.push_back(e.path().filename().string());
  return out;
}

std::string bytes_of(const fs::path& path) {
  // Through a stringstream: GCC 12 flags std::string's istreambuf_iterator
  // constructor, inlined from libstdc++, with -Wnull-dereference.
  std::ostringstream bytes;
  bytes << std::ifstream(path, std::ios::binary).rdbuf();
  return bytes.str();
}

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
                                   "[output]\ntimeseries = [\"smes_trained\"]\n";
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
  const Result again =
      score("sweep " + (dir / "s.toml").string() + " -q --threads 1 -o " + out.string() + (kept ? " --resume" : ""));
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

// SIGKILL at random moments of a run: after each kill the target is absent
// or a complete file; the temporaries the kills leave are hidden, and the
// next run to the same target removes them and succeeds.
TEST(Faults, ARunKilledAtRandomMomentsLeavesNoPartialFile) {
  const fs::path dir = scratch("killed");
  const fs::path out = dir / "run.h5";
  // Many small replications: most of the run is spent writing them.
  const std::string scenario = small_scenario(), reps = "100";
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(score("run " + scenario + " --reps " + reps + " -q -o " + out.string()).code, 0);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  const auto seed = static_cast<unsigned>(std::random_device{}());
  std::mt19937 random(seed);
  std::uniform_int_distribution<long> when(0, took.count() * 5 / 4);
  for (int attempt = 0; attempt < 6; ++attempt) {
    fs::remove(out);
    const long delay = when(random);
    const pid_t pid = fork();
    if (pid == 0) {
      execl(SCORE_EXE, SCORE_EXE, "run", scenario.c_str(), "--reps", reps.c_str(), "-q", "-o", out.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    SCOPED_TRACE("seed " + std::to_string(seed) + ", killed after " + std::to_string(delay) + " ms");
    if (fs::exists(out)) {
      EXPECT_EQ(score::output::read_results(out).info.replications, 100);
    }
  }
  const Result last = score("run " + scenario + " --reps " + reps + " -q -o " + out.string());
  ASSERT_EQ(last.code, 0) << last.out;
  EXPECT_EQ(score::output::read_results(out).info.replications, 100);
  EXPECT_EQ(leftovers(dir, "run.h5"), std::vector<std::string>{});
}

}  // namespace
