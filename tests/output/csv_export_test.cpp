// The CSV export: columns, one row per value, exact numbers, quoting, and no
// temporary files left behind.
#include "output/csv_export.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>

#include "output/results_reader.hpp"
#include "support/csv_rows.hpp"
#include "support/file_text.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

using score_test::number;
using score_test::read_csv;
using score_test::Row;

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

class output_csv : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = testing::scratch_dir("csv");
    results_ = dir / "run.h5";
    testing::write_run(results_, testing::small_run(3));
    tables_ = dir / "tables" / "nested";
    export_csv(results_, tables_);
  }
  static inline std::filesystem::path results_, tables_;
};

TEST_F(output_csv, writes_the_tables_and_nothing_else) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(tables_))
    names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"phase_summary.csv", "phase_summary_stats.csv", "timeseries.csv",
                                             "timeseries_stats.csv"}));
}

TEST_F(output_csv, phase_summary_has_a_row_per_replication_phase_and_country) {
  const auto rows = read_csv(tables_ / "phase_summary.csv");
  const auto& header = rows.at(0);
  ASSERT_EQ(header.size(), 4u + sim::kSummaries);
  EXPECT_EQ((Row{header[0], header[1], header[2], header[3]}),
            (Row{"replication", "phase", "phase_name", "country"}));
  EXPECT_EQ(header[4], "firms_trained");
  ASSERT_EQ(rows.size(), 1u + 3 * 2 * 3);
  const Results results = read_results(results_);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), header.size()) << i;
    const int r = std::stoi(row[0]);
    const int p = row[1] == "P1" ? 0 : 1;
    const int c = row[3] == "GH" ? 0 : row[3] == "VN" ? 1 : 2;
    if (c == 2) {
      EXPECT_EQ(row[3], "ALL");
    }
    EXPECT_EQ(row[2], results.info.phases[static_cast<std::size_t>(p)].name);  // quotes and commas survive
    for (int s = 0; s < sim::kSummaries; ++s)
      EXPECT_TRUE(
          same(number(row[4 + static_cast<std::size_t>(s)]),
               results.phase_summaries[static_cast<std::size_t>(r)].at(p, c, static_cast<sim::Summary>(s))))
          << "row " << i << " column " << header[4 + static_cast<std::size_t>(s)];
  }
}

TEST_F(output_csv, timeseries_has_every_value_exactly) {
  const auto rows = read_csv(tables_ / "timeseries.csv");
  EXPECT_EQ(rows.at(0), (Row{"replication", "date", "country", "metric", "axis", "value"}));
  std::size_t per_replication = 0;
  for (const auto& m : sim::metric_catalogue())
    per_replication += 14u * 2u * static_cast<std::size_t>(sim::axis_length(m.axis));
  ASSERT_EQ(rows.size(), 1 + 3 * per_replication);

  const ResultsFile file(results_);
  std::size_t i = 1, empty = 0;
  for (int r = 0; r < 3; ++r)
    for (const auto& metric : file.results().metrics) {
      const auto values = file.metric(metric.name, r);
      for (std::size_t v = 0; v < values.size(); ++v, ++i) {
        const auto& row = rows[i];
        ASSERT_EQ(row.size(), 6u);
        ASSERT_EQ(row[0], std::to_string(r));
        ASSERT_EQ(row[3], metric.name);
        ASSERT_TRUE(same(number(row[5]), values[v])) << "row " << i;
        empty += row[5].empty();
      }
    }
  EXPECT_GT(empty, 0u);  // NaN cost recovery became empty cells
  EXPECT_EQ(rows[1][1], "2013-09");
  EXPECT_EQ(rows[1][2], "GH");
  EXPECT_EQ(rows[1][4], "");
}

