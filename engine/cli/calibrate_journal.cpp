#include "cli/calibrate_journal.hpp"

#include <map>
#include <stdexcept>

#include "scenario/diagnostic.hpp"

namespace score::cli {
namespace {

namespace fs = std::filesystem;

// Records: a particle at (generation << 32 | particle), a generation's
// diagnostics at (generation << 32 | kSummary), written after its particles,
// so a generation counts as complete once its diagnostics are there.
constexpr std::uint64_t kSummary = 0xFFFFFFFFull;
constexpr std::uint64_t kRecords = std::uint64_t{1} << 62;

std::uint64_t record_id(int generation, std::uint64_t slot) {
  return (static_cast<std::uint64_t>(generation) << 32) | slot;
}

}  // namespace

fs::path CalibrationJournal::path_for(const fs::path& target) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "." + string.
  std::string name = ".";
  name += target.filename().string();
  name += ".journal";
  return target.parent_path() / name;
}

CalibrationJournal::CalibrationJournal(const fs::path& target, const std::string& sha256,
                                       std::size_t parameters, std::size_t values, bool resume)
    : path_(path_for(target)), parameters_(parameters), values_(values) {
  const output::JournalHeader header{sha256, kRecords, 2 * parameters + 2 + values};
  if (!resume) {
    if (fs::exists(path_))
      throw scenario::ScenarioError(
          {{path_.string(), 0, 0, "",
            "an unfinished calibration to " + target.string() +
                " is there; add --resume to finish it, or delete this file to start over"}});
    journal_ = output::SweepJournal::create(path_, header);
    return;
  }
  output::JournalHeader found;
  std::map<std::uint64_t, std::vector<double>> records;
  journal_ = output::SweepJournal::open(path_, found, [&](std::uint64_t id, std::span<const double> v) {
    records[id].assign(v.begin(), v.end());
  });
  if (journal_ && !(found == header))
    throw scenario::ScenarioError(
        {{path_.string(), 0, 0, "",
          "cannot resume: written for other inputs (the calibration, targets or scenario "
          "file changed); restore them, or delete this file to start over"}});
  if (!journal_) {
    journal_ = output::SweepJournal::create(path_, header);
    return;
  }
  for (int g = 0;; ++g) {
    const auto summary = records.find(record_id(g, kSummary));
    if (summary == records.end()) break;
    calibrate::Generation gen;
    gen.index = g;
    gen.tolerance = summary->second[0];
    gen.attempts = static_cast<std::int64_t>(summary->second[1]);
    gen.simulations = static_cast<std::int64_t>(summary->second[2]);
    const auto count = static_cast<std::uint64_t>(summary->second[3]);
    if (summary->second.size() > 4) gen.moved = static_cast<std::int64_t>(summary->second[4]);
    for (std::uint64_t i = 0; i < count; ++i) {
      const std::vector<double>& v = records.at(record_id(g, i));
      calibrate::Particle p;
      const auto k = static_cast<std::ptrdiff_t>(parameters_);
      p.unit.assign(v.begin(), v.begin() + k);
      p.theta.assign(v.begin() + k, v.begin() + 2 * k);
      p.weight = v[2 * parameters_];
      p.distance = v[2 * parameters_ + 1];
      p.values.assign(v.begin() + 2 * k + 2, v.end());
      gen.particles.push_back(std::move(p));
    }
    done_.push_back(std::move(gen));
  }
}

void CalibrationJournal::append(const calibrate::Generation& g) {
  std::vector<double> v;
  for (std::size_t i = 0; i < g.particles.size(); ++i) {
    const calibrate::Particle& p = g.particles[i];
    v = p.unit;
    v.insert(v.end(), p.theta.begin(), p.theta.end());
    v.push_back(p.weight);
    v.push_back(p.distance);
    v.insert(v.end(), p.values.begin(), p.values.end());
    journal_->append(record_id(g.index, i), v);
  }
  v.assign(2 * parameters_ + 2 + values_, 0.0);
  v[0] = g.tolerance;
  v[1] = static_cast<double>(g.attempts);
  v[2] = static_cast<double>(g.simulations);
  v[3] = static_cast<double>(g.particles.size());
  if (v.size() > 4) v[4] = static_cast<double>(g.moved);
  journal_->append(record_id(g.index, kSummary), v);
}

void CalibrationJournal::remove() {
  journal_->close();
  std::error_code ignored;
  fs::remove(path_, ignored);
}

}  // namespace score::cli
