// The sweep results writer in-process: stores and finishes, refuses to start
// over an unfinished sweep, and resumes from every state a kill can leave:
// a clean partial file, one behind its journal, a damaged one, a torn
// journal, a lost journal, a changed sweep file.
#include "sweep_output/sweep_writer.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <cstdlib>
#include <fstream>

#include "sim/summary.hpp"
#include "support/file_size_limit.hpp"
#include "support/file_text.hpp"
#include "support/thrown.hpp"
#include "sweep/h5_compare.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep_files.hpp"
#include "sweep_output/sweep_journal.hpp"
#include "sweep_output/sweep_layout.hpp"

namespace score::sweep {
namespace {

namespace fs = std::filesystem;
using output::SweepWriter;
using Mode = output::SweepWriter::Mode;

class sweep_writer : public testing::SweepFiles {
 protected:
  std::optional<Sweep> sweep;
  std::vector<PointResult> results;  // by point
  fs::path target, reference;

  void SetUp() override {
    SweepFiles::SetUp();
    sweep.emplace(load_sweep(sweep_text(7)));
    results.resize(static_cast<std::size_t>(sweep->points()));
    for (int p = 0; p < sweep->points(); ++p) results[static_cast<std::size_t>(p)] = *run_point(*sweep, p);
    target = dir / "out.h5";
    reference = dir / "reference.h5";
    SweepWriter writer(reference, *sweep, "test", Mode::start);
    for (const auto& r : results) writer.write(r);
    writer.finish();
  }

  fs::path sweep_text(int seed) const {
    return write_sweep("w.toml",
                       "design = \"lhs\"\npoints = 5\nreplications = 2\nseed = " + std::to_string(seed),
                       "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
                       "[output]\ntimeseries = [\"firms_trained_total\", \"revenue_usd\"]\n");
  }

  // Stores the given points and leaves the files as a kill would.
  void interrupted(const std::vector<int>& points) {
    SweepWriter writer(target, *sweep, "test", Mode::start);
    for (int p : points) writer.write(results[static_cast<std::size_t>(p)]);
  }

