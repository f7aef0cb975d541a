#pragma once
// The journal of a calibration being run: every particle of every complete
// generation and the generation's diagnostics, appended and fsync'ed (the
// sweep journal's format, output/sweep_journal.hpp), so a calibration killed
// at any moment resumes from its last complete generation with the same
// result as an uninterrupted run.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "calibrate/abc_smc.hpp"
#include "sweep_output/sweep_journal.hpp"

namespace score::cli {

class CalibrationJournal {
 public:
  // ".<name>.journal" next to the ensemble file.
  static std::filesystem::path path_for(const std::filesystem::path& target);

  // fresh: refuses (std::runtime_error) when a journal is there; resume:
  // reads the complete generations of a journal written for `sha256` (the
  // calibration's inputs), refusing one of other inputs, or starts afresh.
  CalibrationJournal(const std::filesystem::path& target, const std::string& sha256, std::size_t parameters,
                     std::size_t values, bool resume);

  const std::vector<calibrate::Generation>& done() const { return done_; }
  void append(const calibrate::Generation& g);
  void remove();

 private:
  std::filesystem::path path_;
  std::size_t parameters_ = 0, values_ = 0;
  std::optional<output::SweepJournal> journal_;
  std::vector<calibrate::Generation> done_;
};

}  // namespace score::cli
