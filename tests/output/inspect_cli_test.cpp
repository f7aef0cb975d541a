// `score diff`, and `score validate`, `info` and `export` on sweep files, as a
// user drives them: exit codes and what they print or write.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <fstream>
#include <sstream>

#include "support/run_score.hpp"
#include "sweep/sweep_files.hpp"

namespace score::output {
namespace {

namespace fs = std::filesystem;
using score_test::Result;
using score_test::score;

class inspect_cli : public sweep::testing::SweepFiles {
 protected:
  // `score run` of the small scenario, two replications.
  fs::path run(const std::string& name, int seed) {
    const fs::path out = dir / name;
    const Result r = score("run " + sweep::testing::small_scenario() + " --reps 2 -q --seed " +
                           std::to_string(seed) + " -o " + out.string());
    EXPECT_EQ(r.code, 0) << r.out;
    return out;
  }

  // A finished lhs sweep over the small scenario: 4 points x 2 replications.
  fs::path sweep_results() {
    const fs::path file =
        write_sweep("lhs.toml", "design = \"lhs\"\npoints = 4\nreplications = 2\nseed = 3",
                    "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n");
    const fs::path out = dir / "lhs.h5";
    const Result r = score("sweep " + file.string() + " -o " + out.string() + " -q");
    EXPECT_EQ(r.code, 0) << r.out;
    return out;
  }

  static std::vector<std::string> lines_of(const fs::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

TEST_F(inspect_cli, DiffSaysTwoRunsOfTheSameSeedAreEqualAndOfDifferentSeedsDiffer) {
  const fs::path a = run("a.h5", 1), again = run("again.h5", 1), other = run("other.h5", 2);
  const Result same = score("diff " + a.string() + " " + again.string());
  EXPECT_EQ(same.code, 0) << same.out;
  EXPECT_NE(same.out.find("hold the same data"), std::string::npos) << same.out;
  const Result differ = score("diff " + a.string() + " " + other.string());
  EXPECT_EQ(differ.code, 1) << differ.out;
  EXPECT_NE(differ.out.find("root attribute 'seed': '1' vs '2'"), std::string::npos) << differ.out;
  EXPECT_NE(differ.out.find("dataset 'firms_trained_total': "), std::string::npos) << differ.out;
  const Result missing = score("diff " + a.string() + " " + (dir / "none.h5").string());
  EXPECT_EQ(missing.code, 2) << missing.out;
  EXPECT_NE(missing.out.find("none.h5' does not exist"), std::string::npos) << missing.out;
}

TEST_F(inspect_cli, ValidateChecksASweepFileAndItsPoints) {
  const fs::path good = write_sweep("good.toml", "design = \"lhs\"\npoints = 4",
                                    "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n");
  const Result ok = score("validate " + good.string() + " " + sweep::testing::small_scenario());
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("good.toml: ok (sweep good, lhs, 4 points"), std::string::npos) << ok.out;
  const fs::path bad = write_sweep("bad.toml", "design = \"lhs\"\npoints = 4",
                                   "[[parameter]]\nkey = \"phases.I.no_such_key\"\nrange = [0.2, 0.6]\n");
  const Result refused = score("validate " + bad.string());
  EXPECT_EQ(refused.code, 2) << refused.out;
  EXPECT_NE(refused.out.find("bad.toml:"), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find("unknown key 'sweep'"), std::string::npos) << refused.out;
}

// Files that still use a metric's old name are read, with one warning per
// name and file that names the file and the new name.
std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST_F(inspect_cli, AnOldMetricNameIsReadWithOneWarning) {
  const fs::path sweep = write_sweep("old.toml", "design = \"lhs\"\npoints = 4",
                                     "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = [0.2, 0.6]\n"
                                     "[output]\ntimeseries = [\"smes_trained\"]\n");
  const Result checked = score("validate " + sweep.string() + " " + sweep::testing::small_scenario());
  EXPECT_EQ(checked.code, 0) << checked.out;
  EXPECT_EQ(count_of(checked.out, "old.toml: 'smes_trained' is deprecated, now called 'firms_trained_total'"),
            1u)
      << checked.out;
  const fs::path results = run("old.h5", 1);
  const hid_t file = H5Fopen(results.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  for (const std::string suffix : {"", "_stats"})
    EXPECT_GE(H5Lmove(file, ("firms_trained_total" + suffix).c_str(), file, ("smes_trained" + suffix).c_str(),
                      H5P_DEFAULT, H5P_DEFAULT),
              0);
  H5Fclose(file);
  const Result info = score("info " + results.string());
  EXPECT_EQ(info.code, 0) << info.out;
  EXPECT_EQ(count_of(info.out, "old.h5: 'smes_trained' is deprecated, now called 'firms_trained_total'"), 1u)
      << info.out;
  EXPECT_EQ(score("info " + run("new.h5", 1).string()).out.find("deprecated"), std::string::npos);
}

TEST_F(inspect_cli, InfoSummarisesASweep) {
  const Result r = score("info " + sweep_results().string());
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* expected : {"score sweep results lhs", "design        lhs", "points        4",
                               "replications  2 per point", "phases.I.subsidy_share", "x 2 phases: I, II",
                               "sensitivity indices stored: none", "firms trained per phase"})
    EXPECT_NE(r.out.find(expected), std::string::npos) << "missing '" << expected << "' in\n" << r.out;
}

TEST_F(inspect_cli, ExportWritesASweepAsOneRowPerPointAndReplication) {
  const fs::path results = sweep_results(), out = dir / "csv";
  const Result r = score("export " + results.string() + " --csv " + out.string());
  EXPECT_EQ(r.code, 0) << r.out;
  const auto lines = lines_of(out / "sweep.csv");
  ASSERT_EQ(lines.size(), 1u + 4 * 2);
  EXPECT_EQ(
      lines[0].rfind("point,replication,phases.I.subsidy_share,firms_trained_I,firms_trained_total_I,", 0),
      0u)
      << lines[0];
  EXPECT_NE(lines[0].find(",payback_months_II"), std::string::npos) << lines[0];
  const auto columns = [](const std::string& line) { return std::count(line.begin(), line.end(), ',') + 1; };
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(columns(lines[i]), columns(lines[0])) << lines[i];
    EXPECT_EQ(lines[i].rfind(std::to_string((i - 1) / 2) + "," + std::to_string((i - 1) % 2) + ",", 0), 0u)
        << lines[i];
    const double value = std::stod(lines[i].substr(lines[i].find(',', lines[i].find(',') + 1) + 1));
    EXPECT_GE(value, 0.2) << lines[i];
    EXPECT_LE(value, 0.6) << lines[i];
  }
}

}  // namespace
}  // namespace score::output
