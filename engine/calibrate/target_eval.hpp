#pragma once
// Targets against one replication: the model's value of each target from the
// replication's monthly metrics and phase summary, and the judgement of a
// value (averaged over replications) against the reported band.
#include <span>
#include <string>
#include <vector>

#include "calibrate/target.hpp"
#include "model/description.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::calibrate {

// The shape of a run the targets are read from.
struct Frame {
  YearMonth start;
  int steps = 0;
  std::vector<std::string> countries;  // ids, in the run's order
  std::vector<std::string> phases;     // ids, in the run's order
  std::vector<int> phase_last_steps;   // each phase's last month, in the run's order
};
Frame frame_of(const model::Description& model);

// Throws scenario::ScenarioError naming `file`, the target's line and the
// problem for every target the frame cannot give (an unknown country or
// phase, a month outside the calendar).
void check_targets(const std::vector<Target>& targets, const Frame& frame, const std::string& file);

// The months a run must simulate for every target to be read: up to the
// last month any of them reads (a phase's last month, `at`), whatever comes
// after. A month's metrics depend on no later month, so the values are those
// of a whole run. Targets must have passed check_targets.
int steps_read(const std::vector<Target>& targets, const Frame& frame);

// One replication's value of a target and the reported figure it is compared
// with (the module mix of value_by_module depends on the run; else the value).
struct Sample {
  double model = 0, goal = 0;
};
Sample evaluate(const Target& target, const Frame& frame, const sim::Series& series,
                const sim::PhaseSummary& summary);

// Samples of several replications: the mean model value and mean goal (NaN
// replications left out), judged against the band.
struct Judgement {
  double model = 0, goal = 0;
  Band band;
  double discrepancy = 0;
  bool inside = false;
};
Judgement judge(const Target& target, std::span<const Sample> replications);

}  // namespace score::calibrate
