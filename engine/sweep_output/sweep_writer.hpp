#pragma once
// Writes a sweep's results file as points finish, so that a sweep killed at
// any moment (SIGKILL included) can be finished later without redoing the
// points it completed, and never leaves a partial file under the target name.
//
// While running, the results live in two files next to the target:
//   .<name>.partial  the HDF5 file being filled (no pid in the name, so a
//                    later --resume finds it);
//   .<name>.journal  every finished point's values, appended and fsync'ed
//                    (output/sweep_journal.hpp).
// A point is stored in this order: its values into the HDF5 file, flushed;
// its record into the journal, fsync'ed; its `done` flag, flushed. The
// journal is the authority: on resume every point marked done in the
// partial file is checked against its journal record, points journaled but
// not yet marked are copied in, and a partial file that cannot be opened or
// disagrees with the journal is rebuilt from the journal. finish() closes,
// fsyncs and renames the partial file onto the target, then deletes the
// journal. docs/experiments.md tells the story for users.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "sweep/point_runner.hpp"
#include "sweep/sweep.hpp"
#include "sweep_output/sweep_journal.hpp"

namespace score::output {

namespace detail {
struct SweepLayout;
}

// A request the files on disk do not allow: starting over an unfinished
// sweep without --resume, or resuming one made from another sweep file or
// base scenario. The message says what to do; the CLI exits 2.
class SweepRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SweepWriter {
 public:
  enum class Mode { start, resume };

  // start: creates the partial file and the journal; refuses (SweepRefused)
  // if an unfinished sweep of this target is there. resume: reopens it as
  // described above, or starts afresh when there is none. Throws
  // std::runtime_error (naming the file) on I/O failure.
  SweepWriter(std::filesystem::path target, const sweep::Sweep& sweep, std::string engine_version, Mode mode);
  // Closes the files and keeps them, so the sweep can be resumed. Never throws.
  ~SweepWriter();
  SweepWriter(const SweepWriter&) = delete;
  SweepWriter& operator=(const SweepWriter&) = delete;

  // Which points are stored (after a resume, those need not run again).
  const std::vector<bool>& done() const { return done_; }
  int points_done() const;
  // What resume found, for the user ("" after a plain start).
  const std::string& resume_note() const { return note_; }

  // Stores one point. Thread-safe. Throws std::invalid_argument for a point
  // out of range, already stored or shaped unlike the sweep;
  // std::runtime_error on I/O failure, after which every write() and
  // finish() throws that same error (the journal keeps what was stored).
  void write(const sweep::PointResult& result);

  // Requires every point stored. Closes, syncs and renames onto the target,
  // then removes the journal. Throws std::runtime_error, leaving the target
  // untouched and the partial files resumable.
  void finish();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& partial_path() const { return partial_; }
  const std::filesystem::path& journal_path() const { return journal_path_; }

  // ".<name>.partial" and ".<name>.journal" next to `target`.
  static std::filesystem::path partial_path_for(const std::filesystem::path& target);
  static std::filesystem::path journal_path_for(const std::filesystem::path& target);

 private:
  void start_fresh();
  void resume();
  bool partial_reads_safely(bool whole);
  bool adopt_partial();
  void check_partial_origin();
  void refuse_other_origin(const std::string& sweep_sha256, const std::string& scenario_sha256) const;
  void rebuild_from_journal();
  [[noreturn]] void fail(std::string why);

  std::filesystem::path target_, partial_, journal_path_;
  const sweep::Sweep& sweep_;
  std::string engine_version_;
  JournalHeader header_;
  std::unique_ptr<detail::SweepLayout> layout_;
  std::optional<SweepJournal> journal_;
  std::vector<bool> done_;
  std::string note_;
  std::string failure_;  // the first failed write's message; empty while all is well
  std::mutex mutex_;
  bool finished_ = false;
};

// One point's values as the journal stores them: outcome, stats, then each
// time series, concatenated; and back.
std::vector<double> flatten(const sweep::PointResult& result);
sweep::PointResult unflatten(const sweep::PointShape& shape, int point, std::span<const double> values);

}  // namespace score::output
