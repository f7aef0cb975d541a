#include "output/results_reader.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "core/statistics.hpp"
#include "output/contained_read.hpp"
#include "output/ensemble_draws_io.hpp"
#include "output/funder_ledger_io.hpp"
#include "output/hdf5_io.hpp"
#include "sim/metric_names.hpp"

namespace score::output {

namespace {
// Larger dimensions are taken for damage, not for a run.
constexpr hsize_t kMaxLength = 1'000'000'000;
// Never load more values than this at once (2 GiB).
constexpr hsize_t kMaxLoad = hsize_t{1} << 28;
// The check before opening (ResultsFile) reads every time series up to this
// many values in all (128 MiB), the first and last replications beyond.
constexpr double kMaxCheckedValues = double(1 << 24);

using h5::bad;

std::runtime_error located(const std::filesystem::path& path, const std::string& what) {
  return std::runtime_error("results file '" + path.string() + "': " + what);
}

void expect_length(const char* dimension, std::size_t actual, std::int64_t expected, const char* source) {
  if (static_cast<std::int64_t>(actual) != expected)
    bad("dimension '" + std::string(dimension) + "' has " + std::to_string(actual) + " entries but " +
        source + " says " + std::to_string(expected));
}

std::int64_t bounded_attribute(hid_t file, const char* name) {
  const std::int64_t value = h5::read_int_attribute(file, name);
  if (value < 1 || static_cast<hsize_t>(value) > kMaxLength)
    bad("attribute '" + std::string(name) + "' = " + std::to_string(value) + " is implausible");
  return value;
}

// Files written before the attribute existed have none: no overrides known.
std::vector<std::string> overrides_of(hid_t file) {
  std::vector<std::string> out;
  if (!h5::has_attribute(file, "scenario_overrides")) return out;
  const std::string text = h5::read_string_attribute(file, "scenario_overrides");
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

void read_metadata(hid_t file, RunInfo& info) {
  if (!h5::has_attribute(file, format::kVersionAttribute))
    bad("is not a score results file (no '" + std::string(format::kVersionAttribute) + "' attribute)");
  const std::int64_t version = h5::read_int_attribute(file, format::kVersionAttribute);
  if (version < 1 || version > format::kVersion)
    bad("has results format version " + std::to_string(version) + "; this engine reads versions 1 to " +
        std::to_string(format::kVersion));
  info.scenario_name = h5::read_string_attribute(file, "scenario_name");
  info.scenario_toml = h5::read_string_attribute(file, "scenario_toml");
  info.scenario_sha256 = h5::read_string_attribute(file, "scenario_sha256");
  info.scenario_overrides = overrides_of(file);
  info.engine_version = h5::read_string_attribute(file, "engine_version");
  info.seed = h5::read_uint_attribute(file, "seed");
  info.replications =
      static_cast<int>(std::min<std::int64_t>(bounded_attribute(file, "replications"), 1 << 30));
  info.steps = static_cast<int>(std::min<std::int64_t>(bounded_attribute(file, "steps"), 1 << 30));
  const std::string start = h5::read_string_attribute(file, "start");
  const auto parsed = parse_year_month(start);
  if (!parsed) bad("attribute 'start' = '" + start + "' is not a YYYY-MM month");
  info.start = *parsed;
}

std::vector<std::string> strings_of(hid_t file, const char* name) {
  h5::Id dataset = h5::open_dataset(file, name);
  return h5::read_strings(dataset.get(), kMaxLength);
}

int month_step(const RunInfo& info, const std::string& text, const std::string& phase) {
  const auto month = parse_year_month(text);
  const int step = month ? months_between(info.start, *month) : -1;
  if (step < 0 || step >= info.steps) bad("phase '" + phase + "' has a month '" + text + "' outside the run");
  return step;
}

void read_phases(hid_t file, RunInfo& info) {
  const auto ids = strings_of(file, format::kPhase);
  const auto names = strings_of(file, format::kPhaseName);
  const auto starts = strings_of(file, format::kPhaseStart);
  const auto ends = strings_of(file, format::kPhaseEnd);
  if (ids.empty()) bad("has no phases");
  for (const auto* v : {&names, &starts, &ends})
    expect_length(format::kPhase, ids.size(), static_cast<std::int64_t>(v->size()), "a phase coordinate");
  for (std::size_t p = 0; p < ids.size(); ++p) {
    PhaseInfo phase{ids[p], names[p], month_step(info, starts[p], ids[p]), month_step(info, ends[p], ids[p])};
    if (phase.first_step > phase.last_step) bad("phase '" + ids[p] + "' ends before it starts");
    info.phases.push_back(std::move(phase));
  }
}

void read_coordinates(hid_t file, RunInfo& info) {
  h5::Id time = h5::open_dataset(file, format::kTime);
  const auto days = h5::read_numbers(time.get(), kMaxLength);
  expect_length(format::kTime, days.size(), info.steps, "attribute 'steps'");
  for (int t = 0; t < info.steps; ++t)
    if (days[static_cast<std::size_t>(t)] !=
        static_cast<double>(days_between(info.start, info.start.plus(t))))
      bad("time coordinate disagrees with the start month " + format_year_month(info.start));
  h5::Id replication = h5::open_dataset(file, format::kReplication);
  expect_length(format::kReplication, h5::shape(replication.get()).at(0), info.replications,
                "attribute 'replications'");
  info.country_ids = strings_of(file, format::kCountry);
  info.country_names = strings_of(file, format::kCountryName);
  if (info.country_ids.empty()) bad("has no countries");
  expect_length(format::kCountryName, info.country_names.size(),
                static_cast<std::int64_t>(info.country_ids.size()), "dimension 'country'");
  read_phases(file, info);
}

std::vector<std::string> list_variables(hid_t file) {
  // Visited in the file's native order, then sorted by creation order: asking
  // HDF5 1.10 for a sorted walk builds a table whose clean-up crashes on some
  // damaged files (found by fuzzing), the native walk fails cleanly instead.
  struct Link {
    std::int64_t order;
    std::string name;
  };
  std::vector<Link> links;
  auto visit = [](hid_t, const char* name, const H5L_info_t* info, void* data) -> herr_t {
    const std::int64_t order = info->corder_valid ? info->corder : 0;
    static_cast<std::vector<Link>*>(data)->push_back({order, name});
    return 0;
  };
  h5::check(H5Literate(file, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, visit, &links), "list the variables");
  std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    return std::tie(a.order, a.name) < std::tie(b.order, b.name);
  });
  std::vector<std::string> names;
  for (auto& link : links)
    if (h5::has_dataset(file, link.name)) names.push_back(std::move(link.name));
  return names;
}

std::string optional_string(hid_t object, const char* name) {
  return h5::has_attribute(object, name) ? h5::read_string_attribute(object, name) : "";
}

// A variable with dims (replication, time, country[, axis]) is a metric;
// anything else (coordinates, summaries, statistics) is not.
std::optional<MetricEntry> as_metric(hid_t file, const std::string& name, const RunInfo& info) {
  h5::Id dataset = h5::open_dataset(file, name);
  const auto dims = h5::shape(dataset.get());
  if (dims.size() != 3 && dims.size() != 4) return std::nullopt;
  if (h5::attached_scale(dataset.get(), 0) != format::kReplication ||
      h5::attached_scale(dataset.get(), 1) != format::kTime ||
      h5::attached_scale(dataset.get(), 2) != format::kCountry)
    return std::nullopt;
  MetricEntry entry{name,
                    optional_string(dataset.get(), "long_name"),
                    optional_string(dataset.get(), "units"),
                    optional_string(dataset.get(), "kind"),
                    "",
                    {}};
  const std::string what = "variable '" + name + "' is shaped ";
  if (dims[0] != static_cast<hsize_t>(info.replications) || dims[1] != static_cast<hsize_t>(info.steps) ||
      dims[2] != info.country_ids.size())
    bad(what + "unlike its dimensions (replication, time, country)");
  if (dims.size() == 4) {
    entry.axis = h5::attached_scale(dataset.get(), 3);
    if (entry.axis.empty()) bad(what + "with an unnamed fourth dimension");
    entry.axis_labels = strings_of(file, entry.axis.c_str());
    if (dims[3] != entry.axis_labels.size()) bad(what + "unlike its dimension '" + entry.axis + "'");
  }
  if (dims[1] * dims[2] * (dims.size() == 4 ? dims[3] : 1) > kMaxLoad) bad(what + "too large to load");
  return entry;
}

// Loads one summary variable shaped (leading, phase[, country]) into
// `into[leading].at(phase, country or the total, which)`; NaN if absent.
void load_summary(hid_t file, const std::string& name, bool total, sim::Summary which,
                  std::vector<sim::PhaseSummary>& into) {
  const auto leading = static_cast<hsize_t>(into.size());
  const auto phases = static_cast<hsize_t>(into.front().phases());
  const auto countries = static_cast<hsize_t>(into.front().countries());
  const hsize_t width = total ? 1 : countries;
  std::vector<double> values(leading * phases * width, kNaN);
  if (h5::has_dataset(file, name)) {
    h5::Id dataset = h5::open_dataset(file, name);
    std::vector<hsize_t> expected{leading, phases};
    if (!total) expected.push_back(countries);
    if (h5::shape(dataset.get()) != expected) bad("variable '" + name + "' is shaped unlike its dimensions");
    std::vector<hsize_t> start(expected.size(), 0);
    h5::read_block(dataset.get(), start, expected, values.data());
  }
  for (hsize_t r = 0; r < leading; ++r)
    for (hsize_t p = 0; p < phases; ++p)
      for (hsize_t c = 0; c < width; ++c)
        into[r].at(static_cast<int>(p), static_cast<int>(total ? countries : c), which) =
            values[(r * phases + p) * width + c];
}

std::vector<sim::PhaseSummary> load_summaries(hid_t file, const RunInfo& info, std::size_t leading,
                                              bool statistics) {
  const auto phases = static_cast<int>(info.phases.size());
  const auto countries = static_cast<int>(info.country_ids.size());
  if (static_cast<double>(leading) * phases * (countries + 1) * sim::kSummaries >
      static_cast<double>(kMaxLoad))
    bad("phase summaries too large to load");
  std::vector<sim::PhaseSummary> out(leading, sim::PhaseSummary(phases, countries));
  for (int s = 0; s < sim::kSummaries; ++s) {
    const char* name = sim::summary_catalogue()[s].name;
    auto variable = format::summary_variable(name), total = format::summary_total_variable(name);
    if (statistics) {
      variable = format::statistics_variable(variable);
      total = format::statistics_variable(total);
    }
    load_summary(file, variable, false, static_cast<sim::Summary>(s), out);
    load_summary(file, total, true, static_cast<sim::Summary>(s), out);
  }
  return out;
}

// Files written before cost recovery's numerator was a summary of its own
// lack `revenue_recovered_usd`: it is the sum of the revenues that count.
void add_revenue_recovered(hid_t file, std::vector<sim::PhaseSummary>& summaries) {
  using S = sim::Summary;
  if (h5::has_dataset(file, format::summary_variable(sim::info(S::revenue_recovered_usd).name))) return;
  for (sim::PhaseSummary& s : summaries)
    for (int p = 0; p < s.phases(); ++p)
      for (int c = 0; c <= s.countries(); ++c) {
        double sum = 0;
        for (int src = 0; src < model::kSources; ++src)
          if (sim::counts_as_recovery(src))
            sum += s.at(p, c, static_cast<S>(static_cast<int>(S::revenue_donor_usd) + src));
        s.at(p, c, S::revenue_recovered_usd) = sum;
      }
}

Results read_contents(hid_t file, const std::filesystem::path& path) {
  Results results;
  results.path = path;
  read_metadata(file, results.info);
  read_coordinates(file, results.info);
  results.info.ensemble = detail::read_ensemble_draws(file, results.info);
  results.funder_ledgers = detail::read_funder_ledger(file, results.info);
  results.variables = list_variables(file);
  for (const auto& name : results.variables)
    if (auto metric = as_metric(file, name, results.info)) results.metrics.push_back(std::move(*metric));
  results.phase_summaries =
      load_summaries(file, results.info, static_cast<std::size_t>(results.info.replications), false);
  add_revenue_recovered(file, results.phase_summaries);
  results.has_statistics = h5::has_dataset(file, format::kStatistic);
  if (results.has_statistics) {
    const auto labels = strings_of(file, format::kStatistic);
    if (labels != std::vector<std::string>(statistic_names().begin(), statistic_names().end()))
      bad("dimension 'statistic' does not hold mean, p05, p50, p95");
    results.phase_statistics = load_summaries(file, results.info, kStatistics, true);
  }
  return results;
}
}  // namespace

