#pragma once
// The parts of the extension module `score._score`, one function per file
// that registers it. The pure-Python package (python/score) is the public
// face; these are its building blocks.
#include <pybind11/pybind11.h>

#include "sim/metrics.hpp"

namespace score::python {

namespace py = pybind11;

void bind_scenario(py::module_& m);   // scenario_binding.cpp: Scenario, load_scenario, ScenarioError
void bind_catalogue(py::module_& m);  // catalogue_binding.cpp: the results format's names and units
void bind_run(py::module_& m);        // run_binding.cpp: run -> arrays laid out like a results file
void bind_sweep(py::module_& m);      // sweep_binding.cpp: sweeps over a file or a list of points

using sim::kind_name;

}  // namespace score::python
