#pragma once
// Running the engine from Python so that a notebook stays responsive: the
// engine works on its own thread with the GIL released, while the Python
// thread runs the signal handlers (Ctrl-C) and the progress callback.
#include <pybind11/pybind11.h>

#include <atomic>
#include <cstdint>
#include <functional>

namespace score::python {

namespace py = pybind11;

// What the engine reports from its worker threads, read by the Python thread.
struct EngineProgress {
  std::atomic<std::int64_t> done{0}, total{0};
};

// The engine's part of a call: runs to the end or until `cancel` is set,
// touching no Python object.
using EngineJob = std::function<void(const std::atomic<bool>& cancel, EngineProgress& progress)>;

// Runs `job` on a new thread and, until it returns, wakes the calling thread
// (which holds the GIL) every 100 ms to call PyErr_CheckSignals and then
// `progress(done, total)` unless it is None. A Python exception from either
// (KeyboardInterrupt from Ctrl-C, or anything the callback raises) cancels
// the job, waits for the engine to stop and propagates; an exception of the
// job is rethrown here.
void run_interruptible(const EngineJob& job, const py::object& progress);

}  // namespace score::python
