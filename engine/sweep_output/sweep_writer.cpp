#include "sweep_output/sweep_writer.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <tuple>

#include "output/contained_read.hpp"
#include "output/hdf5_handle.hpp"
#include "output/temporary_path.hpp"
#include "sweep_output/sweep_layout.hpp"

namespace score::output {

namespace fs = std::filesystem;

std::vector<double> flatten(const sweep::PointResult& result) {
  std::vector<double> out(result.outcome);
  out.insert(out.end(), result.stats.begin(), result.stats.end());
  for (const auto& series : result.timeseries) out.insert(out.end(), series.begin(), series.end());
  return out;
}

sweep::PointResult unflatten(const sweep::PointShape& shape, int point, std::span<const double> values) {
  sweep::PointResult result;
  result.point = point;
  auto take = [&, at = std::size_t{0}](std::size_t n) mutable {
    if (at + n > values.size()) throw std::invalid_argument("sweep journal: a record shorter than a point");
    std::vector<double> part(values.begin() + static_cast<std::ptrdiff_t>(at),
                             values.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
    return part;
  };
  result.outcome = take(shape.outcome_size());
  result.stats = take(shape.stats_size());
  for (std::size_t m = 0; m < shape.timeseries.size(); ++m)
    result.timeseries.push_back(take(shape.timeseries_size(m)));
  return result;
}

namespace {

fs::path sibling(const fs::path& target, const char* suffix) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "." + string.
  std::string name = ".";
  name += target.filename().string();
  name += suffix;
  return target.parent_path() / name;
}

std::string unreadable(const char* why) {
  return std::string("the unfinished file could not be read (") + why + ")";
}

using OriginCheck = std::function<void(const std::string& sweep_sha256, const std::string& scenario_sha256)>;
using PointTaker = std::function<void(std::size_t point, const sweep::PointResult& result)>;

// Every read of resuming without a journal, in its order: the origin (given
// to `origin`, which may refuse it), the done flags, then each point marked
// done (given to `take`). The check in a child process and the adoption both
// call it, so the child reads exactly what the adoption then reads.
std::vector<std::uint8_t> read_adoptable(const detail::SweepLayout& layout, const OriginCheck& origin,
                                         const PointTaker& take) {
  origin(layout.root_string("sweep_sha256"), layout.root_string("scenario_sha256"));
  std::vector<std::uint8_t> flags = layout.done_flags();
  for (std::size_t p = 0; p < flags.size(); ++p)
    if (flags[p]) take(p, layout.read_point(static_cast<int>(p)));
  return flags;
}

std::uint64_t values_per_point(const sweep::PointShape& shape) {
  std::uint64_t n = shape.outcome_size() + shape.stats_size();
  for (std::size_t m = 0; m < shape.timeseries.size(); ++m) n += shape.timeseries_size(m);
  return n;
}

}  // namespace

fs::path SweepWriter::partial_path_for(const fs::path& target) { return sibling(target, ".partial"); }
fs::path SweepWriter::journal_path_for(const fs::path& target) { return sibling(target, ".journal"); }

SweepWriter::SweepWriter(fs::path target, const sweep::Sweep& sweep, std::string engine_version, Mode mode)
    : target_(std::move(target)),
      partial_(partial_path_for(target_)),
      journal_path_(journal_path_for(target_)),
      sweep_(sweep),
      engine_version_(std::move(engine_version)) {
  std::error_code ignored;
  if (target_.filename().empty() || fs::is_directory(target_, ignored))
    throw std::invalid_argument("sweep writer: target '" + target_.string() + "' names no file");
  header_ = {sweep.spec.sha256, static_cast<std::uint64_t>(sweep.points()),
             values_per_point(sweep::point_shape(sweep))};
  done_.assign(static_cast<std::size_t>(sweep.points()), false);
  try {
    if (!target_.parent_path().empty()) fs::create_directories(target_.parent_path());
    if (mode == Mode::start)
      start_fresh();
    else
      resume();
  } catch (const h5::Error& e) {
    h5::Lock lock;
    layout_.reset();
    throw std::runtime_error("cannot write sweep results '" + partial_.string() + "': " + e.what());
  } catch (...) {  // the destructor will not run: close the file here, under the lock
    h5::Lock lock;
    layout_.reset();
    throw;
  }
}

SweepWriter::~SweepWriter() {
  if (finished_) return;
  h5::Lock lock;
  layout_.reset();  // closes quietly; the files stay for --resume
}

int SweepWriter::points_done() const {
  return static_cast<int>(std::count(done_.begin(), done_.end(), true));
}

void SweepWriter::start_fresh() {
  if (fs::exists(partial_) || fs::exists(journal_path_))
    throw SweepRefused("an unfinished sweep is already there (" + partial_.string() +
                       "); add --resume to finish it, or delete " + partial_.filename().string() + " and " +
                       journal_path_.filename().string() + " to start over");
  {
    h5::Lock lock;
    layout_ = std::make_unique<detail::SweepLayout>();
    layout_->create(partial_, sweep_, engine_version_);
  }
  journal_ = SweepJournal::create(journal_path_, header_);
}

void SweepWriter::resume() {
  const bool has_partial = fs::exists(partial_);
  const std::optional<JournalHeader> journaled = SweepJournal::read_header(journal_path_);
  if (journaled && journaled->sweep_sha256 != header_.sweep_sha256)
    throw SweepRefused(
        "cannot resume: " + journal_path_.string() + " was written for another version of the sweep " +
        "file (SHA-256 " + journaled->sweep_sha256.substr(0, 12) + "..., now " +
        header_.sweep_sha256.substr(0, 12) + "...); restore that file, or delete " +
        partial_.filename().string() + " and " + journal_path_.filename().string() + " to start over");
  if (journaled && !(*journaled == header_))
    throw SweepRefused(
        "cannot resume: " + journal_path_.string() + " was written by another engine version " +
        "(points shaped differently); delete it and " + partial_.filename().string() + " to start over");
  if (!has_partial && !journaled) {
    std::error_code ignored;
    fs::remove(journal_path_, ignored);  // a journal torn while being created holds nothing
    note_ = "nothing to resume: starting the sweep";
    return start_fresh();
  }
  // After a kill HDF5 promises nothing about a file it was writing: one that
  // opens and reads back may still fail at its next allocation ("addr
  // overflow"). The journal holds every stored point, so with a journal the
  // partial file is only checked for its origin and then rebuilt from the
  // journal; it is adopted as it is only when its journal was lost.
  const bool readable = has_partial && partial_reads_safely(!journaled);
  if (readable && !journaled && adopt_partial()) return;
  if (readable && journaled) check_partial_origin();
  rebuild_from_journal();
}

// HDF5 1.10 can loop forever or crash on a damaged file
// (output/contained_read.hpp), and a killed sweep leaves exactly such files.
// So what resume is about to read of the partial file (its origin; with no
// journal, also its done flags and every point marked done) is read first in
// a child process with a time limit. False, with a note, when that failed:
// the file is then treated as unreadable and never opened here.
bool SweepWriter::partial_reads_safely(bool whole) {
  try {
    read_contained("unfinished sweep file", partial_, [&] {
      h5::Lock lock;
      if (!whole) {
        detail::SweepLayout::read_origin(partial_);
        return;
      }
      detail::SweepLayout layout;
      layout.open(partial_, sweep_, detail::Access::read_only);
      read_adoptable(
          layout, [](const std::string&, const std::string&) {},
          [](std::size_t, const sweep::PointResult&) {});
    });
    return true;
  } catch (const std::runtime_error& e) {
    note_ = unreadable(e.what());
    return false;
  }
}

// Refuses a partial file started from another sweep file or base scenario.
void SweepWriter::refuse_other_origin(const std::string& sweep_sha256,
                                      const std::string& scenario_sha256) const {
  if (sweep_sha256 != header_.sweep_sha256)
    throw SweepRefused("cannot resume: " + partial_.string() + " was started from another version of the " +
                       "sweep file; restore that file, or delete " + partial_.filename().string() + " and " +
                       journal_path_.filename().string() + " to start over");
  if (scenario_sha256 != sweep_.base.document.sha256)
    throw SweepRefused("cannot resume: the base scenario " + sweep_.spec.scenario.string() +
                       " changed since the sweep started; restore it, or delete " +
                       partial_.filename().string() + " and " + journal_path_.filename().string() +
                       " to start over");
}

// With a journal the partial file's points are rebuilt from the journal, so
// only its origin is read: its two hashes, not every done flag. An
// unreadable file leaves a note and is rebuilt.
void SweepWriter::check_partial_origin() {
  std::string sweep_sha256, scenario_sha256;
  try {
    h5::Lock lock;
    std::tie(sweep_sha256, scenario_sha256) = detail::SweepLayout::read_origin(partial_);
  } catch (const h5::Error& e) {
    note_ = unreadable(e.what());
    return;
  }
  refuse_other_origin(sweep_sha256, scenario_sha256);
}

// Takes over an unfinished partial file whose journal was lost: the flushed
// file vouches for the points it marks done, and a new journal records them.
// Refuses one made from another sweep or scenario. False (with a note, and
// no journal left behind) when the file cannot be read.
bool SweepWriter::adopt_partial() {
  h5::Lock lock;
  try {
    layout_ = std::make_unique<detail::SweepLayout>();
    layout_->open(partial_, sweep_, detail::Access::read_write);
    const std::vector<std::uint8_t> flags = read_adoptable(
        *layout_,
        [&](const std::string& sweep_sha256, const std::string& scenario_sha256) {
          refuse_other_origin(sweep_sha256, scenario_sha256);
          journal_ = SweepJournal::create(journal_path_, header_);
        },
        [&](std::size_t p, const sweep::PointResult& result) { journal_->append(p, flatten(result)); });
    for (std::size_t p = 0; p < done_.size(); ++p) done_[p] = flags[p];
  } catch (const h5::Error& e) {
    layout_.reset();
    journal_.reset();
    std::error_code ignored;
    fs::remove(journal_path_, ignored);
    note_ = unreadable(e.what());
    return false;
  }
  note_ =
      "resuming: " + std::to_string(points_done()) + " of " + std::to_string(done_.size()) + " points done";
  return true;
}

void SweepWriter::rebuild_from_journal() {
  journal_.reset();
  std::error_code ignored;
  fs::remove(partial_, ignored);
  {
    h5::Lock lock;
    layout_ = std::make_unique<detail::SweepLayout>();
    layout_->create(partial_, sweep_, engine_version_);
  }
  JournalHeader header;
  journal_ =
      SweepJournal::open(journal_path_, header, [&](std::uint64_t point, std::span<const double> values) {
        h5::Lock lock;
        layout_->write_point(unflatten(layout_->shape, static_cast<int>(point), values));
        layout_->set_done(static_cast<int>(point));
        done_[static_cast<std::size_t>(point)] = true;
      });
  {
    h5::Lock lock;
    layout_->flush();
  }
  if (!journal_) {
    journal_ = SweepJournal::create(journal_path_, header_);
    note_ += (note_.empty() ? "" : " and ") + std::string("there is no journal: starting the sweep over");
    return;
  }
  note_ += (note_.empty() ? "" : "; ") + std::string("resuming: ") + std::to_string(points_done()) + " of " +
           std::to_string(done_.size()) + " points done, rebuilt from the journal";
}

void SweepWriter::write(const sweep::PointResult& result) {
  std::lock_guard guard(mutex_);
  if (finished_) throw std::logic_error("sweep writer: write() after finish()");
  // Points finish in parallel: the ones after a failed write report that
  // failure, so the sweep ends with it whichever thread's error wins.
  if (!failure_.empty()) throw std::runtime_error(failure_);
  if (!layout_ || !journal_) throw std::logic_error("sweep writer: write() with no file open");
  auto reject = [&](const std::string& what) {
    throw std::invalid_argument("sweep writer '" + target_.string() + "': point " +
                                std::to_string(result.point) + " " + what);
  };
  if (result.point < 0 || result.point >= static_cast<int>(done_.size())) reject("is out of range");
  if (done_[static_cast<std::size_t>(result.point)]) reject("was already stored");
  const sweep::PointShape& shape = layout_->shape;
  bool shaped = result.outcome.size() == shape.outcome_size() && result.stats.size() == shape.stats_size() &&
                result.timeseries.size() == shape.timeseries.size();
  for (std::size_t m = 0; shaped && m < shape.timeseries.size(); ++m)
    shaped = result.timeseries[m].size() == shape.timeseries_size(m);
  if (!shaped) reject("is shaped unlike the sweep");
  try {
    {
      h5::Lock lock;
      layout_->write_point(result);
      layout_->flush();
    }
    journal_->append(static_cast<std::uint64_t>(result.point), flatten(result));
    h5::Lock lock;
    layout_->mark_done(result.point);
  } catch (const h5::Error& e) {
    fail("cannot write sweep results '" + partial_.string() + "': " + e.what());
  } catch (const std::runtime_error& e) {  // the journal's
    fail(e.what());
  }
  done_[static_cast<std::size_t>(result.point)] = true;
}

void SweepWriter::fail(std::string why) {
  failure_ = std::move(why);
  h5::Lock lock;
  layout_.reset();  // the points stored so far stay in the journal for --resume
  throw std::runtime_error(failure_);
}

void SweepWriter::finish() {
  std::lock_guard guard(mutex_);
  if (finished_) throw std::logic_error("sweep writer: finish() called twice");
  const std::string where = "cannot finish sweep results '" + target_.string() + "': ";
  if (!failure_.empty()) throw std::runtime_error(failure_);
  if (!layout_) throw std::runtime_error(where + "an earlier attempt to finish failed");
  if (points_done() != static_cast<int>(done_.size()))
    throw std::runtime_error(where + std::to_string(done_.size() - static_cast<std::size_t>(points_done())) +
                             " points were never stored");
  try {
    h5::Lock lock;
    layout_->close();
    layout_.reset();
  } catch (const h5::Error& e) {
    layout_.reset();
    throw std::runtime_error(where + e.what());
  }
  sync_file(partial_);
  std::error_code error;
  fs::rename(partial_, target_, error);
  if (error)
    throw std::runtime_error(where + "cannot rename '" + partial_.string() + "' onto it: " + error.message());
  sync_directory_of(target_);
  // Only now: until the rename is durable, the journal can rebuild the file.
  journal_.reset();
  fs::remove(journal_path_, error);
  sync_directory_of(target_);
  finished_ = true;
}

}  // namespace score::output
