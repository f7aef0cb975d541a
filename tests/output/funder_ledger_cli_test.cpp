// The funder ledger of a results file, as a donor reads it: each named
// funder's budget, spent, unspent and lapsed money per phase, balancing.
#include <gtest/gtest.h>

#include "output/results_reader.hpp"
#include "support/csv_rows.hpp"
#include "support/run_score.hpp"
#include "sweep/sweep_files.hpp"

namespace score::output {
namespace {

namespace fs = std::filesystem;
using score_test::Result;
using score_test::score;
using enum sim::LedgerColumn;

class funder_ledger_cli : public sweep::testing::SweepFiles {
 protected:
  Results run(const std::string& name, const std::string& extra = "") {
    const fs::path out = dir / name;
    const Result r =
        score("run " + sweep::testing::small_scenario() + " --reps 2 -q -o " + out.string() + extra);
    EXPECT_EQ(r.code, 0) << r.out;
    return read_results(out);
  }

  // In the funder's own currency every phase balances, and nothing is overspent.
  static void expect_balanced(const Results& results) {
    ASSERT_TRUE(results.funder_ledgers.has_value());
    ASSERT_EQ(results.info.funders.size(), 1u);
    for (const sim::FunderLedger& l : *results.funder_ledgers)
      for (int p = 0; p < l.phases; ++p) {
        const double in = l.own_at(0, p, budget) + l.own_at(0, p, carried_in);
        const double out = l.own_at(0, p, spent) + l.own_at(0, p, unspent) + l.own_at(0, p, lapsed);
        EXPECT_NEAR(in, out, 1e-6 * in) << "phase " << p;
        EXPECT_LE(l.own_at(0, p, spent), in * (1 + 1e-12)) << "phase " << p;
        // A USD budget: the USD columns are the same money.
        EXPECT_DOUBLE_EQ(l.usd_at(0, p, spent), l.own_at(0, p, spent));
      }
  }
};

TEST_F(funder_ledger_cli, EachPhaseBalancesWhenMoneyLapses) {
  const Results results = run("lapse.h5");
  expect_balanced(results);
  EXPECT_EQ(results.info.funders[0].id, "D");
  EXPECT_EQ(results.info.funders[0].currency, "USD");
  const sim::FunderLedger& l = results.funder_ledgers->front();
  EXPECT_DOUBLE_EQ(l.own_at(0, 0, budget), 500000);
  EXPECT_DOUBLE_EQ(l.own_at(0, 1, budget), 300000);
  EXPECT_DOUBLE_EQ(l.own_at(0, 1, carried_in), 0);
  EXPECT_GT(l.own_at(0, 0, spent), 0);
}

TEST_F(funder_ledger_cli, CarriedMoneyMovesToTheNextPhase) {
  const Results results = run("carry.h5", " --set funders.D.unspent=carry_over");
  expect_balanced(results);
  for (const sim::FunderLedger& l : *results.funder_ledgers) {
    EXPECT_DOUBLE_EQ(l.own_at(0, 0, lapsed), 0);
    EXPECT_DOUBLE_EQ(l.own_at(0, 1, carried_in), l.own_at(0, 0, unspent));
  }
}

TEST_F(funder_ledger_cli, InfoPrintsTheFunderTable) {
  run("info.h5");
  const Result r = score("info " + (dir / "info.h5").string());
  ASSERT_EQ(r.code, 0) << r.out;
  for (const std::string expected :
       {"funder ledger", "carried in", "lapsed", "spent USD", "500,000", "300,000"})
    EXPECT_NE(r.out.find(expected), std::string::npos) << "missing '" << expected << "' in\n" << r.out;
}

// A funder whose pledge fails is absent for the phase: the ledger says so
// (its whole budget under pledge_failed, nothing spent), and so does `score info`.
TEST_F(funder_ledger_cli, AFailedPledgeShowsTheFunderAbsent) {
  const Results results = run("absent.h5", " --set funders.D.reliability=0");
  expect_balanced(results);
  for (const sim::FunderLedger& l : *results.funder_ledgers)
    for (int p = 0; p < l.phases; ++p) {
      EXPECT_DOUBLE_EQ(l.own_at(0, p, pledge_failed), l.own_at(0, p, budget)) << "phase " << p;
      EXPECT_DOUBLE_EQ(l.own_at(0, p, spent), 0) << "phase " << p;
    }
  const Results present = run("present.h5");
  for (const sim::FunderLedger& l : *present.funder_ledgers)
    for (int p = 0; p < l.phases; ++p) EXPECT_DOUBLE_EQ(l.own_at(0, p, pledge_failed), 0) << "phase " << p;
  const Result r = score("info " + (dir / "absent.h5").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("pledge failed"), std::string::npos) << r.out;
}

// What a donor reads in a spreadsheet is what `score info` averages: each
// row of funder_ledger.csv is the file's ledger cell for cell, and it balances.
TEST_F(funder_ledger_cli, ExportWritesTheLedgerAsTheFileHoldsIt) {
  const Results results = run("export.h5");
  const Result r =
      score("export " + (dir / "export.h5").string() + " --csv " + (dir / "export_csv").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("funder_ledger.csv"), std::string::npos) << r.out;
  const auto rows = score_test::read_csv(dir / "export_csv" / "funder_ledger.csv");
  ASSERT_EQ(rows.size(), 1u + 2 * results.info.phases.size());  // 2 replications, one funder
  double spent_sum = 0, ledger_sum = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::size_t rep = (i - 1) / results.info.phases.size(), p = (i - 1) % results.info.phases.size();
    const sim::FunderLedger& l = (*results.funder_ledgers)[rep];
    auto cell = [&](std::size_t c) { return score_test::number(rows[i].at(c)); };
    EXPECT_EQ(rows[i][3], "D");
    EXPECT_EQ(cell(6), l.own_at(0, static_cast<int>(p), budget)) << "row " << i;
    EXPECT_EQ(cell(8), l.own_at(0, static_cast<int>(p), spent)) << "row " << i;
    EXPECT_EQ(cell(6 + sim::kLedgerColumns + 2), l.usd_at(0, static_cast<int>(p), spent)) << "row " << i;
    EXPECT_NEAR(cell(6) + cell(7), cell(8) + cell(9) + cell(10), 1e-6 * cell(6)) << "row " << i;
    spent_sum += cell(8);
    ledger_sum += l.own_at(0, static_cast<int>(p), spent);
  }
  EXPECT_GT(spent_sum, 0);
  EXPECT_EQ(spent_sum, ledger_sum);
}

TEST_F(funder_ledger_cli, InfoByYearPrintsCostRecoveryByCountry) {
  run("years.h5");
  const Result r = score("info " + (dir / "years.h5").string() + " --by year");
  ASSERT_EQ(r.code, 0) << r.out;
  for (const std::string expected : {"by calendar year", "cost recovery by year and country", "AAA", "BBB"})
    EXPECT_NE(r.out.find(expected), std::string::npos) << "missing '" << expected << "' in\n" << r.out;
}

// A directory reused for a smaller export still holds the older tables; the
// "wrote into" line names only what this export wrote, so nobody takes last
// run's statistics for this one's.
TEST_F(funder_ledger_cli, ExportListsOnlyTheTablesItWrote) {
  run("two_reps.h5");
  const std::string tables = (dir / "reused_csv").string();
  const Result full = score("export " + (dir / "two_reps.h5").string() + " --csv " + tables);
  ASSERT_EQ(full.code, 0) << full.out;
  EXPECT_NE(
      full.out.find(": phase_summary.csv, timeseries.csv, phase_summary_stats.csv, timeseries_stats.csv, "
                    "funder_ledger.csv\n"),
      std::string::npos)
      << full.out;
  const fs::path one = dir / "one_rep.h5";
  ASSERT_EQ(score("run " + sweep::testing::small_scenario() + " --reps 1 -q -o " + one.string()).code, 0);
  const Result single = score("export " + one.string() + " --csv " + tables);
  ASSERT_EQ(single.code, 0) << single.out;
  EXPECT_TRUE(fs::exists(fs::path(tables) / "timeseries_stats.csv"));  // left from the first export
  EXPECT_NE(single.out.find(": phase_summary.csv, timeseries.csv, funder_ledger.csv\n"), std::string::npos)
      << single.out;
  EXPECT_EQ(single.out.find("_stats.csv"), std::string::npos) << single.out;
}

}  // namespace
}  // namespace score::output
