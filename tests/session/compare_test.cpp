#include "session/compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace score::session {
namespace {

// A finished snapshot of one country and two phases whose replications
// trained `firms` firms (all-country total) in every phase.
Snapshot finished(std::vector<double> firms) {
  Snapshot s;
  s.phases = {{"I", "one", 0, 11}, {"II", "two", 12, 23}};
  for (double f : firms) {
    sim::PhaseSummary summary(2, 1);
    for (int p = 0; p < 2; ++p) summary.at(p, 1, sim::Summary::firms_trained) = f;
    s.summaries.push_back(summary);
  }
  return s;
}

TEST(Compare, MeansOverReplicationsAndTheirDifference) {
  const Snapshot pinned = finished({10, 20}), current = finished({30, 30});
  const auto rows = compare(&pinned, &current, {sim::Summary::firms_trained});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].phase, "II");
  EXPECT_DOUBLE_EQ(rows[0].pinned, 15);
  EXPECT_DOUBLE_EQ(rows[0].current, 30);
  EXPECT_DOUBLE_EQ(rows[0].difference, 15);
  EXPECT_DOUBLE_EQ(rows[0].relative, 1.0);
}

TEST(Compare, MissingRunOrUnfinishedRunGivesNaN) {
  const Snapshot current = finished({30});
  Snapshot running = finished({});
  const auto alone = compare(nullptr, &current, {sim::Summary::firms_trained});
  ASSERT_EQ(alone.size(), 2u);
  EXPECT_TRUE(std::isnan(alone[0].pinned));
  EXPECT_TRUE(std::isnan(alone[0].difference));
  EXPECT_TRUE(std::isnan(compare(&current, &running, {sim::Summary::firms_trained})[0].current));
}

TEST(Compare, CsvNamesBothRunsAndKeepsLabelsInOneCell) {
  const Snapshot pinned = finished({10}), current = finished({20});
  const std::string csv =
      comparison_csv(compare(&pinned, &current, {sim::Summary::firms_trained}), "history", "a, \"b\"");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "phase,summary,history,\"a, \"\"b\"\"\",difference,relative");
  EXPECT_NE(csv.find("I,firms_trained,10,20,10,1\n"), std::string::npos) << csv;
}

TEST(Compare, CsvShowsAFormulaLabelAsText) {
  const Snapshot pinned = finished({10}), current = finished({20});
  const std::string csv = comparison_csv(compare(&pinned, &current, {sim::Summary::firms_trained}),
                                         "=HYPERLINK(\"http://x\")", "b");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "phase,summary,\"'=HYPERLINK(\"\"http://x\"\")\",b,difference,relative");
}

}  // namespace
}  // namespace score::session

namespace score::session {
namespace {

// The comparison's rows are the catalogue's compare headlines, the charts'
// series the chart table's: neither is a list of its own.
TEST(Compare, ComparedSummariesAreTheCatalogueCompareHeadlines) {
  EXPECT_EQ(compared_summaries(), sim::headline_summaries(sim::compare_table));
  EXPECT_NE(std::find(compared_summaries().begin(), compared_summaries().end(), sim::Summary::fees_paid_usd),
            compared_summaries().end());
  EXPECT_NE(
      std::find(compared_summaries().begin(), compared_summaries().end(), sim::Summary::subsidy_paid_usd),
      compared_summaries().end());
}

}  // namespace
}  // namespace score::session