const MetricEntry* Results::find_metric(std::string_view name) const {
  for (const auto& m : metrics)
    if (m.name == name) return &m;
  // A metric renamed since (or before) the file was written: either name finds it.
  const auto wanted = sim::metric_named(name);
  for (const auto& m : metrics)
    if (wanted && sim::metric_named(m.name) == wanted) return &m;
  return nullptr;
}

struct ResultsFile::Handle {
  h5::Id file;
};

// Old names are reported here, not while reading: the check reads in a
// child process, whose reports the parent would repeat.
ResultsFile::ResultsFile(const std::filesystem::path& path)
    : ResultsFile(checked(path, &ResultsFile::read_everything), Unchecked{}) {
  for (const auto& metric : results_.metrics) sim::report_old_metric_name(metric.name, path.string());
}

void ResultsFile::read_everything(const std::filesystem::path& path) {
  read_contained("results file", path, [&] {
    const ResultsFile file(path, Unchecked{});
    const Results& r = file.results();
    double values = 0;
    for (const auto& m : r.metrics)
      values += static_cast<double>(r.info.steps) * r.info.replications * m.axis_length();
    values *= static_cast<double>(r.info.country_ids.size());
    const bool all = values <= static_cast<double>(kMaxCheckedValues);
    for (const auto& m : r.metrics) {
      for (int rep = 0; rep < r.info.replications; rep += all ? 1 : std::max(1, r.info.replications - 1))
        file.metric(m.name, rep);
      if (r.has_statistics)
        for (const Statistic s : kStoredStatistics) file.metric_statistic(m.name, s);
    }
  });
}

