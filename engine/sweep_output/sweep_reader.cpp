#include "sweep_output/sweep_reader.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "output/contained_read.hpp"
#include "output/hdf5_io.hpp"
#include "sim/summary.hpp"
#include "sweep_output/sweep_format.hpp"

namespace score::output {

namespace sf = sweep_format;

struct SweepFile::Handles {
  h5::Id file, stats;
};

namespace {

// Sanity bound on any coordinate read, far above a real sweep.
constexpr hsize_t kMaxLength = 100'000'000;
// Parameters and phases of a sweep: each point's outcomes are phases x
// summaries, so far fewer than the points themselves.
constexpr std::size_t kMaxCoordinate = 10'000;

std::runtime_error located(const std::filesystem::path& path, const std::string& what) {
  return std::runtime_error("sweep results file '" + path.string() + "': " + what);
}

// An integer attribute within [lo, hi]: larger counts are taken for damage,
// and refused before anything is allocated for them.
int bounded_attribute(hid_t file, const char* name, std::int64_t lo, std::int64_t hi) {
  const std::int64_t value = h5::read_int_attribute(file, name);
  if (value < lo || value > hi)
    throw h5::Error("attribute '" + std::string(name) + "' = " + std::to_string(value) + " is implausible");
  return static_cast<int>(value);
}

std::vector<std::string> strings_of(hid_t file, const char* name) {
  h5::Id dataset = h5::open_dataset(file, name);
  return h5::read_strings(dataset.get(), kMaxLength);
}

experiment::MorrisLayout read_morris(hid_t file, const SweepFileInfo& info) {
  experiment::MorrisLayout layout;
  h5::Id factor = h5::open_dataset(file, sf::kMorrisFactor), delta = h5::open_dataset(file, sf::kMorrisDelta);
  const auto dims = h5::shape(factor.get());
  if (dims.size() != 2 || dims[1] != info.parameters.size() || h5::shape(delta.get()) != dims ||
      dims[0] > static_cast<hsize_t>(info.points) ||
      dims[0] * (dims[1] + 1) != static_cast<hsize_t>(info.points))
    throw h5::Error("the Morris trajectories do not fit the design");
  layout.trajectories = static_cast<int>(dims[0]);
  layout.k = static_cast<int>(dims[1]);
  std::vector<double> f(dims[0] * dims[1]), d(f.size());
  h5::read_block(factor.get(), {0, 0}, dims, f.data());
  h5::read_block(delta.get(), {0, 0}, dims, d.data());
  for (std::size_t i = 0; i < f.size(); ++i) layout.steps.push_back({static_cast<int>(f[i]), d[i]});
  return layout;
}

void read_policies(hid_t file, SweepFileInfo& info) {
  info.policies = strings_of(file, sf::kPolicy);
  h5::Id dataset = h5::open_dataset(file, sf::kPointPolicy);
  const std::vector<double> of_point = h5::read_numbers(dataset.get(), kMaxLength);
  if (info.policies.empty() || info.policies.size() > kMaxCoordinate ||
      of_point.size() != static_cast<std::size_t>(info.points))
    throw h5::Error("'" + std::string(sf::kPointPolicy) + "' does not fit the points and policy options");
  for (const double p : of_point) {
    if (!(p >= 0 && p < static_cast<double>(info.policies.size())) || p != std::floor(p))
      throw h5::Error("'" + std::string(sf::kPointPolicy) + "' names a policy option that is not there");
    info.point_policy.push_back(static_cast<int>(p));
  }
}

SweepFileInfo read_info(hid_t file) {
  if (!h5::has_attribute(file, sf::kVersionAttribute))
    throw h5::Error("is not a sweep results file (no " + std::string(sf::kVersionAttribute) +
                    "; `score info` reads runs)");
  if (h5::read_int_attribute(file, sf::kVersionAttribute) > sf::kVersion)
    throw h5::Error("was written by a newer score (layout version " +
                    std::to_string(h5::read_int_attribute(file, sf::kVersionAttribute)) + ")");
  SweepFileInfo info;
  info.name = h5::read_string_attribute(file, "sweep_name");
  info.scenario_name = h5::read_string_attribute(file, "scenario_name");
  info.engine_version = h5::read_string_attribute(file, "engine_version");
  info.sweep_sha256 = h5::read_string_attribute(file, "sweep_sha256");
  const std::string method = h5::read_string_attribute(file, "design");
  const auto parsed = sweep::method_from_name(method);
  if (!parsed) throw h5::Error("unknown design '" + method + "'");
  info.method = *parsed;
  info.seed = h5::read_uint_attribute(file, "seed");
  info.points = bounded_attribute(file, "points", 1, sweep::kMaxPoints);
  info.replications = bounded_attribute(file, "replications", 1, sweep::kMaxReplications);
  info.parameters = strings_of(file, sf::kParameter);
  info.phases = strings_of(file, sf::kPhase);
  info.phase_names = strings_of(file, sf::kPhaseName);
  if (info.parameters.size() > kMaxCoordinate || info.phases.size() > kMaxCoordinate)
    throw h5::Error("has an implausible number of parameters or phases");
  const auto k = static_cast<int>(info.parameters.size());
  if (info.method == sweep::Method::saltelli)
    info.saltelli = {bounded_attribute(file, "saltelli_n", 1, sweep::kMaxPoints), k};
  if (info.method == sweep::Method::morris) info.morris = read_morris(file, info);
  if (h5::has_dataset(file, sf::kPointPolicy)) read_policies(file, info);
  return info;
}

void check_finished(hid_t file, const SweepFileInfo& info) {
  h5::Id done = h5::open_dataset(file, sf::kDone);
  if (h5::shape(done.get()) != std::vector<hsize_t>{static_cast<hsize_t>(info.points)})
    throw h5::Error("'done' does not have one flag per point");
  std::vector<std::uint8_t> flags(static_cast<std::size_t>(info.points));
  h5::check(H5Dread(done.get(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, flags.data()),
            "read 'done'");
  const auto missing = std::count(flags.begin(), flags.end(), std::uint8_t{0});
  if (missing > 0)
    throw h5::Error(std::to_string(missing) + " points were never stored (an unfinished sweep?)");
}

// The indices write_sensitivity can store (sweep_sensitivity_store.cpp).
constexpr const char* kIndices[] = {"first",    "first_lo", "first_hi", "total", "total_lo",
                                    "total_hi", "mu",       "mu_star",  "sigma"};

}  // namespace

void SweepFile::read_everything(const std::filesystem::path& path) {
  read_contained("sweep results file", path, [&] {
    const SweepFile file(path, Unchecked{});
    for (int s = 0; s < sweep::kStatistics; ++s) file.statistic(static_cast<sweep::Statistic>(s));
    file.design();
    for (const char* index : kIndices) file.sensitivity(index);
  });
}

SweepFile::SweepFile(const std::filesystem::path& path)
    : SweepFile(checked(path, &SweepFile::read_everything), Unchecked{}) {}

SweepFile::SweepFile(const std::filesystem::path& path, Unchecked)
    : path_(path), handles_(std::make_unique<Handles>()) {
  h5::Lock lock;
  try {
    handles_->file = h5::open_read_only(path);
    info_ = read_info(handles_->file.get());
    check_finished(handles_->file.get(), info_);
    handles_->stats = h5::open_dataset(handles_->file.get(), sf::kOutcomeStats);
    const std::vector<hsize_t> expected{static_cast<hsize_t>(info_.points), info_.phases.size(),
                                        static_cast<hsize_t>(sim::kSummaries),
                                        static_cast<hsize_t>(sweep::kStatistics)};
    if (h5::shape(handles_->stats.get()) != expected)
      throw h5::Error("'" + std::string(sf::kOutcomeStats) + "' is shaped unlike its coordinates");
  } catch (const h5::Error& e) {
    handles_.reset();
    throw located(path, e.what());
  }
}

SweepFile::~SweepFile() {
  h5::Lock lock;
  handles_.reset();
}

sweep::OutcomeTable SweepFile::statistic(sweep::Statistic which) const {
  h5::Lock lock;
  sweep::OutcomeTable table;
  table.points = info_.points;
  table.phases = static_cast<int>(info_.phases.size());
  const std::vector<hsize_t> start{0, 0, 0, static_cast<hsize_t>(which)};
  const std::vector<hsize_t> count{static_cast<hsize_t>(table.points), static_cast<hsize_t>(table.phases),
                                   static_cast<hsize_t>(sim::kSummaries), 1};
  table.values.resize(static_cast<std::size_t>(table.points) * table.phases * sim::kSummaries);
  try {
    h5::read_block(handles_->stats.get(), start, count, table.values.data());
  } catch (const h5::Error& e) {
    throw located(path_, e.what());
  }
  return table;
}

std::vector<double> SweepFile::design() const {
  h5::Lock lock;
  try {
    h5::Id dataset = h5::open_dataset(handles_->file.get(), sf::kDesign);
    const std::vector<hsize_t> dims{static_cast<hsize_t>(info_.points), info_.parameters.size()};
    if (h5::shape(dataset.get()) != dims) throw h5::Error("'design' is shaped unlike its coordinates");
    std::vector<double> values(static_cast<std::size_t>(dims[0] * dims[1]));
    h5::read_block(dataset.get(), {0, 0}, dims, values.data());
    return values;
  } catch (const h5::Error& e) {
    throw located(path_, e.what());
  }
}

std::vector<double> SweepFile::outcome(int point) const {
  h5::Lock lock;
  try {
    h5::Id dataset = h5::open_dataset(handles_->file.get(), sf::kOutcome);
    const std::vector<hsize_t> dims{static_cast<hsize_t>(info_.points),
                                    static_cast<hsize_t>(info_.replications), info_.phases.size(),
                                    static_cast<hsize_t>(sim::kSummaries)};
    if (h5::shape(dataset.get()) != dims) throw h5::Error("'outcome' is shaped unlike its coordinates");
    std::vector<double> values(static_cast<std::size_t>(dims[1] * dims[2] * dims[3]));
    h5::read_block(dataset.get(), {static_cast<hsize_t>(point), 0, 0, 0}, {1, dims[1], dims[2], dims[3]},
                   values.data());
    return values;
  } catch (const h5::Error& e) {
    throw located(path_, e.what());
  }
}

std::vector<double> SweepFile::sensitivity(const std::string& index) const {
  h5::Lock lock;
  const std::string name = sf::sensitivity_variable(index);
  try {
    if (!h5::has_dataset(handles_->file.get(), name)) return {};
    h5::Id dataset = h5::open_dataset(handles_->file.get(), name);
    const std::vector<hsize_t> dims{info_.phases.size(), static_cast<hsize_t>(sim::kSummaries),
                                    info_.parameters.size()};
    if (h5::shape(dataset.get()) != dims) throw h5::Error("'" + name + "' is shaped unlike its coordinates");
    std::vector<double> values(static_cast<std::size_t>(dims[0] * dims[1] * dims[2]));
    h5::read_block(dataset.get(), {0, 0, 0}, dims, values.data());
    return values;
  } catch (const h5::Error& e) {
    throw located(path_, e.what());
  }
}

}  // namespace score::output
