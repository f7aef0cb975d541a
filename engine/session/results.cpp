#include "session/results.hpp"

#include <algorithm>
#include <stdexcept>

#include "output/results_reader.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace score::session {
namespace {

sim::Series read_series(const output::ResultsFile& file, int replication) {
  const output::RunInfo& info = file.results().info;
  sim::Series series(info.steps, static_cast<int>(info.country_ids.size()));
  for (sim::Metric m : charted_metrics()) {  // others stay on disk
    const std::vector<double> values = file.metric(sim::info(m).name, replication);
    std::span<double> out = series.values(m);
    if (values.size() != out.size())
      throw std::runtime_error(file.path().string() + ": '" + sim::info(m).name +
                               "' is shaped unlike the engine's");
    std::copy(values.begin(), values.end(), out.begin());
  }
  return series;
}

// Morris: sigma; Sobol': half the width of the index's interval.
std::vector<double> spreads_of(const output::SweepFile& file, const std::string& index) {
  if (index == "mu_star") return file.sensitivity("sigma");
  if (index.empty()) return {};
  std::vector<double> lo = file.sensitivity(index + "_lo");
  const std::vector<double> hi = file.sensitivity(index + "_hi");
  if (lo.size() != hi.size()) return {};
  for (std::size_t i = 0; i < lo.size(); ++i) lo[i] = (hi[i] - lo[i]) / 2;
  return lo;
}

int sweep_phase(const SweepView& view) {
  for (const std::string& parameter : view.parameters)
    for (std::size_t p = 0; p < view.phases.size(); ++p)
      if (parameter.find("phases." + view.phases[p] + ".") != std::string::npos) return static_cast<int>(p);
  return std::max(0, static_cast<int>(view.phases.size()) - 1);
}

}  // namespace

SnapshotPtr load_run_results(const std::filesystem::path& path) {
  const output::ResultsFile file(path);
  const output::Results& results = file.results();
  Snapshot s = empty_snapshot(results.info, path.filename().string(), RunStatus::finished);
  s.months_done = s.steps;
  s.summaries = results.phase_summaries;
  std::vector<sim::Series> series;
  for (int r = 0; r < s.replications; ++r) series.push_back(read_series(file, r));
  std::vector<const sim::Series*> pointers;
  for (const auto& x : series) pointers.push_back(&x);
  for (int month = 0; month < s.steps; ++month) s.charts.add_month(pointers, month);
  return std::make_shared<const Snapshot>(std::move(s));
}

std::shared_ptr<const SweepView> load_sweep_results(const std::filesystem::path& path) {
  const output::SweepFile file(path);
  auto view = std::make_shared<SweepView>();
  const output::SweepFileInfo& info = file.info();
  view->label = path.filename().string();
  view->scenario_name = info.scenario_name;
  view->method = sweep::method_name(info.method);
  view->parameters = info.parameters;
  view->phases = info.phases;
  view->phase_names = info.phase_names;
  view->points = info.points;
  view->design = file.design();
  view->means = file.statistic(sweep::Statistic::mean);
  for (const char* index : {"total", "mu_star", "first"}) {
    view->indices = file.sensitivity(index);
    if (!view->indices.empty()) {
      view->index_name = index;
      break;
    }
  }
  view->spreads = spreads_of(file, view->index_name);
  view->default_phase = sweep_phase(*view);
  return view;
}

LoadedResults load_results(const std::filesystem::path& path) {
  try {
    return load_run_results(path);
  } catch (const std::exception& as_run) {
    // Only an HDF5 file that is not a run's may be a sweep's; any other
    // problem (missing, not HDF5, truncated) is the run reader's to tell.
    if (std::string(as_run.what()).find("is not a score results file") == std::string::npos) throw;
  }
  return load_sweep_results(path);
}

}  // namespace score::session
