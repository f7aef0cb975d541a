#include "output/results_layout.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <span>
#include <string>

#include "core/statistics.hpp"
#include "core/threads.hpp"
#include "output/ensemble_draws_io.hpp"
#include "output/format.hpp"
#include "output/hdf5_io.hpp"
#include "output/statistics.hpp"

namespace score::output::detail {

using h5::describe;
using h5::float_dcpl;
using h5::now_utc;
using h5::string_scale;
using h5::strings_along;

namespace {
// A chunk of a time series holds about 1 MiB: big enough to compress well,
// small enough for HDF5's default chunk cache.
constexpr hsize_t kChunkValues = 1 << 17;
// A chunk of a phase summary holds the rows of many replications, at most
// 256 KiB of them: its chunks stay in HDF5's chunk cache until the file
// closes, which writes each in one go. With a chunk a replication (576 bytes
// for the history) the close made about 1,800 writes for 20 replications,
// and the statistics read as many chunks back.
constexpr hsize_t kSummaryChunkValues = 1 << 15;

hsize_t summary_chunk_rows(hsize_t replications, hsize_t row_values) {
  return std::clamp<hsize_t>(kSummaryChunkValues / std::max<hsize_t>(row_values, 1), 1,
                             std::max<hsize_t>(replications, 1));
}

void describe_float(hid_t dataset, const std::string& units, const std::string& long_name,
                    const std::string& coordinates) {
  describe(dataset, units, long_name);
  h5::write_double_attribute(dataset, "_FillValue", kNaN);
  h5::write_string_attribute(dataset, "coordinates", coordinates);
}

hsize_t product(const std::vector<hsize_t>& dims, std::size_t from = 0) {
  hsize_t n = 1;
  for (std::size_t i = from; i < dims.size(); ++i) n *= dims[i];
  return n;
}

// The block of a variable shaped (replication, ...) read at once for its
// statistics: all replications, and of the other dimensions as much as fits
// `budget` values, innermost first (one cell at least).
std::vector<hsize_t> statistics_block(const std::vector<hsize_t>& dims, hsize_t budget) {
  std::vector<hsize_t> block(dims);
  hsize_t size = dims[0];
  for (std::size_t i = dims.size() - 1; i >= 1; --i) {
    if (size * dims[i] <= budget) {
      size *= dims[i];
      continue;
    }
    block[i] = std::max<hsize_t>(1, budget / size);
    for (std::size_t j = 1; j < i; ++j) block[j] = 1;
    break;
  }
  return block;
}

// Writes the statistics of `source` (replication, ...) into `target`
// (statistic, ...), reading blocks of about `budget` values.
void fill_statistics(hid_t source, hid_t target, hsize_t budget) {
  const auto dims = h5::shape(source);
  const auto block = statistics_block(dims, budget);
  std::vector<hsize_t> start(dims.size(), 0);
  std::vector<double> values, stats;
  while (true) {
    std::vector<hsize_t> count(dims.size());
    for (std::size_t i = 0; i < dims.size(); ++i) count[i] = std::min(block[i], dims[i] - start[i]);
    values.resize(product(count));
    h5::read_block(source, start, count, values.data());
    stats.resize(values.size() / dims[0] * kStatistics);
    blocks_statistics(std::array{StatisticsBlock{values, stats}}, dims[0]);
    auto out_count = count;
    out_count[0] = kStatistics;
    h5::write_block(target, start, out_count, stats.data());
    // Next block: an odometer over the dimensions after the replication.
    std::size_t i = dims.size() - 1;
    for (; i >= 1; --i) {
      start[i] += block[i];
      if (start[i] < dims[i]) break;
      start[i] = 0;
    }
    if (i == 0) return;
  }
}
}  // namespace

void ResultsLayout::create(const std::filesystem::path& path, const RunInfo& info) {
  // Creation order tracked, as netCDF-4 expects; the 1.8 file format keeps the
  // file readable by every HDF5 since and lets attributes grow past 64 KiB.
  h5::Id fcpl(H5Pcreate(H5P_FILE_CREATE), "create file properties");
  const unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  h5::check(H5Pset_link_creation_order(fcpl.get(), order), "track link order");
  h5::check(H5Pset_attr_creation_order(fcpl.get(), order), "track attribute order");
  h5::Id fapl(H5Pcreate(H5P_FILE_ACCESS), "create file access properties");
  h5::check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18), "choose the file format");
  file = h5::Id(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), "create the file");
  write_root_attributes(info);
  write_coordinates(info);
  attachments.flush();  // the ensemble's and the funder ledger's variables attach through H5DS
  if (info.ensemble) write_ensemble_draws(file.get(), replication.get(), info);
  create_metrics(info);
  create_summaries(info);
  attachments.flush();
  funder_ledger = create_funder_ledger(file.get(), replication.get(), phase.get(), info);
  if (info.replications > 1) {
    // Where finish() made them before, after everything above: the file's
    // creation order, and so its listing, is as it was.
    create_statistics();
    attachments.flush();
  }
}