ResultsFile::ResultsFile(const std::filesystem::path& path, Unchecked) : handle_(std::make_unique<Handle>()) {
  h5::Lock lock;
  try {
    handle_->file = h5::open_read_only(path);
    results_ = read_contents(handle_->file.get(), path);
  } catch (const h5::Error& e) {
    handle_->file.reset();
    throw located(path, e.what());
  }
}

ResultsFile::~ResultsFile() {
  if (!handle_) return;
  h5::Lock lock;
  handle_.reset();
}

ResultsFile::ResultsFile(ResultsFile&&) noexcept = default;

ResultsFile& ResultsFile::operator=(ResultsFile&& other) noexcept {
  if (this != &other) {
    {
      h5::Lock lock;
      handle_.reset();
    }
    handle_ = std::move(other.handle_);
    results_ = std::move(other.results_);
  }
  return *this;
}

namespace {
// Reads (leading index, all of the rest) of a (leading, time, country[, axis]) variable.
std::vector<double> read_slice(hid_t file, const std::string& variable, const MetricEntry& metric,
                               const RunInfo& info, hsize_t leading, hsize_t index) {
  h5::Id dataset = h5::open_dataset(file, variable);
  std::vector<hsize_t> shape{leading, static_cast<hsize_t>(info.steps), info.country_ids.size()};
  std::vector<hsize_t> start{index, 0, 0}, count{1, shape[1], shape[2]};
  if (!metric.axis.empty()) {
    shape.push_back(metric.axis_labels.size());
    start.push_back(0);
    count.push_back(shape.back());
  }
  if (h5::shape(dataset.get()) != shape) bad("variable '" + variable + "' is shaped unlike its dimensions");
  std::vector<double> values(info.country_ids.size() * static_cast<std::size_t>(info.steps) *
                             static_cast<std::size_t>(metric.axis_length()));
  h5::read_block(dataset.get(), start, count, values.data());
  return values;
}
}  // namespace

