#pragma once
// The monthly step, process by process, with a clock around each one.
//
// timed_step() calls the processes of processes.hpp in the order
// Simulation::step() does, on the simulation's own state, so a profiled run
// gives the same bits as an ordinary one (tests/bench checks it); it only
// adds two clock reads per process per month.
#include <array>

#include "sim/simulation.hpp"

namespace score::bench {

inline constexpr int kStepProcesses = 9;

// Names in step order: begin_month, run_programme, ..., record_metrics.
const std::array<const char*, kStepProcesses>& process_names();

struct ProcessTimes {
  double setup_s = 0;                            // population and networks (Simulation's constructor)
  std::array<double, kStepProcesses> seconds{};  // per process, summed over months
  int months = 0;

  double step_total() const;
  double total() const { return setup_s + step_total(); }
  ProcessTimes& operator+=(const ProcessTimes& other);
};

// Advances one month as Simulation::step() does, adding each process's time.
void timed_step(sim::Simulation& sim, ProcessTimes& times);

// Runs process `index` alone on the state (no clock): for the micro-benchmarks.
void run_process(int index, sim::State& state);

}  // namespace score::bench
