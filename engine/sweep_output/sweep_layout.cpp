#include "sweep_output/sweep_layout.hpp"

#include <algorithm>
#include <array>
#include <ctime>

#include "core/statistics.hpp"
#include "output/format.hpp"
#include "output/hdf5_io.hpp"
#include "sim/summary.hpp"
#include "sweep_output/sweep_format.hpp"

namespace score::output::detail {

using h5::describe;
using h5::float_dcpl;
using h5::now_utc;
using h5::string_scale;
using h5::strings_along;

namespace sf = sweep_format;

namespace {
// A time-series chunk holds about 1 MiB, as in run files.
constexpr hsize_t kChunkValues = 1 << 17;

h5::Id index_scale(hid_t file, const char* name, hsize_t length, const std::string& long_name) {
  std::vector<std::int64_t> values(length);
  for (hsize_t i = 0; i < length; ++i) values[i] = static_cast<std::int64_t>(i);
  h5::Id scale = h5::write_integers(file, name, values);
  h5::make_scale(scale.get(), name);
  describe(scale.get(), "1", long_name);
  return scale;
}

h5::Id write_doubles(hid_t file, const std::string& name, const std::vector<hsize_t>& dims,
                     const std::vector<double>& values) {
  h5::Id dataset = h5::create_dataset(file, name, H5T_IEEE_F64LE, dims);
  h5::write_block(dataset.get(), std::vector<hsize_t>(dims.size(), 0), dims, values.data());
  return dataset;
}

// The scales of a file being created, by dimension name.
struct Scales {
  h5::Id point, parameter, replication, phase, summary, statistic, time, country;
  std::vector<h5::Id> axes;  // by sim::Axis; [none] stays empty
};

void write_root_attributes(hid_t root, const sweep::Sweep& sweep, const std::string& engine_version) {
  const sweep::SweepSpec& spec = sweep.spec;
  h5::write_string_attribute(root, "title", "SCORE parameter sweep: " + spec.name);
  h5::write_string_attribute(root, "Conventions", "CF-1.8");
  h5::write_string_attribute(root, "history", now_utc() + " created by score " + engine_version);
  h5::write_string_attribute(root, "source", "score " + engine_version);
  h5::write_int_attribute(root, sf::kVersionAttribute, sf::kVersion);
  h5::write_string_attribute(root, "sweep_name", spec.name);
  h5::write_string_attribute(root, "sweep_file", spec.file.filename().string());
  h5::write_string_attribute(root, "sweep_toml", spec.text);
  h5::write_string_attribute(root, "sweep_sha256", spec.sha256);
  h5::write_string_attribute(root, "design", sweep::method_name(spec.method));
  h5::write_uint_attribute(root, "seed", spec.seed);
  h5::write_int_attribute(root, "replications", spec.replications);
  h5::write_int_attribute(root, "points", sweep.points());
  h5::write_int_attribute(root, "levels", spec.levels);
  h5::write_int_attribute(root, "saltelli_n", sweep.design.saltelli.n);
  h5::write_int_attribute(root, "morris_trajectories", sweep.design.morris.trajectories);
  h5::write_string_attribute(root, "scenario_name", sweep.base.model.name);
  h5::write_string_attribute(root, "scenario_toml", sweep.base_toml);
  h5::write_string_attribute(root, "scenario_sha256", sweep.base.document.sha256);
  h5::write_string_attribute(root, "engine_version", engine_version);
  h5::write_int_attribute(root, "steps", sweep.base.model.steps);
  h5::write_string_attribute(root, "start", format_year_month(sweep.base.model.start));
}

Scales write_coordinates(hid_t root, const sweep::Sweep& sweep) {
  const model::Description& m = sweep.base.model;
  Scales s;
  s.point = index_scale(root, sf::kPoint, static_cast<hsize_t>(sweep.points()), "design point");
  std::vector<std::string> keys;
  std::vector<double> lo, hi;
  for (const auto& p : sweep.spec.parameters) {
    keys.push_back(p.key);
    const auto& levels = p.factor.levels;
    lo.push_back(levels.empty() ? p.factor.lo : *std::min_element(levels.begin(), levels.end()));
    hi.push_back(levels.empty() ? p.factor.hi : *std::max_element(levels.begin(), levels.end()));
  }
  s.parameter = string_scale(root, sf::kParameter, keys, "scenario key varied by the sweep");
  const auto k = static_cast<hsize_t>(keys.size());
  for (const auto& [name, values] : {std::pair{sf::kParameterLo, &lo}, std::pair{sf::kParameterHi, &hi}}) {
    h5::Id v = write_doubles(root, name, {k}, *values);
    h5::attach_scales(v.get(), {s.parameter.get()});
    describe(v.get(), "", name == sf::kParameterLo ? "lowest value swept" : "highest value swept");
  }
  s.replication = index_scale(root, sf::kReplication, static_cast<hsize_t>(sweep.spec.replications),
                              "replication: an independent run with its own random stream");
  std::vector<std::string> ids, names, starts, ends;
  for (const auto& p : m.phases) {
    ids.push_back(p.id);
    names.push_back(p.name);
    starts.push_back(format_year_month(p.start));
    ends.push_back(format_year_month(p.end));
  }
  s.phase = string_scale(root, sf::kPhase, ids, "programme phase identifier");
  strings_along(root, s.phase.get(), sf::kPhaseName, names, "programme phase name");
  strings_along(root, s.phase.get(), format::kPhaseStart, starts, "first month of the phase (YYYY-MM)");
  strings_along(root, s.phase.get(), format::kPhaseEnd, ends, "last month of the phase, inclusive (YYYY-MM)");
  std::vector<std::string> summaries, units, long_names;
  for (const auto& info : sim::summary_catalogue()) {
    summaries.emplace_back(info.name);
    units.emplace_back(info.units);
    long_names.emplace_back(info.long_name);
  }
  s.summary = string_scale(root, sf::kSummary, summaries, "phase summary (all countries)");
  strings_along(root, s.summary.get(), sf::kSummaryUnits, units, "units of the summary");
  strings_along(root, s.summary.get(), sf::kSummaryLongName, long_names, "meaning of the summary");
  std::vector<std::string> statistics;
  for (int i = 0; i < sweep::kStatistics; ++i)
    statistics.emplace_back(sweep::statistic_name(static_cast<sweep::Statistic>(i)));
  s.statistic =
      string_scale(root, sf::kStatistic, statistics,
                   "statistic across a point's replications (NaN left out; sd with n - 1; percentiles "
                   "interpolate linearly between closest ranks)");
  return s;
}

void write_time_coordinates(hid_t root, const model::Description& m, Scales& s) {
  std::vector<std::int64_t> days;
  for (int t = 0; t < m.steps; ++t) days.push_back(days_between(m.start, m.start.plus(t)));
  s.time = h5::write_integers(root, sf::kTime, days);
  h5::make_scale(s.time.get(), sf::kTime);
  describe(s.time.get(), "days since " + format_year_month(m.start) + "-01",
           "first day of the simulated month");
  h5::write_string_attribute(s.time.get(), "calendar", "standard");
  h5::write_string_attribute(s.time.get(), "axis", "T");
  std::vector<std::string> ids, names;
  for (const auto& c : m.countries) {
    ids.push_back(c.id);
    names.push_back(c.name);
  }
  s.country = string_scale(root, sf::kCountry, ids, "country identifier");
  strings_along(root, s.country.get(), sf::kCountryName, names, "country name");
}

// Policy sweeps: the options along a `policy` dimension, with what each
// sets, and each point's option.
void write_policies(hid_t root, const sweep::Sweep& sweep, const Scales& s) {
  std::vector<std::string> names, settings;
  for (const sweep::Policy& p : sweep.spec.policies) {
    names.push_back(p.name);
    std::string text = p.scenario.empty() ? std::string() : "scenario " + p.scenario.filename().string();
    for (const auto& set : p.set) text += (text.empty() ? "" : "; ") + set;
    settings.push_back(text.empty() ? "the base scenario" : text);
  }
  h5::Id policy = string_scale(root, sf::kPolicy, names, "policy option");
  strings_along(root, policy.get(), sf::kPolicySettings, settings,
                "what the option changes in the base scenario");
  std::vector<std::int64_t> of_point(sweep.design.policy.begin(), sweep.design.policy.end());
  h5::Id points = h5::write_integers(root, sf::kPointPolicy, of_point);
  h5::attach_scales(points.get(), {s.point.get()});
  describe(points.get(), "",
           "index along policy of the option the point runs (point = option * uncertain_points + u)");
  h5::write_int_attribute(root, "uncertain_points", sweep.design.uncertain);
}

void write_design(hid_t root, const sweep::Sweep& sweep, const Scales& s) {
  const auto points = static_cast<hsize_t>(sweep.points());
  const auto k = static_cast<hsize_t>(sweep.spec.parameters.size());
  std::vector<double> values;
  values.reserve(points * k);
  for (const auto& row : sweep.design.values) values.insert(values.end(), row.begin(), row.end());
  h5::Id design = write_doubles(root, sf::kDesign, {points, k}, values);
  h5::attach_scales(design.get(), {s.point.get(), s.parameter.get()});
  describe(design.get(), "", "parameter values of each point, in the scenario keys' units");
  std::vector<std::int64_t> seeds(sweep.design.seeds.begin(), sweep.design.seeds.end());
  h5::Id seed = h5::write_integers(root, sf::kPointSeed, seeds);
  h5::attach_scales(seed.get(), {s.point.get()});
  describe(seed.get(), "",
           "run.seed of the point's replications: a hash of the sweep seed and the point index");
  if (!sweep.design.policy.empty()) write_policies(root, sweep, s);
  const auto& morris = sweep.design.morris;
  if (sweep.spec.method != sweep::Method::morris) return;
  const auto t = static_cast<hsize_t>(morris.trajectories), steps = static_cast<hsize_t>(morris.k);
  h5::Id trajectory = index_scale(root, sf::kTrajectory, t, "Morris trajectory");
  h5::Id step = index_scale(root, sf::kStep, steps, "step of a Morris trajectory");
  std::vector<double> factor, delta;
  for (const auto& st : morris.steps) {
    factor.push_back(st.factor);
    delta.push_back(st.delta);
  }
  h5::Id f = write_doubles(root, sf::kMorrisFactor, {t, steps}, factor);
  h5::Id d = write_doubles(root, sf::kMorrisDelta, {t, steps}, delta);
  for (const h5::Id* v : {&f, &d}) h5::attach_scales(v->get(), {trajectory.get(), step.get()});
  describe(f.get(), "", "parameter index changed by the step (point row(t, s) to row(t, s + 1))");
  describe(d.get(), "1", "signed change of the parameter in unit-cube terms");
}

// The per-point variables, empty (NaN; done 0) until points are stored.
void create_point_variables(hid_t root, const sweep::PointShape& shape, hsize_t n, const Scales& s) {
  const auto reps = static_cast<hsize_t>(shape.replications), phases = static_cast<hsize_t>(shape.phases);
  const auto summaries = static_cast<hsize_t>(sim::kSummaries),
             stats = static_cast<hsize_t>(sweep::kStatistics);
  const std::string coordinates =
      std::string(sf::kPhaseName) + " " + sf::kSummaryUnits + " " + sf::kSummaryLongName;
  struct Variable {
    const char* name;
    std::vector<hsize_t> dims;
    std::vector<hid_t> scales;
    const char* long_name;
  };
  const std::array<Variable, 2> variables{{
      {sf::kOutcome,
       {n, reps, phases, summaries},
       {s.point.get(), s.replication.get(), s.phase.get(), s.summary.get()},
       "phase summaries, all countries (units: summary_units)"},
      {sf::kOutcomeStats,
       {n, phases, summaries, stats},
       {s.point.get(), s.phase.get(), s.summary.get(), s.statistic.get()},
       "statistics of the phase summaries across the point's replications"},
  }};
  for (const Variable& v : variables) {
    std::vector<hsize_t> chunk = v.dims;
    chunk[0] = 1;  // one point per chunk: a point is written, and read back, at once
    h5::Id dcpl = float_dcpl(chunk, 0);
    h5::Id dataset = h5::create_dataset(root, v.name, H5T_IEEE_F64LE, v.dims, dcpl.get());
    h5::attach_scales(dataset.get(), v.scales);
    describe(dataset.get(), "", v.long_name);
    h5::write_double_attribute(dataset.get(), "_FillValue", kNaN);
    h5::write_string_attribute(dataset.get(), "coordinates", coordinates);
  }
  h5::Id done_dcpl(H5Pcreate(H5P_DATASET_CREATE), "create dataset properties");
  const std::uint8_t zero = 0;
  h5::check(H5Pset_fill_value(done_dcpl.get(), H5T_NATIVE_UINT8, &zero), "set the fill value");
  h5::check(H5Pset_alloc_time(done_dcpl.get(), H5D_ALLOC_TIME_EARLY), "allocate early");
  h5::Id done = h5::create_dataset(root, sf::kDone, H5T_STD_U8LE, {n}, done_dcpl.get());
  h5::attach_scales(done.get(), {s.point.get()});
  describe(done.get(), "1", "1 once the point's values are stored (always 1 in a finished file)");
}

void create_timeseries(hid_t root, const sweep::PointShape& shape, hsize_t n, Scales& s) {
  const auto reps = static_cast<hsize_t>(shape.replications);
  const auto steps = static_cast<hsize_t>(shape.steps), countries = static_cast<hsize_t>(shape.countries);
  for (const sim::Metric metric : shape.timeseries) {
    const auto& info = sim::info(metric);
    const auto length = static_cast<hsize_t>(sim::axis_length(info.axis));
    const hsize_t reps_chunk = std::clamp<hsize_t>(kChunkValues / (steps * countries * length), 1, reps);
    std::vector<hsize_t> dims{n, reps, steps, countries}, chunk{1, reps_chunk, steps, countries};
    std::vector<hid_t> scales{s.point.get(), s.replication.get(), s.time.get(), s.country.get()};
    if (info.axis != sim::Axis::none) {
      const auto a = static_cast<std::size_t>(info.axis);
      if (s.axes.size() <= a) s.axes.resize(a + 1);
      if (!s.axes[a].valid())
        s.axes[a] = string_scale(root, sim::axis_name(info.axis), sim::axis_labels(info.axis),
                                 sim::axis_name(info.axis));
      dims.push_back(length);
      chunk.push_back(length);
      scales.push_back(s.axes[a].get());
    }
    h5::Id dcpl = float_dcpl(chunk, 1);
    h5::Id ts = h5::create_dataset(root, info.name, H5T_IEEE_F64LE, dims, dcpl.get());
    h5::attach_scales(ts.get(), scales);
    describe(ts.get(), info.units, info.long_name);
    h5::write_double_attribute(ts.get(), "_FillValue", kNaN);
    h5::write_string_attribute(ts.get(), "coordinates", sf::kCountryName);
  }
}

}  // namespace

void SweepLayout::create(const std::filesystem::path& path, const sweep::Sweep& sweep,
                         const std::string& engine_version) {
  // As run files: creation order tracked (netCDF-4 expects it), HDF5 1.8 format.
  h5::Id fcpl(H5Pcreate(H5P_FILE_CREATE), "create file properties");
  const unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  h5::check(H5Pset_link_creation_order(fcpl.get(), order), "track link order");
  h5::check(H5Pset_attr_creation_order(fcpl.get(), order), "track attribute order");
  h5::Id fapl(H5Pcreate(H5P_FILE_ACCESS), "create file access properties");
  h5::check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18), "choose the file format");
  file = h5::Id(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), "create the file");
  const hid_t root = file.get();
  write_root_attributes(root, sweep, engine_version);
  Scales s = write_coordinates(root, sweep);
  write_design(root, sweep, s);
  const sweep::PointShape point_shape = sweep::point_shape(sweep);
  const auto n = static_cast<hsize_t>(sweep.points());
  create_point_variables(root, point_shape, n, s);
  if (!point_shape.timeseries.empty()) write_time_coordinates(root, sweep.base.model, s);
  create_timeseries(root, point_shape, n, s);
  h5::check(H5Fflush(root, H5F_SCOPE_LOCAL), "flush the file");
  bind(sweep, Access::read_write);
}

}  // namespace score::output::detail