void ResultsLayout::write_root_attributes(const RunInfo& info) {
  const hid_t root = file.get();
  h5::write_string_attribute(root, "title", "SCORE programme simulation: " + info.scenario_name);
  h5::write_string_attribute(root, "Conventions", "CF-1.8");
  h5::write_string_attribute(root, "history", now_utc() + " created by score " + info.engine_version);
  h5::write_string_attribute(root, "source", "score " + info.engine_version);
  h5::write_int_attribute(root, format::kVersionAttribute, format::kVersion);
  h5::write_string_attribute(root, "scenario_name", info.scenario_name);
  h5::write_string_attribute(root, "scenario_sha256", info.scenario_sha256);
  h5::write_string_attribute(root, "scenario_toml", info.scenario_toml);
  std::string overrides;  // one per line
  for (const std::string& o : info.scenario_overrides) overrides += (overrides.empty() ? "" : "\n") + o;
  h5::write_string_attribute(root, "scenario_overrides", overrides);
  h5::write_string_attribute(root, "engine_version", info.engine_version);
  h5::write_uint_attribute(root, "seed", info.seed);
  h5::write_int_attribute(root, "replications", info.replications);
  h5::write_int_attribute(root, "steps", info.steps);
  h5::write_string_attribute(root, "start", format_year_month(info.start));
}

void ResultsLayout::write_coordinates(const RunInfo& info) {
  const hid_t root = file.get();
  time = h5::write_integers(root, format::kTime, time_days(info));
  h5::make_scale(time.get(), format::kTime);
  describe(time.get(), "days since " + format_year_month(info.start) + "-01",
           "first day of the simulated month");
  h5::write_string_attribute(time.get(), "calendar", "standard");
  h5::write_string_attribute(time.get(), "standard_name", "time");
  h5::write_string_attribute(time.get(), "axis", "T");

  country = string_scale(root, format::kCountry, info.country_ids, "country identifier");
  strings_along(root, country.get(), format::kCountryName, info.country_names, "country name");

  std::vector<std::int64_t> replications;
  for (int r = 0; r < info.replications; ++r) replications.push_back(r);
  replication = h5::write_integers(root, format::kReplication, replications);
  h5::make_scale(replication.get(), format::kReplication);
  describe(replication.get(), "1", "replication: an independent run with its own random stream");

  const std::array<std::pair<sim::Axis, const char*>, 3> extra{{
      {sim::Axis::module, "SCORE training module"},
      {sim::Axis::source, "source paying for delivery"},
      {sim::Axis::indicator, "enterprise performance indicator"},
  }};
  for (const auto& [axis, long_name] : extra)
    axes[static_cast<std::size_t>(axis)] =
        string_scale(root, sim::axis_name(axis), sim::axis_labels(axis), long_name);

  const PhaseColumns phases = phase_columns(info);
  phase = string_scale(root, format::kPhase, phases.ids, "programme phase identifier");
  strings_along(root, phase.get(), format::kPhaseName, phases.names, "programme phase name");
  strings_along(root, phase.get(), format::kPhaseStart, phases.starts, "first month of the phase (YYYY-MM)");
  strings_along(root, phase.get(), format::kPhaseEnd, phases.ends,
                "last month of the phase, inclusive (YYYY-MM)");

  if (info.replications > 1) {
    const auto& labels = statistic_names();
    statistic = string_scale(root, format::kStatistic, {labels.begin(), labels.end()},
                             "statistic across replications (NaN left out; percentiles interpolate "
                             "linearly between closest ranks)");
  }
}

