#include "output/results_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "output/hdf5_handle.hpp"
#include "output/results_layout.hpp"
#include "output/temporary_path.hpp"

namespace score::output {

namespace {
// Sanity bounds on a run's shape, well beyond any real programme.
constexpr int kMaxSteps = 100'000, kMaxCountries = 10'000, kMaxReplications = 10'000'000;

void validate(const std::filesystem::path& target, const RunInfo& info) {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("results writer: " + what);
  };
  std::error_code ignored;
  require(!target.filename().empty() && !std::filesystem::is_directory(target, ignored),
          "target '" + target.string() + "' names no file");
  require(info.steps > 0 && info.steps <= kMaxSteps, "steps must be in 1.." + std::to_string(kMaxSteps));
  require(info.replications > 0 && info.replications <= kMaxReplications, "replications out of range");
  const auto countries = info.country_ids.size();
  require(countries > 0 && countries <= kMaxCountries, "country count out of range");
  require(info.country_names.size() == countries, "country ids and names differ in number");
  require(!info.phases.empty(), "a run has at least one phase");
  for (const auto& p : info.phases)
    require(p.first_step >= 0 && p.first_step <= p.last_step && p.last_step < info.steps,
            "phase '" + p.id + "' lies outside the run's steps");
}
}  // namespace

ResultsWriter::ResultsWriter(std::filesystem::path target, RunInfo info, WriteOptions options)
    : target_(std::move(target)), info_(std::move(info)) {
  validate(target_, info_);
  if (options.deflate_level < 0 || options.deflate_level > 9)
    throw std::invalid_argument("results writer: deflate level must be in 0..9");
  temporary_ = output::temporary_path(target_);
  written_.assign(static_cast<std::size_t>(info_.replications), false);
  h5::Lock lock;
  try {
    if (!target_.parent_path().empty()) std::filesystem::create_directories(target_.parent_path());
    remove_stale_temporaries(target_);
    layout_ = std::make_unique<detail::ResultsLayout>();
    layout_->deflate_level = options.deflate_level;
    layout_->statistics_budget =
        static_cast<hsize_t>(std::max<std::int64_t>(0, options.statistics_memory_values));
    layout_->create(temporary_, info_);
    writeback_fd_ = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
  } catch (const std::exception& e) {
    layout_.reset();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
    throw std::runtime_error("cannot write results file '" + target_.string() + "': " + e.what());
  }
}

ResultsWriter::~ResultsWriter() {
  if (writeback_fd_ >= 0) ::close(writeback_fd_);
  if (finished_) return;
  h5::Lock lock;
  layout_.reset();  // closes quietly; nothing to keep
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void ResultsWriter::write(int replication, const sim::Series& series, const sim::PhaseSummary& summary) {
  h5::Lock lock;
  if (finished_) throw std::logic_error("results writer: write() after finish()");
  // Replications finish in parallel: the ones after a failed write report
  // that failure, so the run ends with it whichever thread's error wins.
  if (!failure_.empty()) throw std::runtime_error(failure_);
  auto reject = [&](const std::string& what) {
    throw std::invalid_argument("results writer '" + target_.string() + "': replication " +
                                std::to_string(replication) + " " + what);
  };
  if (replication < 0 || replication >= info_.replications) reject("is out of range");
  if (written_[static_cast<std::size_t>(replication)]) reject("was already written");
  if (series.steps() != info_.steps || series.countries() != static_cast<int>(info_.country_ids.size()))
    reject("has a series shaped unlike the run");
  if (summary.phases() != static_cast<int>(info_.phases.size()) || summary.countries() != series.countries())
    reject("has a phase summary shaped unlike the run");
  try {
    layout_->write_replication(replication, series, summary);
  } catch (const h5::Error& e) {
    failure_ = "cannot write results file '" + target_.string() + "': " + e.what();
    throw std::runtime_error(failure_);
  }
  written_[static_cast<std::size_t>(replication)] = true;
  // Start writing this replication to the disk now, in the background, while
  // the others run: the fsync of finish() then has little left to wait for.
  if (writeback_fd_ >= 0) ::sync_file_range(writeback_fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
}

void ResultsWriter::finish() {
  h5::Lock lock;
  if (finished_) throw std::logic_error("results writer: finish() called twice");
  const std::string where = "cannot write results file '" + target_.string() + "': ";
  if (!failure_.empty()) throw std::runtime_error(failure_);
  for (std::size_t r = 0; r < written_.size(); ++r)
    if (!written_[r])
      throw std::runtime_error(where + "replication " + std::to_string(r) + " of " +
                               std::to_string(written_.size()) + " was never written");
  try {
    finish_locked();
  } catch (const std::exception& e) {
    failure_ = where + e.what();
    layout_.reset();
    throw std::runtime_error(failure_);
  }
  finished_ = true;
}

void ResultsWriter::finish_locked() {
  if (info_.replications > 1) {
    layout_->write_statistics();
    // Their write-back starts while the file closes: the fsync waits for less.
    if (writeback_fd_ >= 0) ::sync_file_range(writeback_fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
  }
  layout_->close();
  layout_.reset();
  sync_file(temporary_);
  std::error_code error;
  std::filesystem::rename(temporary_, target_, error);
  if (error)
    throw std::runtime_error("cannot rename '" + temporary_.string() + "' onto it: " + error.message());
  sync_directory_of(target_);
}

}  // namespace score::output
