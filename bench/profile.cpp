#include "profile.hpp"

#include <chrono>

#include "sim/processes.hpp"

namespace score::bench {
namespace {

using Process = void (*)(sim::State&);

// The table of contents of Simulation::step(), in its order.
constexpr std::array<Process, kStepProcesses> kProcesses{
    sim::begin_month,       sim::run_programme,    sim::train_trainers,
    sim::spread_awareness,  sim::decide_enrolment, sim::allocate_seats,
    sim::progress_training, sim::settle_providers, sim::record_metrics,
};

}  // namespace

const std::array<const char*, kStepProcesses>& process_names() {
  static const std::array<const char*, kStepProcesses> names{
      "begin_month",    "run_programme",     "train_trainers",   "spread_awareness", "decide_enrolment",
      "allocate_seats", "progress_training", "settle_providers", "record_metrics",
  };
  return names;
}

double ProcessTimes::step_total() const {
  double t = 0;
  for (double s : seconds) t += s;
  return t;
}

ProcessTimes& ProcessTimes::operator+=(const ProcessTimes& other) {
  setup_s += other.setup_s;
  for (std::size_t k = 0; k < seconds.size(); ++k) seconds[k] += other.seconds[k];
  months += other.months;
  return *this;
}

void timed_step(sim::Simulation& simulation, ProcessTimes& times) {
  using clock = std::chrono::steady_clock;
  sim::State& state = simulation.state();
  auto last = clock::now();
  for (std::size_t k = 0; k < kProcesses.size(); ++k) {
    kProcesses[k](state);
    const auto now = clock::now();
    times.seconds[k] += std::chrono::duration<double>(now - last).count();
    last = now;
  }
  ++state.step;
  ++times.months;
}

void run_process(int index, sim::State& state) { kProcesses[static_cast<std::size_t>(index)](state); }

}  // namespace score::bench