void ResultsLayout::create_metrics(const RunInfo& info) {
  const auto countries = static_cast<hsize_t>(info.country_ids.size());
  const auto steps = static_cast<hsize_t>(info.steps);
  for (int m = 0; m < sim::kMetrics; ++m) {
    const auto& metric = sim::metric_catalogue()[m];
    const auto length = static_cast<hsize_t>(sim::axis_length(metric.axis));
    const hsize_t chunk_t = std::clamp<hsize_t>(kChunkValues / (countries * length), 1, steps);
    chunk_steps.push_back(chunk_t);
    std::vector<hsize_t> dims{static_cast<hsize_t>(info.replications), steps, countries};
    std::vector<hsize_t> chunk{1, chunk_t, countries};
    std::vector<hid_t> scales{replication.get(), time.get(), country.get()};
    if (metric.axis != sim::Axis::none) {
      dims.push_back(length);
      chunk.push_back(length);
      scales.push_back(axis(metric.axis));
    }
    h5::Id dcpl = float_dcpl(chunk, deflate_level);
    auto& dataset = metrics[static_cast<std::size_t>(m)];
    dataset = h5::create_dataset(file.get(), metric.name, H5T_IEEE_F64LE, dims, dcpl.get());
    attachments.attach(dataset.get(), scales);
    describe_float(dataset.get(), metric.units, metric.long_name, format::kCountryName);
    h5::write_string_attribute(dataset.get(), "kind", kind_name(metric.kind));
  }
}

void ResultsLayout::create_summaries(const RunInfo& info) {
  const auto countries = static_cast<hsize_t>(info.country_ids.size());
  const auto phases = static_cast<hsize_t>(info.phases.size());
  const auto reps = static_cast<hsize_t>(info.replications);
  const std::string phase_coordinates =
      std::string(format::kPhaseName) + " " + format::kPhaseStart + " " + format::kPhaseEnd;
  h5::Id per_country = float_dcpl({summary_chunk_rows(reps, phases * countries), phases, countries}, 0);
  h5::Id total = float_dcpl({summary_chunk_rows(reps, phases), phases}, 0);
  for (int s = 0; s < sim::kSummaries; ++s) {
    const auto& summary = sim::summary_catalogue()[s];
    auto& by_country = summaries[static_cast<std::size_t>(s)];
    by_country = h5::create_dataset(file.get(), format::summary_variable(summary.name), H5T_IEEE_F64LE,
                                    {reps, phases, countries}, per_country.get());
    attachments.attach(by_country.get(), {replication.get(), phase.get(), country.get()});
    describe_float(by_country.get(), summary.units, summary.long_name,
                   phase_coordinates + " " + format::kCountryName);
    auto& all = totals[static_cast<std::size_t>(s)];
    all = h5::create_dataset(file.get(), format::summary_total_variable(summary.name), H5T_IEEE_F64LE,
                             {reps, phases}, total.get());
    attachments.attach(all.get(), {replication.get(), phase.get()});
    describe_float(all.get(), summary.units, std::string(summary.long_name) + ", all countries",
                   phase_coordinates);
  }
}

