// score.load_scenario and score.ScenarioError: the scenario layer's loading
// and validation, unchanged, with its diagnostics raised as one exception.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "scenario/diagnostic.hpp"
#include "scenario/resolved.hpp"
#include "scenario_handle.hpp"

namespace score::python {

ScenarioHandle ScenarioHandle::load(std::filesystem::path path, std::vector<std::string> overrides) {
  auto loaded = std::make_shared<const scenario::Scenario>(scenario::load_scenario(path, overrides));
  return {std::move(path), std::move(overrides), std::move(loaded)};
}

ScenarioHandle ScenarioHandle::with(const std::vector<std::string>& more) const {
  std::vector<std::string> all = overrides;
  all.insert(all.end(), more.begin(), more.end());
  return load(path, std::move(all));
}

namespace {

// Every diagnostic, one per line, as `score run` prints them to stderr:
// "file:line:column: key.path: message".
std::string describe(const scenario::ScenarioError& e) {
  std::string out;
  for (const auto& d : e.diagnostics()) out += (out.empty() ? "" : "\n") + d.format();
  return out;
}

std::vector<std::string> phase_ids(const model::Description& m) {
  std::vector<std::string> out;
  for (const auto& p : m.phases) out.push_back(p.id);
  return out;
}

std::vector<std::string> country_ids(const model::Description& m) {
  std::vector<std::string> out;
  for (const auto& c : m.countries) out.push_back(c.id);
  return out;
}

}  // namespace

void bind_scenario(py::module_& m) {
  // A ValueError, so code that catches bad input generically still does.
  static py::exception<scenario::ScenarioError> error(m, "ScenarioError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const scenario::ScenarioError& e) {
      error(describe(e).c_str());
    }
  });

  py::class_<ScenarioHandle>(m, "Scenario", "A scenario file loaded and validated, with its overrides")
      .def_property_readonly("path", [](const ScenarioHandle& s) { return s.path; })
      .def_property_readonly("overrides", [](const ScenarioHandle& s) { return s.overrides; })
      .def_property_readonly("name", [](const ScenarioHandle& s) { return s.model().name; })
      .def_property_readonly("replications", [](const ScenarioHandle& s) { return s.model().replications; })
      .def_property_readonly("seed", [](const ScenarioHandle& s) { return s.model().seed; })
      .def_property_readonly("steps", [](const ScenarioHandle& s) { return s.model().steps; })
      .def_property_readonly("phases", [](const ScenarioHandle& s) { return phase_ids(s.model()); })
      .def_property_readonly("countries", [](const ScenarioHandle& s) { return country_ids(s.model()); })
      .def_property_readonly(
          "toml", [](const ScenarioHandle& s) { return scenario::to_toml(s.loaded->document); },
          "the fully resolved scenario, as results files store it")
      .def("__repr__", [](const ScenarioHandle& s) {
        return "<score.Scenario '" + s.model().name + "' from " + s.path.string() + ", " +
               std::to_string(s.overrides.size()) + " override(s)>";
      });

  m.def("load_scenario", &ScenarioHandle::load, py::arg("path"), py::arg("overrides"),
        "Loads and validates a scenario file with KEY=VALUE overrides (as `score run --set`)");
}

}  // namespace score::python
