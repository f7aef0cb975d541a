// `score compare` and `score report` as a user drives them, on runs of the
// small test programme (two countries, phases I and II).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/summary.hpp"
#include "support/run_score.hpp"

namespace fs = std::filesystem;

namespace {

// The rows `score compare` shows per phase: the catalogue's compare headlines.
const std::size_t kCompared = score::sim::headline_summaries(score::sim::compare_table).size();

using score_test::Result;
using score_test::score;

// One folder per test process: ctest runs each test in its own process, in
// parallel, and one process must not remove the runs another is reading.
fs::path dir() {
  static const fs::path d = [] {
    const fs::path p =
        fs::path(SCORE_BINARY_DIR) / "tests" / "cli" / ("compare_scratch_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
  }();
  return d;
}

// The folder goes when the process ends.
struct RemoveScratch : ::testing::Environment {
  void TearDown() override { fs::remove_all(dir()); }
};
[[maybe_unused]] const auto* remove_scratch = ::testing::AddGlobalTestEnvironment(new RemoveScratch);

std::string small() { return std::string(SCORE_SOURCE_DIR) + "/tests/sweep/data/small_scenario.toml"; }

// A run of the small programme, 4 replications, once per test program.
std::string run(const std::string& name, const std::string& args) {
  const fs::path out = dir() / (name + ".h5");
  if (!fs::exists(out)) {
    const Result r = score("run " + small() + " --reps 4 -q -o " + out.string() + " " + args);
    EXPECT_EQ(r.code, 0) << r.out;
  }
  return out.string();
}
std::string base() { return run("base", "--seed 3"); }
std::string more() {
  return run("more", "--seed 3 --set scenario.name=more_subsidy --set phases.II.subsidy_share=0.6");
}
std::string split() {
  return run("split",
             "--seed 3 --set scenario.name=split --set phases.I.end=2011-03 --set phases.II.start=2011-04");
}
std::string other_seed() { return run("other_seed", "--seed 4 --set scenario.name=other_seed"); }

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(CompareCli, ThreeRunsAreAllListedAgainstTheFirstWithPairedIntervals) {
  const Result r = score("compare " + base() + " " + more() + " " + split());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("A  small"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("B  more_subsidy"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("C  split"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("more_subsidy against small: paired differences (same seed 3 and 4 replications"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(count(r.out, "    C split"), 3u * kCompared) << r.out;  // two phases and the programme
}

TEST(CompareCli, PhasesThatDifferInMonthsAreFlagged) {
  const Result r = score("compare " + base() + " " + split());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("warning: phase I covers different months: small 2010-01 to 2011-06; split 2010-01 to "
                       "2011-03"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("warning: phase II covers different months"), std::string::npos) << r.out;
}

TEST(CompareCli, DifferentSeedsAreComparedByWelch) {
  const Result r = score("compare " + base() + " " + other_seed());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("other_seed against small: Welch intervals"), std::string::npos) << r.out;
}

TEST(CompareCli, CsvHasOneRowPerPhaseSummaryAndRun) {
  // stdout and stderr together: the table, and the warnings about months.
  const Result r = score("compare --csv --country AAA " + base() + " " + more() + " " + split());
  ASSERT_EQ(r.code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(
      header,
      "phase,country,summary,run,label,file,mean,difference,low,high,relative,pairing,verdict,judgement");
  int rows = 0, warnings = 0;
  while (std::getline(lines, line)) ++(line.rfind("score compare: warning: ", 0) == 0 ? warnings : rows);
  EXPECT_EQ(static_cast<std::size_t>(rows), 3 * kCompared * 3);
  EXPECT_EQ(warnings, 2);
  EXPECT_NE(r.out.find("programme,AAA,firms_trained,1,more_subsidy,"), std::string::npos) << r.out;
}

TEST(CompareCli, MarkdownHasATableHeaderNamingEveryRun) {
  const Result r = score("compare --markdown " + base() + " " + more() + " " + split());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(count(r.out, "| summary | small | more_subsidy | split | more_subsidy - small | split - small |"),
            3u)
      << r.out;
  EXPECT_NE(r.out.find("### Programme"), std::string::npos);
}

TEST(CompareCli, OneFileOrAMissingFileIsBadInput) {
  EXPECT_EQ(score("compare " + base()).code, 2);
  const Result r = score("compare " + base() + " " + (dir() / "missing.h5").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("missing.h5"), std::string::npos) << r.out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

TEST(ReportCli, OneSelfContainedFileWithChartsAndEscapedNames) {
  const fs::path html = dir() / "report.html";
  const std::string odd = run("odd", "--seed 3 --set 'scenario.name=\"<b>bold</b> & co\"'");
  const Result r = score("report " + base() + " " + odd + " " + split() + " -o " + html.string());
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string text = read(html);
  EXPECT_EQ(count(text, "<svg class=\"chart\""), 8u);
  EXPECT_EQ(count(text, "<table class=\"comparison\""), 3u);
  EXPECT_NE(text.find("&lt;b&gt;bold&lt;/b&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(text.find("<b>bold"), std::string::npos);
  EXPECT_EQ(text.find("http"),
            text.find("http://www.w3.org/2000/svg"));  // no other address: nothing to fetch
  EXPECT_EQ(text.find("<script"), std::string::npos);
}

TEST(ReportCli, AFailedReportLeavesNoFile) {
  const fs::path html = dir() / "no_such_dir" / "report.html";
  const Result r = score("report " + base() + " -o " + html.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("report.html"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(html));
  const Result bad = score("report " + base() + " " + (dir() / "missing.h5").string() + " -o " +
                           (dir() / "never.html").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_FALSE(fs::exists(dir() / "never.html"));
}

}  // namespace