namespace {
// The `<name>_stats` companion of a variable, (statistic, ...) where the
// variable has (replication, ...), empty (NaN) until filled.
h5::Id create_statistics_variable(h5::ScaleAttachments& attachments, hid_t file, hid_t source,
                                  const std::string& name, std::vector<hid_t> scales,
                                  std::vector<hsize_t> chunk, const std::string& units,
                                  const std::string& long_name, const std::string& coordinates,
                                  int deflate_level, hsize_t statistics_per_chunk) {
  auto dims = h5::shape(source);
  dims[0] = kStatistics;
  chunk[0] = statistics_per_chunk;
  h5::Id dcpl = float_dcpl(chunk, deflate_level);
  h5::Id target =
      h5::create_dataset(file, format::statistics_variable(name), H5T_IEEE_F64LE, dims, dcpl.get());
  attachments.attach(target.get(), scales);
  describe_float(target.get(), units, long_name + " (statistics across replications)", coordinates);
  return target;
}
}  // namespace

void ResultsLayout::create_statistics() {
  const hid_t root = file.get();
  for (int m = 0; m < sim::kMetrics; ++m) {
    const auto& metric = sim::metric_catalogue()[m];
    const hid_t source = metrics[static_cast<std::size_t>(m)].get();
    const auto dims = h5::shape(source);
    std::vector<hid_t> scales{statistic.get(), time.get(), country.get()};
    std::vector<hsize_t> chunk{1, chunk_steps[static_cast<std::size_t>(m)], dims[2]};
    if (metric.axis != sim::Axis::none) {
      scales.push_back(axis(metric.axis));
      chunk.push_back(dims[3]);
    }
    metric_stats[static_cast<std::size_t>(m)] =
        create_statistics_variable(attachments, root, source, metric.name, scales, chunk, metric.units,
                                   metric.long_name, format::kCountryName, deflate_level, 1);
  }
  const std::string phase_coordinates =
      std::string(format::kPhaseName) + " " + format::kPhaseStart + " " + format::kPhaseEnd;
  for (int s = 0; s < sim::kSummaries; ++s) {
    const auto& summary = sim::summary_catalogue()[s];
    const hid_t by_country = summaries[static_cast<std::size_t>(s)].get();
    summary_stats[static_cast<std::size_t>(s)] = create_statistics_variable(
        attachments, root, by_country, format::summary_variable(summary.name),
        {statistic.get(), phase.get(), country.get()}, h5::shape(by_country), summary.units,
        summary.long_name, phase_coordinates + " " + format::kCountryName, 0, kStatistics);
    const hid_t all = totals[static_cast<std::size_t>(s)].get();
    total_stats[static_cast<std::size_t>(s)] = create_statistics_variable(
        attachments, root, all, format::summary_total_variable(summary.name), {statistic.get(), phase.get()},
        h5::shape(all), summary.units, std::string(summary.long_name) + ", all countries", phase_coordinates,
        0, kStatistics);
  }
}

void ResultsLayout::write_statistics() {
  write_metric_statistics();
  write_summary_statistics();
}

// Every replication of metric m, [replication][cell]: uncompressed straight
// from its chunks, compressed through HDF5's filters.
void ResultsLayout::read_metric(std::size_t m, std::span<double> values) const {
  const hid_t dataset = metrics[m].get();
  const auto dims = h5::shape(dataset);
  if (deflate_level != 0)
    return h5::read_block(dataset, std::vector<hsize_t>(dims.size(), 0), dims, values.data());
  const std::size_t row = values.size() / dims[0];
  for (hsize_t r = 0; r < dims[0]; ++r)
    h5::read_row_chunks(dataset, r, chunk_steps[m], values.subspan(r * row, row));
}

