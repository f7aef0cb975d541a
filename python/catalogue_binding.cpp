// The names, units and descriptions of the results format, taken from the
// engine's catalogues and output/format.hpp, so the Python datasets are
// named exactly as the results files are (docs/output-format.md).
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "output/format.hpp"
#include "sim/metric_names.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::python {

namespace {

py::list metrics() {
  py::list out;
  for (const auto& m : sim::metric_catalogue()) {
    py::dict d;
    d["name"] = m.name;
    d["long_name"] = m.long_name;
    d["units"] = m.units;
    d["kind"] = kind_name(m.kind);
    d["axis"] = m.axis == sim::Axis::none ? py::object(py::none()) : py::str(sim::axis_name(m.axis));
    out.append(d);
  }
  return out;
}

// {old name: current name} of the metrics renamed since an earlier version.
py::dict renamed_metrics() {
  py::dict out;
  for (const sim::MetricRename& r : sim::metric_renames()) out[py::str(r.old_name)] = sim::info(r.now).name;
  return out;
}

py::list summaries() {
  py::list out;
  for (const auto& s : sim::summary_catalogue()) {
    py::dict d;
    d["name"] = s.name;
    d["long_name"] = s.long_name;
    d["units"] = s.units;
    d["variable"] = output::format::summary_variable(s.name);
    d["total_variable"] = output::format::summary_total_variable(s.name);
    out.append(d);
  }
  return out;
}

py::dict axes() {
  py::dict out;
  for (const auto axis : {sim::Axis::module, sim::Axis::source, sim::Axis::indicator})
    out[py::str(sim::axis_name(axis))] = sim::axis_labels(axis);
  return out;
}

py::dict names() {
  namespace f = output::format;
  py::dict out;
  for (const char* name : {f::kTime, f::kCountry, f::kReplication, f::kPhase, f::kStatistic, f::kCountryName,
                           f::kPhaseName, f::kPhaseStart, f::kPhaseEnd, f::kVersionAttribute, f::kFunder,
                           f::kFunderName, f::kFunderCurrency, f::kLedgerColumn})
    out[py::str(name)] = name;
  return out;
}

}  // namespace

void bind_catalogue(py::module_& m) {
  m.attr("METRICS") = metrics();
  m.attr("RENAMED_METRICS") = renamed_metrics();
  m.attr("SUMMARIES") = summaries();
  m.attr("AXES") = axes();
  m.attr("NAMES") = names();
  const auto& statistics = output::statistic_names();
  m.attr("STATISTICS") = std::vector<std::string>(statistics.begin(), statistics.end());
  m.attr("FORMAT_VERSION") = output::format::kVersion;
  m.def("statistics_variable", &output::format::statistics_variable, py::arg("variable"),
        "The name of a variable's statistics across replications: NAME_stats");
}

}  // namespace score::python