TEST_F(output_csv, axis_labels_name_the_extra_dimension) {
  const auto rows = read_csv(tables_ / "timeseries.csv");
  std::set<std::string> modules, sources;
  for (const auto& row : rows) {
    if (row[3] == "module_deliveries") modules.insert(row[4]);
    if (row[3] == "revenue_usd") sources.insert(row[4]);
  }
  EXPECT_EQ(modules, (std::set<std::string>{"M1", "M2", "M3", "M4", "M5"}));
  EXPECT_EQ(sources.count("enterprise"), 1u);
  EXPECT_EQ(sources.size(), 6u);
}

TEST_F(output_csv, statistics_tables_match_the_file) {
  const auto rows = read_csv(tables_ / "timeseries_stats.csv");
  EXPECT_EQ(rows.at(0), (Row{"date", "country", "metric", "axis", "mean", "p05", "p50", "p95"}));
  const ResultsFile file(results_);
  const auto p95 = file.metric_statistic("savings_usd", Statistic::p95);
  std::size_t checked = 0;
  for (const auto& row : rows)
    if (row[2] == "savings_usd" && row[0] == "2013-10" && row[1] == "VN") {
      EXPECT_TRUE(same(number(row[7]), p95[1 * 2 + 1]));
      ++checked;
    }
  EXPECT_EQ(checked, 1u);
  const auto summary = read_csv(tables_ / "phase_summary_stats.csv");
  EXPECT_EQ(summary.at(0).at(0), "statistic");
  EXPECT_EQ(summary.size(), 1u + 4 * 2 * 3);
  EXPECT_EQ(summary.at(1).at(0), "mean");
}

TEST(output_csv_single, one_replication_has_no_statistics_tables) {
  const auto dir = testing::scratch_dir("csv_single");
  testing::write_run(dir / "run.h5", testing::small_run(1));
  EXPECT_EQ(export_csv(dir / "run.h5", dir / "tables"),
            (std::vector<std::string>{"phase_summary.csv", "timeseries.csv"}));
  EXPECT_TRUE(std::filesystem::exists(dir / "tables" / "timeseries.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "tables" / "timeseries_stats.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "tables" / "phase_summary_stats.csv"));
}

TEST(output_csv_single, a_bad_results_file_is_reported) {
  const auto dir = testing::scratch_dir("csv_bad");
  try {
    export_csv(dir / "absent.h5", dir / "tables");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("absent.h5"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "tables" / "timeseries.csv"));
}

// Every ledger cell of every replication, phase and funder, exactly, own
// currency first and USD after; the funder's name and currency on its rows.
TEST(output_csv_ledger, funder_ledger_has_a_row_per_replication_phase_and_funder) {
  const auto dir = testing::scratch_dir("csv_ledger");
  testing::write_with_ledger(dir / "run.h5", testing::with_funders(), true);
  export_csv(dir / "run.h5", dir / "tables");
  const auto rows = read_csv(dir / "tables" / "funder_ledger.csv");
  EXPECT_EQ(rows.at(0),
            (Row{"replication", "phase", "phase_name", "funder", "funder_name", "currency", "budget",
                 "carried_in", "spent", "unspent", "lapsed", "pledge_failed", "budget_usd", "carried_in_usd",
                 "spent_usd", "unspent_usd", "lapsed_usd", "pledge_failed_usd"}));
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 2);  // replications x phases x funders
  std::size_t i = 1;
  for (int r = 0; r < 2; ++r) {
    const sim::FunderLedger expected = testing::numbered_ledger(r, 2, 2, 1.1);
    for (int p = 0; p < 2; ++p)
      for (int j = 0; j < 2; ++j, ++i) {
        const Row& row = rows[i];
        ASSERT_EQ(row.size(), 6u + 2 * sim::kLedgerColumns) << "row " << i;
        EXPECT_EQ(row[0], std::to_string(r));
        EXPECT_EQ(row[1], p == 0 ? "P1" : "P2");
        EXPECT_EQ(row[3], j == 0 ? "SECO" : "ILO");
        EXPECT_EQ(row[5], j == 0 ? "CHF" : "USD");
        for (int c = 0; c < sim::kLedgerColumns; ++c) {
          const auto column = static_cast<sim::LedgerColumn>(c);
          EXPECT_EQ(number(row[6 + static_cast<std::size_t>(c)]), expected.own_at(j, p, column)) << i;
          EXPECT_EQ(number(row[6 + sim::kLedgerColumns + static_cast<std::size_t>(c)]),
                    expected.usd_at(j, p, column))
              << i;
        }
      }
  }
  EXPECT_EQ(rows[2][4], "International Labour Organization");
  EXPECT_EQ(rows[3][2], "Scale-up, \"phase 2\"") << "the quoted phase name, read back whole";
}