namespace {
// A variable shaped (replication, ...) and its `_stats` companion.
struct Summarised {
  hid_t source, target;
  hsize_t values;  // in all replications
};

// Variables [first, end) read back together, and their statistics.
struct Group {
  std::size_t first = 0, end = 0;
  std::vector<double> values, stats;
  std::vector<StatisticsBlock> blocks;
};

// The statistics of each variable, read back from the file rather than kept
// from the run: the file's pages are in the kernel's cache already, and a
// copy kept for the statistics was as large again in fresh memory, whose
// first touch can cost more than the read (on a virtual machine, 60 ms of
// CPU for 20 history replications against 8 ms to read them back). The
// variables are summarised a group of at most `group_values` at a time, each
// group in one parallel pass while this thread reads the next (HDF5 takes
// one thread at a time); a variable larger than a group, a block of at most
// `block_values` at a time, beside the group before it. read(v, values)
// fills variable v's replications, [replication][cell]; write(v, stats)
// writes its statistics, [statistic][cell].
template <class Read, class Write>
void summarise(const std::vector<Summarised>& variables, hsize_t reps, hsize_t group_values,
               hsize_t block_values, Read&& read, Write&& write) {
  auto read_group = [&](Group& g) {
    hsize_t size = 0;
    for (std::size_t v = g.first; v < g.end; ++v) size += variables[v].values;
    g.values.resize(size);
    g.stats.resize(size / reps * kStatistics);
    g.blocks.clear();
    std::size_t in = 0, out = 0;
    for (std::size_t v = g.first; v < g.end; ++v) {
      const std::size_t n = variables[v].values;
      read(v, std::span<double>(g.values).subspan(in, n));
      g.blocks.push_back({std::span<const double>(g.values).subspan(in, n),
                          std::span<double>(g.stats).subspan(out, n / reps * kStatistics)});
      in += n;
      out += n / reps * kStatistics;
    }
  };
  std::array<Group, 2> buffers;
  std::size_t at = 0;
  Group* current = nullptr;  // read, its statistics not yet computed
  while (at < variables.size() || current) {
    Group* next = nullptr;
    const auto compute = [&, current] {
      if (current) blocks_statistics(current->blocks, reps);
    };
    threads::overlap(compute, [&] {
      while (at < variables.size() && !next) {
        std::size_t end = at;  // as many variables as a group holds
        for (hsize_t size = 0; end < variables.size() && size + variables[end].values <= group_values; ++end)
          size += variables[end].values;
        if (end == at) {  // larger than a group
          fill_statistics(variables[at].source, variables[at].target, block_values);
          ++at;
          continue;
        }
        next = current == &buffers[0] ? &buffers[1] : &buffers[0];
        next->first = at, next->end = end;
        read_group(*next);
        at = end;
      }
    });
    if (current)
      for (std::size_t v = current->first; v < current->end; ++v)
        write(v, current->blocks[v - current->first].out);
    current = next;
  }
}
}  // namespace

// A group holds about as many values as the largest metric: the two
// buffers are then as small as they can be, since fresh memory is what
// costs (the history's 20 replications: 22 ms for the statistics with
// groups of 4 MiB, 24-55 ms with 8 MiB, 31-120 ms with 32 MiB).
void ResultsLayout::write_metric_statistics() {
  std::vector<Summarised> variables;
  hsize_t largest = 0;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    variables.push_back({metrics[m].get(), metric_stats[m].get(), product(h5::shape(metrics[m].get()))});
    largest = std::max(largest, variables.back().values);
  }
  constexpr hsize_t kSmallestGroup = hsize_t{1} << 16;  // values: small runs, few groups
  const hsize_t group_values = std::min(std::max(largest, kSmallestGroup), statistics_budget);
  const hsize_t reps = h5::shape(metrics[0].get())[0];
  summarise(
      variables, reps, group_values, statistics_budget,
      [&](std::size_t m, std::span<double> values) { read_metric(m, values); },
      [&](std::size_t m, std::span<const double> stats) {
        const std::size_t cells = stats.size() / kStatistics;
        for (std::size_t s = 0; s < kStatistics; ++s)
          write_row(metric_stats[m].get(), s, chunk_steps[m], stats.subspan(s * cells, cells));
      });
}

