// The funder ledger through the results writer and reader, and files written
// before it existed.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>

#include "output/info.hpp"
#include "output/results_reader.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

using enum sim::LedgerColumn;

TEST(funder_ledger, round_trips_through_the_file) {
  const auto path = testing::scratch_dir("ledger") / "run.h5";
  testing::write_with_ledger(path, testing::with_funders(), true);
  const Results results = read_results(path);
  ASSERT_TRUE(results.funder_ledgers.has_value());
  ASSERT_EQ(results.info.funders.size(), 2u);
  EXPECT_EQ(results.info.funders[0].id, "SECO");
  EXPECT_EQ(results.info.funders[0].name, "Swiss donor");
  EXPECT_EQ(results.info.funders[0].currency, "CHF");
  ASSERT_EQ(results.funder_ledgers->size(), 2u);
  for (int r = 0; r < 2; ++r) {
    const sim::FunderLedger expected = testing::numbered_ledger(r, 2, 2, 1.1);
    EXPECT_EQ((*results.funder_ledgers)[static_cast<std::size_t>(r)].own, expected.own);
    EXPECT_EQ((*results.funder_ledgers)[static_cast<std::size_t>(r)].usd, expected.usd);
  }
  const std::string text = describe(results);
  EXPECT_NE(text.find("funder ledger"), std::string::npos) << text;
  EXPECT_NE(text.find("SECO"), std::string::npos) << text;
  EXPECT_NE(text.find("CHF"), std::string::npos) << text;
}

// A series that carries no ledger (made by hand) leaves its cells NaN.
TEST(funder_ledger, a_series_without_a_ledger_leaves_nan) {
  const auto path = testing::scratch_dir("ledger_nan") / "run.h5";
  testing::write_with_ledger(path, testing::with_funders(), false);
  const Results results = read_results(path);
  ASSERT_TRUE(results.funder_ledgers.has_value());
  for (const double v : results.funder_ledgers->front().own) EXPECT_TRUE(std::isnan(v));
}

TEST(funder_ledger, a_file_from_before_the_ledger_says_not_recorded) {
  const auto path = testing::scratch_dir("ledger_old") / "run.h5";
  testing::write_run(path, testing::small_run(1));
  {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    ASSERT_GE(H5Adelete(file, "funders"), 0);
    H5Fclose(file);
  }
  const Results results = read_results(path);
  EXPECT_FALSE(results.funder_ledgers.has_value());
  EXPECT_NE(describe(results).find("funder ledger: not recorded"), std::string::npos);
}

TEST(funder_ledger, a_run_without_funders_says_so) {
  const auto path = testing::scratch_dir("ledger_none") / "run.h5";
  testing::write_run(path, testing::small_run(1));
  const Results results = read_results(path);
  ASSERT_TRUE(results.funder_ledgers.has_value());
  EXPECT_TRUE(results.funder_ledgers->empty());
  EXPECT_NE(describe(results).find("names no funders"), std::string::npos);
}

}  // namespace
}  // namespace score::output
