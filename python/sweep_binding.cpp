// score.sweep: the sweep layer's point runner (points side by side, each
// point's replications in parallel, as `score sweep` runs them) over a sweep
// file or over points given from Python, with the outcomes (all-country
// phase summaries per point and replication) handed back as arrays. Also
// the engine's Saltelli design and Sobol' indices, for analyses in Python.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "experiment/sensitivity.hpp"
#include "interruptible.hpp"
#include "scenario/resolved.hpp"
#include "scenario_handle.hpp"
#include "sim/summary.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep.hpp"

namespace score::python {

namespace {

// A sweep over points given as values of scenario keys, on a loaded scenario
// (its overrides kept under each point's own). Seeds as a sweep file's.
sweep::Sweep points_sweep(const ScenarioHandle& base, const std::vector<std::string>& keys,
                          const std::vector<std::vector<double>>& values, int replications,
                          std::uint64_t seed) {
  if (replications < 1 || replications > sweep::kMaxReplications)
    throw py::value_error("score.sweep: replications must be between 1 and " +
                          std::to_string(sweep::kMaxReplications));
  if (values.empty()) throw py::value_error("score.sweep: no points to run");
  sweep::SweepSpec spec;
  spec.file = base.path;
  spec.name = base.model().name;
  spec.scenario = base.path;
  spec.seed = seed;
  spec.replications = replications;
  spec.base_overrides = base.overrides;
  for (const auto& key : keys) {
    sweep::Parameter parameter;
    parameter.key = key;
    parameter.factor.name = key;
    spec.parameters.push_back(std::move(parameter));
  }
  sweep::Design design;
  design.values = values;
  for (int p = 0; p < design.points(); ++p) design.seeds.push_back(sweep::point_seed(seed, p));
  scenario::Scenario loaded = scenario::load_scenario(base.path, base.overrides);
  std::string toml = scenario::to_toml(loaded.document);
  return sweep::Sweep{std::move(spec), std::move(loaded), std::move(toml), std::move(design)};
}

// Every point of `sw`, run as `score sweep` runs them (after the same check
// of every point's scenario); outcomes [point][replication][phase][summary].
std::vector<double> run_sweep(const sweep::Sweep& sw, int threads, const py::object& progress) {
  const sweep::PointShape shape = sweep::point_shape(sw);
  std::vector<double> outcome(static_cast<std::size_t>(sw.points()) * shape.outcome_size());
  run_interruptible(
      [&](const std::atomic<bool>& cancel, EngineProgress& counts) {
        sweep::check_points(sw, threads);
        counts.total = static_cast<std::int64_t>(sw.points()) * shape.replications * shape.steps;
        std::vector<int> all(static_cast<std::size_t>(sw.points()));
        for (int p = 0; p < sw.points(); ++p) all[static_cast<std::size_t>(p)] = p;
        sweep::PendingPoints source(std::move(all));
        sweep::RunPointsOptions options;
        options.threads = threads;
        options.hooks.cancel = &cancel;
        options.hooks.on_month = [&] { counts.done.fetch_add(1, std::memory_order_relaxed); };
        options.on_point = [&](sweep::PointResult&& result) {
          std::copy(result.outcome.begin(), result.outcome.end(),
                    outcome.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(result.point) *
                                                                  shape.outcome_size()));
        };
        sweep::run_points(sw, source, options);
      },
      progress);
  return outcome;
}

py::dict to_python(const sweep::Sweep& sw, const std::vector<double>& outcome) {
  const sweep::PointShape shape = sweep::point_shape(sw);
  const auto points = static_cast<std::size_t>(sw.points()), k = sw.spec.parameters.size();
  std::vector<double> design;
  for (const auto& row : sw.design.values) design.insert(design.end(), row.begin(), row.end());
  std::vector<std::string> keys, phases;
  for (const auto& p : sw.spec.parameters) keys.push_back(p.key);
  for (const auto& p : sw.base.model.phases) phases.push_back(p.id);
  py::dict out;
  out["name"] = sw.spec.name;
  out["method"] = sweep::method_name(sw.spec.method);
  out["saltelli_n"] = sw.design.saltelli.n;
  out["parameters"] = keys;
  out["design"] = py::array_t<double>(std::vector<std::size_t>{points, k}, design.data());
  out["seeds"] = sw.design.seeds;
  out["phases"] = phases;
  out["outcome"] =
      py::array_t<double>(std::vector<std::size_t>{points, static_cast<std::size_t>(shape.replications),
                                                   static_cast<std::size_t>(shape.phases),
                                                   static_cast<std::size_t>(sim::kSummaries)},
                          outcome.data());
  return out;
}

// The interval method by the names of `score sensitivity --interval`.
experiment::IntervalMethod interval_method(const std::string& name) {
  if (name == "bca") return experiment::IntervalMethod::bca;
  if (name == "percentile") return experiment::IntervalMethod::percentile;
  throw py::value_error("sobol_indices: interval must be 'bca' or 'percentile', got '" + name + "'");
}

py::dict sobol(const std::vector<double>& y, int n, int k, int bootstrap, double confidence,
               std::uint64_t seed, const std::string& interval) {
  const experiment::IntervalMethod method = interval_method(interval);
  try {
    const auto s = experiment::sobol_indices(y, n, k, bootstrap, confidence, seed, method);
    py::dict out;
    out["first"] = s.first;
    out["total"] = s.total;
    out["first_lo"] = s.first_lo;
    out["first_hi"] = s.first_hi;
    out["total_lo"] = s.total_lo;
    out["total_hi"] = s.total_hi;
    return out;
  } catch (const std::invalid_argument& e) {
    throw py::value_error(e.what());
  }
}

}  // namespace

void bind_sweep(py::module_& m) {
  m.def(
      "sweep_file",
      [](const std::filesystem::path& file, int threads, const py::object& progress) {
        const sweep::Sweep sw = sweep::load_sweep(file);
        return to_python(sw, run_sweep(sw, threads, progress));
      },
      py::arg("file"), py::arg("threads") = 0, py::arg("progress") = py::none());
  m.def(
      "sweep_points",
      [](const ScenarioHandle& scenario, const std::vector<std::string>& keys,
         const std::vector<std::vector<double>>& values, int replications, std::uint64_t seed, int threads,
         const py::object& progress) {
        const sweep::Sweep sw = points_sweep(scenario, keys, values, replications, seed);
        return to_python(sw, run_sweep(sw, threads, progress));
      },
      py::arg("scenario"), py::arg("keys"), py::arg("values"), py::arg("replications") = 1,
      py::arg("seed") = 1, py::arg("threads") = 0, py::arg("progress") = py::none());
  m.def(
      "saltelli",
      [](int n, int k) {
        try {
          return experiment::saltelli(n, k);
        } catch (const std::invalid_argument& e) {
          throw py::value_error(e.what());
        }
      },
      py::arg("n"), py::arg("k"),
      "The Saltelli design in the unit cube: n (k + 2) rows [A, B, AB_0, ..., AB_k-1]");
  m.def("sobol_indices", &sobol, py::arg("y"), py::arg("n"), py::arg("k"), py::arg("bootstrap") = 1000,
        py::arg("confidence") = 0.95, py::arg("seed") = 1, py::arg("interval") = "bca",
        "First-order (Saltelli 2010, f(B) centred) and total (Jansen 1999) Sobol' indices with bootstrap "
        "intervals, BCa (interval='bca') or percentile (interval='percentile')");
}

}  // namespace score::python