// The phase summaries, by country and in total: small, so as many as the
// budget holds go in one group.
void ResultsLayout::write_summary_statistics() {
  std::vector<Summarised> variables;
  auto add = [&](const h5::Id& source, const h5::Id& target) {
    variables.push_back({source.get(), target.get(), product(h5::shape(source.get()))});
  };
  for (std::size_t s = 0; s < sim::kSummaries; ++s) {
    add(summaries[s], summary_stats[s]);
    add(totals[s], total_stats[s]);
  }
  const hsize_t reps = h5::shape(variables.front().source)[0];
  summarise(
      variables, reps, statistics_budget, statistics_budget,
      [&](std::size_t v, std::span<double> values) {
        const auto dims = h5::shape(variables[v].source);
        h5::read_block(variables[v].source, std::vector<hsize_t>(dims.size(), 0), dims, values.data());
      },
      [&](std::size_t v, std::span<const double> stats) {
        const auto dims = h5::shape(variables[v].target);
        h5::write_block(variables[v].target, std::vector<hsize_t>(dims.size(), 0), dims, stats.data());
      });
}

// Row `index` (the first dimension) of a series or its statistics, chunked
// `chunk_rows` steps at a time: uncompressed straight into its chunks, so
// HDF5 neither fills nor caches them; compressed through HDF5's filters.
void ResultsLayout::write_row(hid_t dataset, hsize_t index, hsize_t chunk_rows,
                              std::span<const double> row) const {
  if (deflate_level == 0) return h5::write_row_chunks(dataset, index, chunk_rows, row, kNaN);
  std::vector<hsize_t> count = h5::shape(dataset);
  if (count.empty()) throw h5::Error("a row of a variable without dimensions");
  std::vector<hsize_t> start(count.size(), 0);
  start[0] = index;
  count[0] = 1;
  hsize_t cells = 1;
  for (const hsize_t n : count) cells *= n;
  if (cells != row.size())
    throw h5::Error("a row of " + std::to_string(row.size()) + " values for a variable whose rows hold " +
                    std::to_string(cells));
  h5::write_block(dataset, start, count, row.data());
}

void ResultsLayout::write_replication(int index, const sim::Series& series,
                                      const sim::PhaseSummary& summary) {
  const auto r = static_cast<hsize_t>(index);
  const auto countries = static_cast<hsize_t>(series.countries());
  // A metric's block in a Series is already in the file's [time][country][axis] order.
  for (int m = 0; m < sim::kMetrics; ++m) {
    const auto values = series.values(static_cast<sim::Metric>(m));
    write_row(metrics[static_cast<std::size_t>(m)].get(), r, chunk_steps[static_cast<std::size_t>(m)],
              values);
  }
  const auto phases = static_cast<hsize_t>(summary.phases());
  std::vector<double> by_country(phases * countries), total(phases);
  for (int s = 0; s < sim::kSummaries; ++s) {
    const auto which = static_cast<sim::Summary>(s);
    for (hsize_t p = 0; p < phases; ++p) {
      for (hsize_t c = 0; c < countries; ++c)
        by_country[p * countries + c] = summary.at(static_cast<int>(p), static_cast<int>(c), which);
      total[p] = summary.total(static_cast<int>(p), which);
    }
    h5::write_block(summaries[static_cast<std::size_t>(s)].get(), {r, 0, 0}, {1, phases, countries},
                    by_country.data());
    h5::write_block(totals[static_cast<std::size_t>(s)].get(), {r, 0}, {1, phases}, total.data());
  }
  write_funder_ledger(funder_ledger, index, series.funder_ledger);
}

void ResultsLayout::close() {
  for (auto& d : metrics) d.reset();
  for (auto& d : summaries) d.reset();
  for (auto& d : totals) d.reset();
  for (auto& d : metric_stats) d.reset();
  for (auto& d : summary_stats) d.reset();
  for (auto& d : total_stats) d.reset();
  funder_ledger.own.reset();
  funder_ledger.usd.reset();
  for (auto& d : axes) d.reset();
  for (auto* d : {&time, &country, &replication, &phase, &statistic}) d->reset();
  if (file.valid()) {
    h5::check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flush the file");
    file.close("close the file");
  }
}

}  // namespace score::output::detail