  // As interrupted(), by an engine that still called firms_trained_total
  // `smes_trained`; returns the partial file.
  fs::path interrupted_before_a_rename(const std::vector<int>& points) {
    interrupted(points);
    const fs::path partial = SweepWriter::partial_path_for(target);
    const hid_t file = H5Fopen(partial.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    EXPECT_GE(file, 0);
    EXPECT_GE(H5Lmove(file, "firms_trained_total", file, "smes_trained", H5P_DEFAULT, H5P_DEFAULT), 0);
    H5Fclose(file);
    return partial;
  }

  // Resumes, checks which points it found, stores the rest and compares.
  void resume_and_compare(const std::vector<int>& expected_done, const std::string& note = "") {
    SweepWriter writer(target, *sweep, "test", Mode::resume);
    std::vector<int> done;
    for (int p = 0; p < sweep->points(); ++p)
      if (writer.done()[static_cast<std::size_t>(p)]) done.push_back(p);
    EXPECT_EQ(done, expected_done);
    EXPECT_NE(writer.resume_note().find(note), std::string::npos) << writer.resume_note();
    for (int p = 0; p < sweep->points(); ++p)
      if (!writer.done()[static_cast<std::size_t>(p)]) writer.write(results[static_cast<std::size_t>(p)]);
    writer.finish();
    expect_same_numbers();
  }

  // Resuming as `changed` is refused, saying `why`; once the journal is
  // deleted, the partial file alone refuses too.
  void expect_refused(const Sweep& changed, const std::string& why) const {
    try {
      SweepWriter writer(target, changed, "test", Mode::resume);
      ADD_FAILURE() << "resumed a sweep that should say: " << why;
    } catch (const output::SweepRefused& e) {
      EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
    }
    fs::remove(SweepWriter::journal_path_for(target));
    EXPECT_THROW(SweepWriter(target, changed, "test", Mode::resume), output::SweepRefused);
  }

  void expect_same_numbers() const {
    std::vector<std::string> names = testing::numeric_datasets();
    names.insert(names.end(), {"firms_trained_total", "revenue_usd"});
    for (const auto& name : names) {
      const auto a = testing::read_dataset(reference, name), b = testing::read_dataset(target, name);
      EXPECT_FALSE(a.empty()) << name;
      EXPECT_TRUE(testing::same_bits(a, b)) << name << " differs";
    }
    EXPECT_FALSE(fs::exists(SweepWriter::partial_path_for(target)));
    EXPECT_FALSE(fs::exists(SweepWriter::journal_path_for(target)));
  }
};

TEST_F(sweep_writer, AFinishedFileHoldsEveryPoint) {
  EXPECT_TRUE(fs::exists(reference));
  EXPECT_FALSE(fs::exists(SweepWriter::partial_path_for(reference)));
  EXPECT_FALSE(fs::exists(SweepWriter::journal_path_for(reference)));
  const auto outcome = testing::read_dataset(reference, "outcome");
  const PointShape shape = point_shape(*sweep);
  ASSERT_EQ(outcome.size(), shape.outcome_size() * 5);
  EXPECT_EQ(outcome[3 * shape.outcome_size() + 7], results[3].outcome[7]);
  EXPECT_EQ(testing::dataset_shape(reference, "outcome"),
            (std::vector<unsigned long long>{5, 2, 2, static_cast<unsigned long long>(sim::kSummaries)}));
  EXPECT_EQ(testing::dataset_shape(reference, "revenue_usd"),
            (std::vector<unsigned long long>{5, 2, 36, 2, 6}));
  EXPECT_EQ(testing::read_dataset(reference, "done"), std::vector<double>(5, 1.0));
}

TEST_F(sweep_writer, StartingOverAnUnfinishedSweepIsRefused) {
  interrupted({0});
  EXPECT_THROW(SweepWriter(target, *sweep, "test", Mode::start), output::SweepRefused);
  EXPECT_TRUE(fs::exists(SweepWriter::partial_path_for(target)));
}

TEST_F(sweep_writer, ResumeFinishesACleanlyStoppedSweep) {
  interrupted({1, 3});
  resume_and_compare({1, 3}, "resuming: 2 of 5 points done");
}

TEST_F(sweep_writer, ResumeWithNothingThereStarts) { resume_and_compare({}, "nothing to resume"); }

TEST_F(sweep_writer, APointJournaledButNotMarkedIsCopiedIn) {
  interrupted({0});
  // As if killed after the journal record of point 4 but before its done flag.
  output::JournalHeader header;
  auto journal = output::SweepJournal::open(SweepWriter::journal_path_for(target), header, [](auto, auto) {});
  ASSERT_TRUE(journal);
  journal->append(4, output::flatten(results[4]));
  journal.reset();
  resume_and_compare({0, 4}, "resuming: 2 of 5 points done");
}

TEST_F(sweep_writer, ADamagedFileIsRebuiltFromTheJournal) {
  interrupted({0, 2});
  fs::resize_file(SweepWriter::partial_path_for(target), 4000);
  resume_and_compare({0, 2}, "rebuilt from the journal");
}

// HDF5 may loop forever or crash on a damaged file; resume reads the partial
// file in a child process first (output/contained_read.hpp), so a hang or a
// crash there becomes a note and the sweep goes on from the journal, or
// starts over when there is none. SCORE_TEST_READ_FAULT makes the child hang
// or crash as HDF5 does.
class sweep_writer_faulty_read : public sweep_writer {
 protected:
  // Resumes with the contained read failing as `fault` says and returns the
  // note; the fault applies only while the writer opens the files.
  void resume_with_fault(const char* fault, const std::vector<int>& expected_done, const std::string& note) {
    ::setenv("SCORE_TEST_READ_FAULT", fault, 1);
    ::setenv("SCORE_READ_TIME_LIMIT", "1", 1);
    std::optional<SweepWriter> writer;
    try {
      writer.emplace(target, *sweep, "test", Mode::resume);
    } catch (...) {
      clear();
      throw;
    }
    clear();
    std::vector<int> done;
    for (int p = 0; p < sweep->points(); ++p)
      if (writer->done()[static_cast<std::size_t>(p)]) done.push_back(p);
    EXPECT_EQ(done, expected_done);
    EXPECT_NE(writer->resume_note().find(note), std::string::npos) << writer->resume_note();
    for (int p = 0; p < sweep->points(); ++p)
      if (!writer->done()[static_cast<std::size_t>(p)]) writer->write(results[static_cast<std::size_t>(p)]);
    writer->finish();
    expect_same_numbers();
  }
  static void clear() {
    ::unsetenv("SCORE_TEST_READ_FAULT");
    ::unsetenv("SCORE_READ_TIME_LIMIT");
  }
};

TEST_F(sweep_writer_faulty_read, AFileOnWhichHdf5HangsIsRebuiltFromTheJournal) {
  interrupted({0, 2});
  resume_with_fault("hang", {0, 2}, "did not finish within 1 s");
}

TEST_F(sweep_writer_faulty_read, AFileOnWhichHdf5CrashesWithNoJournalStartsOver) {
  interrupted({1, 3});
  fs::remove(SweepWriter::journal_path_for(target));
  resume_with_fault("crash", {}, "HDF5 crashed reading it");
}

TEST_F(sweep_writer, TheJournalWinsOverAFileThatDisagrees) {
  interrupted({0, 2});
  auto wrong = results[2];
  wrong.outcome[0] += 1;
  {  // point 2's record says otherwise: the journal wins
    output::SweepJournal::create(SweepWriter::journal_path_for(target),
                                 {sweep->spec.sha256, 5, output::flatten(results[0]).size()})
        .append(0, output::flatten(results[0]));
    output::JournalHeader header;
    auto journal =
        output::SweepJournal::open(SweepWriter::journal_path_for(target), header, [](auto, auto) {});
    journal->append(2, output::flatten(wrong));
  }
  SweepWriter writer(target, *sweep, "test", Mode::resume);
  EXPECT_NE(writer.resume_note().find("rebuilt from the journal"), std::string::npos) << writer.resume_note();
  for (int p : {1, 3, 4}) writer.write(results[static_cast<std::size_t>(p)]);
  writer.finish();
  const auto outcome = testing::read_dataset(target, "outcome");
  EXPECT_EQ(outcome[2 * point_shape(*sweep).outcome_size()], wrong.outcome[0]);
}

TEST_F(sweep_writer, ATornJournalRecordIsIgnored) {
  interrupted({0, 1});
  fs::remove(SweepWriter::partial_path_for(target));
  const fs::path journal = SweepWriter::journal_path_for(target);
  fs::resize_file(journal, fs::file_size(journal) - 5);  // the last record torn
  std::ofstream(journal, std::ios::app) << "xx";
  resume_and_compare({0}, "resuming: 1 of 5 points done, rebuilt from the journal");
}

TEST_F(sweep_writer, ALostJournalIsRecreatedFromTheFile) {
  interrupted({2, 3});
  fs::remove(SweepWriter::journal_path_for(target));
  {
    SweepWriter writer(target, *sweep, "test", Mode::resume);
    EXPECT_EQ(writer.points_done(), 2);
  }
  output::JournalHeader header;
  int records = 0;
  ASSERT_TRUE(output::SweepJournal::open(SweepWriter::journal_path_for(target), header,
                                         [&](auto, auto) { ++records; }));
  EXPECT_EQ(records, 2);
  resume_and_compare({2, 3});
}

// A sweep stopped by an engine that still called firms_trained_total
// `smes_trained` resumes, and the finished file holds the current name.
TEST_F(sweep_writer, ResumeFinishesASweepStoppedBeforeARename) {
  interrupted_before_a_rename({1, 3});
  fs::remove(SweepWriter::journal_path_for(target));  // the file alone must carry the resume
  resume_and_compare({1, 3}, "resuming: 2 of 5 points done");
  EXPECT_TRUE(testing::read_dataset(target, "smes_trained").empty());
}

// Resume inspects a partial file in a child process before it adopts it;
// that inspection opens the file read-only: it reads the points of a file
// that still holds a series under its old name and leaves every byte as it
// was, while opening it to write gives the series its current name.
TEST_F(sweep_writer, InspectingAnUnfinishedFileLeavesItAsItWas) {
  const fs::path partial = interrupted_before_a_rename({1, 3});
  const std::string before = score_test::file_text(partial);
  {
    output::h5::Lock lock;
    output::detail::SweepLayout layout;
    layout.open(partial, *sweep, output::detail::Access::read_only);
    const PointResult point = layout.read_point(3);
    EXPECT_TRUE(testing::same_bits(point.timeseries[0], results[3].timeseries[0]));
    EXPECT_TRUE(testing::same_bits(point.outcome, results[3].outcome));
  }
  EXPECT_EQ(score_test::file_text(partial), before);
  {
    output::h5::Lock lock;
    output::detail::SweepLayout layout;
    layout.open(partial, *sweep, output::detail::Access::read_write);
  }
  EXPECT_TRUE(testing::read_dataset(partial, "smes_trained").empty());
  EXPECT_FALSE(testing::read_dataset(partial, "firms_trained_total").empty());
}

TEST_F(sweep_writer, AChangedSweepFileIsRefused) {
  interrupted({0});
  expect_refused(load_sweep(sweep_text(8)), "another version of the sweep file");
}

// With its journal, the partial file is read only for its origin: a base
// scenario changed since the sweep started is refused, with or without it.
TEST_F(sweep_writer, AChangedBaseScenarioIsRefused) {
  interrupted({0});
  sweep->base.document.sha256 = "0000";
  expect_refused(*sweep, "changed since the sweep started");
}

// Points finish on several threads: after one write fails (here on a
// file-size limit, as on a full disk), every later write and finish() give
// that same error, whichever thread's error the sweep reports; what was
// stored before resumes to the numbers of an uninterrupted sweep.
TEST_F(sweep_writer, EveryCallAfterAFailedWriteRepeatsItsError) {
  std::string first;
  {
    SweepWriter writer(target, *sweep, "test", Mode::start);
    writer.write(results[0]);
    {
      const score_test::FileSizeLimit limit(fs::file_size(SweepWriter::journal_path_for(target)));
      first = score_test::runtime_error_of([&] { writer.write(results[1]); });
    }
    ASSERT_FALSE(first.empty()) << "the write past the file-size limit did not fail";
    for (int p : {2, 1})
      EXPECT_EQ(score_test::runtime_error_of([&] { writer.write(results[static_cast<std::size_t>(p)]); }),
                first)
          << "a write after a failed one must throw its error";
    EXPECT_EQ(score_test::runtime_error_of([&] { writer.finish(); }), first)
        << "finish() after a failed write must throw its error";
  }
  EXPECT_FALSE(fs::exists(target));
  SweepWriter writer(target, *sweep, "test", Mode::resume);
  EXPECT_TRUE(writer.done()[0]);
  for (int p = 0; p < sweep->points(); ++p)
    if (!writer.done()[static_cast<std::size_t>(p)]) writer.write(results[static_cast<std::size_t>(p)]);
  writer.finish();
  expect_same_numbers();
}

TEST_F(sweep_writer, BadPointsAreRejected) {
  SweepWriter writer(target, *sweep, "test", Mode::start);
  writer.write(results[0]);
  EXPECT_THROW(writer.write(results[0]), std::invalid_argument);
  auto wrong = results[1];
  wrong.outcome.pop_back();
  EXPECT_THROW(writer.write(wrong), std::invalid_argument);
  EXPECT_THROW(writer.finish(), std::runtime_error);  // points missing
}

}  // namespace
}  // namespace score::sweep
