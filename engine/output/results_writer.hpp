#pragma once
// Writes a run's results file (docs/output-format.md) as replications finish.
//
// Each replication goes to disk when write() is called, so memory does not grow
// with the number of replications. Everything is written under a temporary name
// in the target's directory; only finish() renames it onto the target, so a
// crash, a kill or an exception never leaves a partial file under the target's
// name, and an existing target is replaced only by a complete file.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "output/run_info.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::output {

namespace detail {
struct ResultsLayout;
}

// How a results file is written; none of it changes the values it holds.
struct WriteOptions {
  // Deflate level (0-9) of the time series and their statistics. 0, the
  // default, stores them as they are: the fastest to write and read. Level 1
  // makes files about four times smaller for several times the writing time.
  int deflate_level = 0;
  // Series values the statistics across replications read back from the
  // file at once, at most (8 bytes each; the default is 32 MiB): metrics are
  // read a group the size of the largest at a time and summarised in
  // parallel, a metric larger than this a block at a time.
  std::int64_t statistics_memory_values = std::int64_t{1} << 22;
};

class ResultsWriter {
 public:
  // Creates the target's directory if needed and the temporary file, and writes
  // the metadata and coordinates. Throws std::invalid_argument for an
  // inconsistent `info` or options, std::runtime_error (naming the file) on
  // I/O failure.
  ResultsWriter(std::filesystem::path target, RunInfo info, WriteOptions options = {});
  // Without a successful finish(): closes and removes the temporary file and
  // leaves the target alone. Never throws.
  ~ResultsWriter();
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  // Stores one replication (0 <= replication < info.replications, each once).
  // Thread-safe: replications finishing in parallel may call it concurrently,
  // in any order. Throws std::invalid_argument for a replication out of range,
  // already written or shaped unlike `info`; std::runtime_error on I/O failure,
  // after which the writer is unusable: every later write() and finish()
  // throws that same error.
  void write(int replication, const sim::Series& series, const sim::PhaseSummary& summary);

  // Requires every replication written. Adds the statistics across replications
  // (when there are several), closes the file, syncs it and renames it onto the
  // target. Throws std::runtime_error on failure, leaving the target untouched.
  void finish();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary_path() const { return temporary_; }

 private:
  void finish_locked();

  std::filesystem::path target_, temporary_;
  RunInfo info_;
  std::unique_ptr<detail::ResultsLayout> layout_;  // the open file; null once finished or failed
  std::vector<bool> written_;
  int writeback_fd_ = -1;  // the temporary file, to start its writeback early
  std::string failure_;    // the first I/O failure's message; empty while all is well
  bool finished_ = false;
};

}  // namespace score::output
