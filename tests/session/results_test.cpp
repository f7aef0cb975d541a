#include "session/results.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>

#include "session/session.hpp"
#include "session_files.hpp"
#include "support/damaged_copy.hpp"

namespace score::session {
namespace {

using ResultsTest = testing::SessionFiles;

TEST_F(ResultsTest, SavedRunReadsBackAsTheSameCharts) {
  Session s;
  testing::run_small(s, 3);
  const SnapshotPtr live = s.current();
  ASSERT_EQ(s.save_results(dir / "run.h5"), "");
  const SnapshotPtr read = load_run_results(dir / "run.h5");
  EXPECT_EQ(read->replications, 3);
  EXPECT_EQ(read->months_done, live->months_done);
  for (int c = 0; c < kCharts; ++c) {
    const Band& a = live->charts.band(static_cast<Chart>(c), live->charts.countries());
    const Band& b = read->charts.band(static_cast<Chart>(c), read->charts.countries());
    EXPECT_TRUE(testing::same_bits(a.p50, b.p50)) << info(static_cast<Chart>(c)).name;
    EXPECT_TRUE(testing::same_bits(a.p95, b.p95)) << info(static_cast<Chart>(c)).name;
  }
  EXPECT_TRUE(testing::same_bits(read->summaries[2].values(), live->summaries[2].values()));
}

TEST_F(ResultsTest, TruncatedFileIsAnErrorNamingIt) {
  Session s;
  testing::run_small(s);
  ASSERT_EQ(s.save_results(dir / "run.h5"), "");
  score_test::cut_in_half(dir / "run.h5");
  const SnapshotPtr before = s.current();
  const std::string error = s.open_results(dir / "run.h5");
  EXPECT_NE(error.find("run.h5"), std::string::npos) << error;
  EXPECT_EQ(s.current(), before);  // nothing the user had is lost
}

// The viewer's File > Open reads a file in a child process first
// (output/contained_read.hpp): where HDF5 crashes on a damaged file, that
// child does (the crash is injected into it, SCORE_TEST_READ_FAULT), and
// the viewer shows an error and keeps what it had.
TEST_F(ResultsTest, AFileOnWhichHdf5CrashesIsAnErrorAndTheViewerLives) {
  Session s;
  testing::run_small(s);
  ASSERT_EQ(s.save_results(dir / "run.h5"), "");
  const SnapshotPtr before = s.current();
  setenv("SCORE_TEST_READ_FAULT", "crash", 1);
  const std::string error = s.open_results(dir / "run.h5");
  unsetenv("SCORE_TEST_READ_FAULT");
  EXPECT_NE(error.find("damaged: HDF5 crashed reading it"), std::string::npos) << error;
  EXPECT_EQ(s.current(), before);
  EXPECT_EQ(s.open_results(dir / "run.h5"), "");
}

// Bytes inverted at a dozen places: an error naming the file, or a file
// that reads; never the end of the viewer.
TEST_F(ResultsTest, BitFlippedFileIsAnErrorOrHarmless) {
  Session s;
  testing::run_small(s);
  ASSERT_EQ(s.save_results(dir / "run.h5"), "");
  score_test::flip_bytes(dir / "run.h5", 12, 64);
  const std::string error = s.open_results(dir / "run.h5");
  if (!error.empty()) {
    EXPECT_NE(error.find("run.h5"), std::string::npos) << error;
  }
}

TEST_F(ResultsTest, WrongKindOfFileIsAnError) {
  std::ofstream(dir / "notes.h5") << "not HDF5 at all\n";
  EXPECT_THROW(load_results(dir / "notes.h5"), std::runtime_error);
  EXPECT_THROW(load_results(testing::small_scenario()), std::runtime_error);
  EXPECT_THROW(load_results(dir / "missing.h5"), std::runtime_error);
}

}  // namespace
}  // namespace score::session
