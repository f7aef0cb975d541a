#pragma once
// A loaded calibration: the checked calibration file, its scenario as a
// sweep whose points are the particles of ABC-SMC, and the simulator that
// runs a batch of particles in memory with the sweep's point runner and
// judges every target on their replications. No I/O formats.
#include <atomic>
#include <filesystem>
#include <vector>

#include "calibrate/abc_smc.hpp"
#include "calibrate/calibration_file.hpp"
#include "calibrate/target_eval.hpp"
#include "sweep/sweep.hpp"

namespace score::calibrate {

struct Calibration {
  CalibrationSpec spec;
  sweep::Sweep sweep;  // base scenario and free parameters; its design is each batch's particles
  Frame frame;
  // The targets that make the distance: fit targets not held out.
  std::vector<std::size_t> in_distance;
  // Months each run simulates: up to the last one a target reads
  // (steps_read); the months after it would change no target. -1: all.
  int steps = -1;
};

// Reads the calibration file, its scenario and targets, and checks that the
// scenario gives every target. Throws scenario::ScenarioError with every
// problem, naming the file and place.
Calibration load_calibration(const std::filesystem::path& file);

std::vector<PriorRange> priors(const Calibration& c);
// The ABC-SMC settings: the budget of runs in simulations of `replications` runs.
AbcSettings settings(const Calibration& c);

// A particle's distance: the Euclidean norm of the discrepancies of the
// targets in `in_distance` (0 when all lie inside their bands); +inf when
// any is NaN.
double distance(const std::vector<Judgement>& judged, const std::vector<std::size_t>& in_distance);

// Runs batches of particles (each `replications` runs of the scenario with
// the particle's values and seed) on `threads` workers. An outcome's values
// are every target's mean model value, then every target's mean reported
// figure (the figure depends on the run for value_by_module). Stops early,
// leaving outcomes at NaN, when `cancel` is set.
Simulator simulator(Calibration& c, int threads, const std::atomic<bool>* cancel);

}  // namespace score::calibrate