TEST(output_csv_ledger, a_ledger_never_recorded_exports_as_empty_cells) {
  const auto dir = testing::scratch_dir("csv_ledger_nan");
  testing::write_with_ledger(dir / "run.h5", testing::with_funders(), false);
  export_csv(dir / "run.h5", dir / "tables");
  const auto rows = read_csv(dir / "tables" / "funder_ledger.csv");
  ASSERT_EQ(rows.size(), 9u);
  for (std::size_t c = 6; c < 6 + 2 * sim::kLedgerColumns; ++c) EXPECT_EQ(rows[1].at(c), "");
}

TEST(output_csv_cells, a_cell_a_spreadsheet_would_evaluate_is_shown_as_text) {
  EXPECT_EQ(csv_text("=HYPERLINK(\"http://x\";\"click\")"),
            "\"'=HYPERLINK(\"\"http://x\"\";\"\"click\"\")\"");
  EXPECT_EQ(csv_text("+1+2"), "\"'+1+2\"");
  EXPECT_EQ(csv_text("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(csv_text("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv_text("\tx"), "\"'\tx\"");
  EXPECT_EQ(csv_text("\rx"), "\"'\rx\"");
}

TEST(output_csv_cells, ordinary_text_and_numbers_are_unchanged) {
  EXPECT_EQ(csv_text("Phase I"), "Phase I");
  EXPECT_EQ(csv_text("a=b"), "a=b");  // only a leading character makes a formula
  EXPECT_EQ(csv_text(""), "");
  EXPECT_EQ(csv_text("a, \"b\""), "\"a, \"\"b\"\"\"");
  EXPECT_EQ(csv_number(-1.5), "-1.5");
  EXPECT_EQ(csv_number(0.1), "0.1");
  EXPECT_EQ(csv_number(std::nan("")), "");
}

TEST(output_csv_single, a_formula_phase_name_exports_as_text_and_numbers_stay_numbers) {
  const auto dir = testing::scratch_dir("csv_formula");
  RunInfo info = testing::small_run(1);
  info.phases[0].name = "=HYPERLINK(\"http://x\";\"click\")";
  info.phases[1].name = "-1";
  testing::write_run(dir / "run.h5", info);
  export_csv(dir / "run.h5", dir / "tables");
  const auto rows = read_csv(dir / "tables" / "phase_summary.csv");
  const Results results = read_results(dir / "run.h5");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][2], rows[i][1] == "P1" ? "'=HYPERLINK(\"http://x\";\"click\")" : "'-1") << i;
    for (std::size_t s = 4; s < rows[i].size(); ++s)
      EXPECT_TRUE(same(number(rows[i][s]), results.phase_summaries[0].at(rows[i][1] == "P1" ? 0 : 1,
                                                                         rows[i][3] == "GH"   ? 0
                                                                         : rows[i][3] == "VN" ? 1
                                                                                              : 2,
                                                                         static_cast<sim::Summary>(s - 4))));
  }
  const std::string text = score_test::file_text(dir / "tables" / "phase_summary.csv");
  EXPECT_NE(text.find(",\"'=HYPERLINK("), std::string::npos);
  EXPECT_EQ(text.find(",=HYPERLINK("), std::string::npos);
}

}  // namespace
}  // namespace score::output
