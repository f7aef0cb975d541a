// A sweep file's per-point variables: binding them, writing and reading
// one point, and the done flags that make an unfinished file resumable.
#include <cstring>

#include "output/hdf5_io.hpp"
#include "sim/metric_names.hpp"
#include "sim/summary.hpp"
#include "sweep_output/sweep_format.hpp"
#include "sweep_output/sweep_layout.hpp"

namespace score::output::detail {

namespace sf = sweep_format;

namespace {

std::string dims_text(const std::vector<hsize_t>& dims) {
  std::string out = "(";
  for (std::size_t i = 0; i < dims.size(); ++i) out += (i ? ", " : "") + std::to_string(dims[i]);
  return out + ")";
}

h5::Id open_shaped(hid_t file, const std::string& name, const std::vector<hsize_t>& dims) {
  if (!h5::has_dataset(file, name)) throw h5::Error("missing variable '" + name + "'");
  h5::Id dataset = h5::open_dataset(file, name);
  const auto actual = h5::shape(dataset.get());
  if (actual != dims)
    throw h5::Error("variable '" + name + "' is shaped " + dims_text(actual) + ", not " + dims_text(dims));
  return dataset;
}

// The block of point p in a variable whose first dimension is the point.
std::pair<std::vector<hsize_t>, std::vector<hsize_t>> point_block(hid_t dataset, int point) {
  std::vector<hsize_t> count = h5::shape(dataset);
  if (count.empty()) throw h5::Error("a per-point variable without dimensions");
  std::vector<hsize_t> start(count.size(), 0);
  start[0] = static_cast<hsize_t>(point);
  count[0] = 1;
  return {start, count};
}

void check_version(hid_t file) {
  if (!h5::has_attribute(file, sf::kVersionAttribute) ||
      h5::read_int_attribute(file, sf::kVersionAttribute) != sf::kVersion)
    throw h5::Error("not a sweep results file of layout version " + std::to_string(sf::kVersion));
}

// The name a file holds a metric's series under: its current name, or the
// old one of a file written before the metric was renamed; the current name
// when it holds neither (opening it then says what is missing).
std::string stored_name(hid_t file, sim::Metric metric) {
  const char* name = sim::info(metric).name;
  if (h5::has_dataset(file, name)) return name;
  for (const sim::MetricRename& rename : sim::metric_renames())
    if (rename.now == metric && h5::has_dataset(file, rename.old_name)) return rename.old_name;
  return name;
}

// Resuming gives a series stored under an old name its current name, so the
// finished file is named as one written now and the readers need no second
// way to find it.
std::string take_current_name(hid_t file, sim::Metric metric) {
  const std::string stored = stored_name(file, metric), name = sim::info(metric).name;
  if (stored != name)
    h5::check(H5Lmove(file, stored.c_str(), file, name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
              "rename '" + stored + "' to '" + name + "'");
  return name;
}

}  // namespace

void SweepLayout::bind(const sweep::Sweep& sweep, Access access) {
  shape = sweep::point_shape(sweep);
  points = sweep.points();
  const auto n = static_cast<hsize_t>(points), reps = static_cast<hsize_t>(shape.replications);
  const auto phases = static_cast<hsize_t>(shape.phases), summaries = static_cast<hsize_t>(sim::kSummaries);
  const hid_t root = file.get();
  outcome = open_shaped(root, sf::kOutcome, {n, reps, phases, summaries});
  stats =
      open_shaped(root, sf::kOutcomeStats, {n, phases, summaries, static_cast<hsize_t>(sweep::kStatistics)});
  done = open_shaped(root, sf::kDone, {n});
  timeseries.clear();
  for (const sim::Metric metric : shape.timeseries) {
    const auto& info = sim::info(metric);
    std::vector<hsize_t> dims{n, reps, static_cast<hsize_t>(shape.steps),
                              static_cast<hsize_t>(shape.countries)};
    if (info.axis != sim::Axis::none) dims.push_back(static_cast<hsize_t>(sim::axis_length(info.axis)));
    const std::string name =
        access == Access::read_write ? take_current_name(root, metric) : stored_name(root, metric);
    timeseries.push_back(open_shaped(root, name, dims));
  }
}

void SweepLayout::open(const std::filesystem::path& path, const sweep::Sweep& sweep, Access access) {
  const unsigned flags = access == Access::read_write ? H5F_ACC_RDWR : H5F_ACC_RDONLY;
  file = h5::Id(H5Fopen(path.c_str(), flags, H5P_DEFAULT), "open the unfinished file");
  h5::refuse_external(file.get());
  check_version(file.get());
  bind(sweep, access);
}

std::pair<std::string, std::string> SweepLayout::read_origin(const std::filesystem::path& path) {
  const h5::Id file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open the unfinished file");
  h5::refuse_external(file.get());
  check_version(file.get());
  return {h5::read_string_attribute(file.get(), "sweep_sha256"),
          h5::read_string_attribute(file.get(), "scenario_sha256")};
}

std::string SweepLayout::root_string(const char* name) const {
  return h5::read_string_attribute(file.get(), name);
}

void SweepLayout::write_point(const sweep::PointResult& result) {
  auto [start, count] = point_block(outcome.get(), result.point);
  h5::write_block(outcome.get(), start, count, result.outcome.data());
  std::tie(start, count) = point_block(stats.get(), result.point);
  h5::write_block(stats.get(), start, count, result.stats.data());
  for (std::size_t m = 0; m < timeseries.size(); ++m) {
    std::tie(start, count) = point_block(timeseries[m].get(), result.point);
    h5::write_block(timeseries[m].get(), start, count, result.timeseries[m].data());
  }
}

sweep::PointResult SweepLayout::read_point(int point) const {
  sweep::PointResult result;
  result.point = point;
  result.outcome.resize(shape.outcome_size());
  result.stats.resize(shape.stats_size());
  auto [start, count] = point_block(outcome.get(), point);
  h5::read_block(outcome.get(), start, count, result.outcome.data());
  std::tie(start, count) = point_block(stats.get(), point);
  h5::read_block(stats.get(), start, count, result.stats.data());
  for (std::size_t m = 0; m < timeseries.size(); ++m) {
    result.timeseries.emplace_back(shape.timeseries_size(m));
    std::tie(start, count) = point_block(timeseries[m].get(), point);
    h5::read_block(timeseries[m].get(), start, count, result.timeseries[m].data());
  }
  return result;
}

void SweepLayout::flush() { h5::check(H5Fflush(file.get(), H5F_SCOPE_LOCAL), "flush the file"); }

void SweepLayout::mark_done(int point) {
  flush();
  set_done(point);
  flush();
}

void SweepLayout::set_done(int point) {
  const hsize_t start = static_cast<hsize_t>(point), count = 1;
  h5::Id space(H5Dget_space(done.get()), "read the shape of 'done'");
  h5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &start, nullptr, &count, nullptr),
            "select a point");
  h5::Id memory(H5Screate_simple(1, &count, nullptr), "create a memory dataspace");
  const std::uint8_t one = 1;
  h5::check(H5Dwrite(done.get(), H5T_NATIVE_UINT8, memory.get(), space.get(), H5P_DEFAULT, &one),
            "mark a point done");
}

std::vector<std::uint8_t> SweepLayout::done_flags() const {
  std::vector<std::uint8_t> flags(static_cast<std::size_t>(points), 0);
  if (!flags.empty())
    h5::check(H5Dread(done.get(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, flags.data()),
              "read 'done'");
  return flags;
}

void SweepLayout::close() {
  outcome.reset();
  stats.reset();
  done.reset();
  timeseries.clear();
  if (file.valid()) {
    flush();
    file.close("close the file");
  }
}

}  // namespace score::output::detail
