// Damaged results files as every command that opens one meets them
// (docs/reliability.md, "Damaged files"): `info`, `export`, `compare`,
// `report` and `diff`, on a run's and on a sweep's results. HDF5 1.10 can
// crash or hang on some damaged files, so each command must read a file in
// a child process first (output/contained_read.hpp). The first test proves
// each path does, by making every such child crash (SCORE_TEST_READ_FAULT):
// a command that read the file only in its own process would succeed. The
// second gives each command truncated and bit-flipped copies: an error
// naming the file, or a harmless read, never a crash of `score`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/damaged_copy.hpp"
#include "support/run_score.hpp"
#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using score_test::Result;

class DamagedFiles : public score_test::ScratchDir {
 protected:
  DamagedFiles() : ScratchDir("score_damaged_") {}

  void SetUp() override {
    ScratchDir::SetUp();
    const std::string small = std::string(SCORE_SOURCE_DIR) + "/tests/sweep/data/small_scenario.toml";
    ASSERT_EQ(score("run " + small + " --reps 2 -q -o " + run_file().string()).code, 0);
    ASSERT_EQ(score("run " + small + " --reps 2 --seed 9 -q -o " + other_file().string()).code, 0);
    std::ofstream(dir / "tiny.toml")
        << "[sweep]\nname = \"tiny\"\nscenario = \"" << small
        << "\"\ndesign = \"lhs\"\npoints = 4\nseed = 1\nreplications = 1\n"
           "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n";
    const Result sweep = score("sweep " + (dir / "tiny.toml").string() + " -q -o " + sweep_file().string());
    ASSERT_EQ(sweep.code, 0) << sweep.out;
  }

  fs::path run_file() const { return dir / "run.h5"; }
  fs::path other_file() const { return dir / "other.h5"; }
  fs::path sweep_file() const { return dir / "sweep.h5"; }

  // `score ARGS` with `env` ("NAME=VALUE ...") set for it alone.
  static Result score(const std::string& args, const std::string& env = "") {
    return score_test::shell(env + " " + SCORE_EXE + " " + args + " 2>&1");
  }

  // Every command that opens `file` (with `other`, a valid results file,
  // where it takes two), each writing into `dir / tag`.
  std::vector<std::string> commands(const fs::path& file, const fs::path& other,
                                    const std::string& tag) const {
    const std::string f = file.string(), out = (dir / tag).string();
    return {"info " + f,
            "export " + f + " --csv " + out + "_csv",
            "compare " + f + " " + other.string(),
            "compare " + other.string() + " " + f,
            "report " + f + " -o " + out + ".html",
            "diff " + f + " " + other.string(),
            "diff " + other.string() + " " + f};
  }

  // A copy of `file` with `count` bytes inverted at each of `hits` evenly
  // spaced places.
  fs::path flipped(const fs::path& file, const std::string& name, int hits, int count) const {
    const fs::path copy = dir / name;
    fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
    score_test::flip_bytes(copy, hits, count);
    return copy;
  }

  fs::path truncated(const fs::path& file, const std::string& name) const {
    const fs::path copy = dir / name;
    fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
    score_test::cut_in_half(copy);
    return copy;
  }

  // Each command on `damaged`: exit 0 (read and harmless), 1 (diff: the
  // files differ) or 2 with the file named; never a signal. No HTML
  // report under its name unless the command succeeded.
  void expect_contained(const fs::path& damaged) const {
    for (const std::string& command : commands(damaged, other_file(), damaged.stem().string())) {
      const Result r = score(command);
      ASSERT_NE(r.code, -1) << command << " died of a signal\n" << r.out;
      EXPECT_TRUE(r.code == 0 || r.code == 1 || r.code == 2) << command << ": exit " << r.code << "\n"
                                                             << r.out;
      if (r.code == 2) {
        EXPECT_NE(r.out.find(damaged.filename().string()), std::string::npos) << command << r.out;
      }
      if (command.rfind("report", 0) == 0 && r.code != 0) {
        EXPECT_FALSE(fs::exists(dir / (damaged.stem().string() + ".html"))) << command;
      }
    }
  }
};

TEST_F(DamagedFiles, EveryCommandReadsAResultsFileInAChildProcessFirst) {
  for (const fs::path& file : {run_file(), sweep_file()}) {
    for (const std::string& command : commands(file, other_file(), "crash")) {
      const Result r = score(command, "SCORE_TEST_READ_FAULT=crash");
      EXPECT_EQ(r.code, 2) << command << "\n" << r.out;
      EXPECT_NE(r.out.find("damaged: HDF5 crashed reading it"), std::string::npos) << command << "\n"
                                                                                   << r.out;
    }
  }
  EXPECT_FALSE(fs::exists(dir / "crash.html"));
  EXPECT_FALSE(fs::exists(dir / "crash_csv"));
  // Without the fault the same commands read the same files.
  EXPECT_EQ(score("info " + sweep_file().string()).code, 0);
  EXPECT_EQ(score("report " + run_file().string() + " -o " + (dir / "fine.html").string()).code, 0);
}

TEST_F(DamagedFiles, TruncatedRunAndSweepFilesAreErrorsNamingThem) {
  for (const fs::path& file : {run_file(), sweep_file()}) {
    const fs::path cut = truncated(file, "cut_" + file.filename().string());
    expect_contained(cut);
    const Result info = score("info " + cut.string());
    EXPECT_EQ(info.code, 2) << info.out;
  }
}

TEST_F(DamagedFiles, BitFlippedRunAndSweepFilesNeverCrashScore) {
  for (const fs::path& file : {run_file(), sweep_file()}) {
    expect_contained(flipped(file, "flip_" + file.filename().string(), 12, 64));
  }
}

}  // namespace
