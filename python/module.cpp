// score._score: the engine, callable from Python (docs/python.md).
#include "bindings.hpp"

PYBIND11_MODULE(_score, m) {
  m.doc() = "The score engine: scenarios, runs and sweeps (use the `score` package, not this module)";
  score::python::bind_scenario(m);
  score::python::bind_catalogue(m);
  score::python::bind_run(m);
  score::python::bind_sweep(m);
}