std::vector<double> ResultsFile::metric(std::string_view name, int replication) const {
  const MetricEntry* entry = results_.find_metric(name);
  if (!entry) throw located(path(), "has no metric '" + std::string(name) + "'");
  if (replication < 0 || replication >= results_.info.replications)
    throw located(path(), "has no replication " + std::to_string(replication));
  h5::Lock lock;
  try {
    return read_slice(handle_->file.get(), entry->name, *entry, results_.info,
                      static_cast<hsize_t>(results_.info.replications), static_cast<hsize_t>(replication));
  } catch (const h5::Error& e) {
    throw located(path(), e.what());
  }
}

std::vector<double> ResultsFile::metric_statistic(std::string_view name, Statistic statistic) const {
  const MetricEntry* entry = results_.find_metric(name);
  if (!entry) throw located(path(), "has no metric '" + std::string(name) + "'");
  if (!results_.has_statistics) throw located(path(), "has no statistics (a single replication)");
  const int index = stored_index(statistic);
  if (index < 0) throw located(path(), "stores no " + std::string(statistic_name(statistic)) + " statistic");
  h5::Lock lock;
  try {
    return read_slice(handle_->file.get(), format::statistics_variable(entry->name), *entry, results_.info,
                      kStatistics, static_cast<hsize_t>(index));
  } catch (const h5::Error& e) {
    throw located(path(), e.what());
  }
}

Results read_results(const std::filesystem::path& path) { return ResultsFile(path).results(); }

std::vector<double> read_metric(const std::filesystem::path& path, std::string_view name, int replication) {
  return ResultsFile(path).metric(name, replication);
}

}  // namespace score::output
