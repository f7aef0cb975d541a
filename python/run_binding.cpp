// score.run: a scenario's replications run in memory, handed to Python as
// the variables of a results file (docs/output-format.md): the same names,
// dimensions, units and numbers, with the statistics across replications
// computed by the same function the writer uses. The package turns them
// into an xarray.Dataset (python/score/_dataset.py).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "core/threads.hpp"
#include "interruptible.hpp"
#include "output/format.hpp"
#include "output/statistics.hpp"
#include "provenance/run_info.hpp"
#include "scenario_handle.hpp"
#include "sim/funder_ledger.hpp"
#include "sim/metric_names.hpp"
#include "sim/runner.hpp"

namespace score::python {

namespace {

namespace f = output::format;

// One variable of a results file: its values laid out [replication][...],
// its dims after `replication`, units and long name.
struct Variable {
  std::string name, units, long_name, kind;
  std::vector<std::string> dims;   // without the leading replication
  std::vector<std::size_t> shape;  // matching dims
  std::vector<double> values;
  std::size_t cells() const {
    std::size_t n = 1;
    for (auto s : shape) n *= s;
    return n;
  }
};

struct RunRequest {
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::optional<std::vector<std::string>> outputs;  // metric names; all when absent
};

// The catalogue's metrics named in `outputs` (old names too), in catalogue
// order; a name not in the catalogue is an error listing the valid ones.
std::vector<sim::Metric> chosen_metrics(const std::optional<std::vector<std::string>>& outputs) {
  std::vector<bool> wanted(sim::kMetrics, !outputs);
  std::string valid;
  for (int m = 0; m < sim::kMetrics; ++m)
    valid += std::string(valid.empty() ? "" : ", ") + sim::metric_catalogue()[m].name;
  if (outputs)
    for (const auto& name : *outputs) {
      const auto metric = sim::metric_named(name);
      if (!metric)
        throw py::value_error("score.run: unknown output '" + name + "'; the outputs are: " + valid);
      wanted[static_cast<std::size_t>(*metric)] = true;
    }
  std::vector<sim::Metric> out;
  for (int m = 0; m < sim::kMetrics; ++m)
    if (wanted[static_cast<std::size_t>(m)]) out.push_back(static_cast<sim::Metric>(m));
  return out;
}

// The variables a results file of `model` holds, empty: the chosen metrics,
// then each phase summary per country and for all countries.
std::vector<Variable> layout(const model::Description& model, const std::vector<sim::Metric>& metrics) {
  const auto steps = static_cast<std::size_t>(model.steps), countries = model.countries.size(),
             phases = model.phases.size();
  std::vector<Variable> out;
  for (const auto metric : metrics) {
    const auto& info = sim::info(metric);
    Variable v{info.name,          info.units, info.long_name, kind_name(info.kind), {f::kTime, f::kCountry},
               {steps, countries}, {}};
    if (info.axis != sim::Axis::none) {
      v.dims.emplace_back(sim::axis_name(info.axis));
      v.shape.push_back(static_cast<std::size_t>(sim::axis_length(info.axis)));
    }
    out.push_back(std::move(v));
  }
  for (const auto& s : sim::summary_catalogue())
    out.push_back({f::summary_variable(s.name),
                   s.units,
                   s.long_name,
                   "",
                   {f::kPhase, f::kCountry},
                   {phases, countries},
                   {}});
  for (const auto& s : sim::summary_catalogue())
    out.push_back({f::summary_total_variable(s.name),
                   s.units,
                   std::string(s.long_name) + ", all countries",
                   "",
                   {f::kPhase},
                   {phases},
                   {}});
  for (auto& v : out) v.values.assign(static_cast<std::size_t>(model.replications) * v.cells(), 0.0);
  return out;
}

// Copies one finished replication into its slot of every variable. Called
// concurrently for different replications: the slots do not overlap.
void keep(std::vector<Variable>& vars, const std::vector<sim::Metric>& metrics, int rep,
          const sim::Series& series, const sim::PhaseSummary& summary) {
  std::size_t i = 0;
  for (const auto metric : metrics) {
    const auto values = series.values(metric);
    std::copy(values.begin(), values.end(),
              vars[i].values.begin() + static_cast<std::ptrdiff_t>(rep * values.size()));
    ++i;
  }
  const int phases = summary.phases(), countries = summary.countries();
  for (int s = 0; s < sim::kSummaries; ++s, ++i) {
    auto& by_country = vars[i].values;
    auto& total = vars[i + sim::kSummaries].values;
    for (int p = 0; p < phases; ++p) {
      for (int c = 0; c < countries; ++c)
        by_country[(static_cast<std::size_t>(rep) * phases + p) * countries + c] =
            summary.at(p, c, static_cast<sim::Summary>(s));
      total[static_cast<std::size_t>(rep) * phases + p] = summary.total(p, static_cast<sim::Summary>(s));
    }
  }
}

// The funder ledger's two variables, dims (phase, funder, ledger_column)
// after `replication`, NaN until a replication fills them (as in the file);
// none when the scenario names no funders.
std::vector<Variable> ledger_layout(const model::Description& model) {
  std::vector<Variable> out;
  if (model.funders.empty()) return out;
  for (const f::LedgerVariable& l : {f::kFunderLedger, f::kFunderLedgerUsd}) {
    Variable v{l.name,
               l.units,
               l.long_name,
               "",
               {f::kPhase, f::kFunder, f::kLedgerColumn},
               {model.phases.size(), model.funders.size(), sim::kLedgerColumns},
               {}};
    v.values.assign(static_cast<std::size_t>(model.replications) * v.cells(), std::nan(""));
    out.push_back(std::move(v));
  }
  return out;
}

// One replication's ledger, [funder][phase][column] in the series, into its
// (phase, funder, column) slot; a ledger shaped unlike the run stays NaN.
void keep_ledger(std::vector<Variable>& ledger, int rep, const sim::FunderLedger& l) {
  if (ledger.empty() || static_cast<std::size_t>(l.funders) != ledger[0].shape[1] ||
      static_cast<std::size_t>(l.phases) != ledger[0].shape[0])
    return;
  std::size_t i = static_cast<std::size_t>(rep) * ledger[0].cells();
  for (int p = 0; p < l.phases; ++p)
    for (int j = 0; j < l.funders; ++j)
      for (int c = 0; c < sim::kLedgerColumns; ++c, ++i) {
        ledger[0].values[i] = l.own_at(j, p, static_cast<sim::LedgerColumn>(c));
        ledger[1].values[i] = l.usd_at(j, p, static_cast<sim::LedgerColumn>(c));
      }
}

// The `*_stats` companion of every variable, as the results writer computes it.
std::vector<Variable> statistics(const std::vector<Variable>& vars, int replications) {
  std::vector<Variable> out;
  for (const auto& v : vars) {
    Variable s = v;
    s.name = f::statistics_variable(v.name);
    s.long_name = v.long_name + " (statistics across replications)";
    s.kind.clear();  // the file gives statistics no kind
    s.values.assign(output::kStatistics * v.cells(), 0.0);
    output::block_statistics(v.values, static_cast<std::size_t>(replications), s.values);
    out.push_back(std::move(s));
  }
  return out;
}

py::dict to_python(const Variable& v, const char* first_dim, std::size_t first_length) {
  std::vector<std::size_t> shape{first_length};
  shape.insert(shape.end(), v.shape.begin(), v.shape.end());
  py::list dims;
  dims.append(first_dim);
  for (const auto& d : v.dims) dims.append(d);
  py::dict attrs;
  attrs["units"] = v.units;
  attrs["long_name"] = v.long_name;
  if (!v.kind.empty()) attrs["kind"] = v.kind;
  py::dict out;
  out["dims"] = py::tuple(dims);
  out["values"] = py::array_t<double>(shape, v.values.data());
  out["attrs"] = attrs;
  return out;
}

py::dict coordinates(const output::RunInfo& info) {
  std::vector<std::int64_t> reps;
  for (int r = 0; r < info.replications; ++r) reps.push_back(r);
  const output::PhaseColumns phases = output::phase_columns(info);
  py::dict c;
  c[f::kTime] = output::time_days(info);
  c[f::kCountry] = info.country_ids;
  c[f::kCountryName] = info.country_names;
  c[f::kReplication] = reps;
  c[f::kPhase] = phases.ids;
  c[f::kPhaseName] = phases.names;
  c[f::kPhaseStart] = phases.starts;
  c[f::kPhaseEnd] = phases.ends;
  if (info.funders.empty()) return c;
  std::vector<std::string> ids, names, currencies;
  for (const output::FunderInfo& funder : info.funders) {
    ids.push_back(funder.id);
    names.push_back(funder.name);
    currencies.push_back(funder.currency);
  }
  const auto& columns = sim::ledger_column_names();
  c[f::kFunder] = ids;
  c[f::kFunderName] = names;
  c[f::kFunderCurrency] = currencies;
  c[f::kLedgerColumn] = std::vector<std::string>(columns.begin(), columns.end());
  return c;
}

py::dict root_attributes(const output::RunInfo& info) {
  py::dict a;
  a[f::kVersionAttribute] = f::kVersion;
  a["scenario_name"] = info.scenario_name;
  a["scenario_toml"] = info.scenario_toml;
  a["scenario_sha256"] = info.scenario_sha256;
  a["engine_version"] = info.engine_version;
  a["seed"] = info.seed;
  a["replications"] = info.replications;
  a["steps"] = info.steps;
  a["start"] = format_year_month(info.start);
  return a;
}

py::dict run(const ScenarioHandle& base, const RunRequest& request, const py::object& progress) {
  std::vector<std::string> more;  // as `score run --reps --seed` adds them
  if (request.replications) more.push_back("run.replications=" + std::to_string(*request.replications));
  if (request.seed) more.push_back("run.seed=" + std::to_string(*request.seed));
  const ScenarioHandle sc = more.empty() ? base : base.with(more);
  const model::Description& model = sc.model();
  const std::vector<sim::Metric> metrics = chosen_metrics(request.outputs);
  std::vector<Variable> vars = layout(model, metrics), stats, ledger = ledger_layout(model);
  run_interruptible(
      [&](const std::atomic<bool>& cancel, EngineProgress& counts) {
        counts.total = static_cast<std::int64_t>(model.replications) * model.steps;  // before the first month
        sim::RunOptions options;
        options.threads = request.threads;
        options.cancel = &cancel;
        options.on_progress = [&](std::int64_t done, std::int64_t total) {
          counts.done = done;
          counts.total = total;
        };
        options.on_replication = [&](int rep, const sim::Series& series, const sim::PhaseSummary& summary) {
          keep(vars, metrics, rep, series, summary);
          keep_ledger(ledger, rep, series.funder_ledger);
        };
        if (!sim::run_replications(model, options)) return;
        if (model.replications > 1)
          threads::in_arena(request.threads, [&] { stats = statistics(vars, model.replications); });
      },
      progress);
  const output::RunInfo info = provenance::run_info(*sc.loaded);
  py::list variables;
  for (const auto& v : vars)
    variables.append(py::make_tuple(
        v.name,
        to_python(v, f::kReplication, vars.empty() ? 0 : static_cast<std::size_t>(model.replications))));
  for (const auto& v : ledger)  // no statistics: as in the file
    variables.append(
        py::make_tuple(v.name, to_python(v, f::kReplication, static_cast<std::size_t>(model.replications))));
  for (const auto& v : stats)
    variables.append(py::make_tuple(v.name, to_python(v, f::kStatistic, output::kStatistics)));
  py::dict out;
  out["attrs"] = root_attributes(info);
  out["coords"] = coordinates(info);
  out["variables"] = variables;
  out["time_units"] = "days since " + format_year_month(info.start) + "-01";
  return out;
}

}  // namespace

void bind_run(py::module_& m) {
  m.def(
      "run",
      [](const ScenarioHandle& scenario, std::optional<int> replications, std::optional<std::uint64_t> seed,
         int threads, std::optional<std::vector<std::string>> outputs, const py::object& progress) {
        return run(scenario, {replications, seed, threads, std::move(outputs)}, progress);
      },
      py::arg("scenario"), py::arg("replications") = py::none(), py::arg("seed") = py::none(),
      py::arg("threads") = 0, py::arg("outputs") = py::none(), py::arg("progress") = py::none(),
      "Runs a scenario's replications; returns the results file's variables as arrays");
}

}  // namespace score::python
