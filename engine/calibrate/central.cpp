#include "calibrate/central.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace score::calibrate {

double written_value(const sweep::Parameter& p, double value) {
  if (p.integer) return std::round(value);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return std::stod(buffer);
}

std::vector<CentralCandidate> central_candidates(const Calibration& c, const Generation& last) {
  const auto& params = c.spec.parameters;
  auto written = [&](std::vector<double> theta) {
    for (std::size_t j = 0; j < theta.size(); ++j) theta[j] = written_value(params[j], theta[j]);
    return theta;
  };
  std::vector<double> median;
  for (std::size_t j = 0; j < params.size(); ++j)
    median.push_back(column_quantile(last, Column::theta, j, 0.5));
  std::vector<CentralCandidate> out{{"posterior median", written(median), {}}};
  std::vector<std::vector<double>> seen;
  for (std::size_t i = 0; i < last.particles.size(); ++i) {
    const Particle& p = last.particles[i];
    if (std::find(seen.begin(), seen.end(), p.theta) != seen.end()) continue;  // a copy
    seen.push_back(p.theta);
    out.push_back({"particle " + std::to_string(i), written(p.theta), {}});
  }
  return out;
}

namespace {

// Whether every fit target of the central phase lies inside its band. Only
// the targets of the distance count: a held-out target is the out-of-sample
// check, and letting it choose the central set would fit to it.
bool meets_phase(const Calibration& c, const Outcome& o) {
  const auto& targets = c.spec.targets.targets;
  if (o.values.size() < 2 * targets.size()) return false;
  for (const std::size_t t : c.in_distance) {
    const Target& target = targets[t];
    if (target.measure != Measure::phase_summary || target.phase != c.spec.central_phase) continue;
    if (!inside(band_of(target.reported, o.values[targets.size() + t]), o.values[t])) return false;
  }
  return true;
}

}  // namespace

CentralChoice choose_central(Calibration& c, const Generation& last, int threads,
                             const std::atomic<bool>* cancel) {
  CentralChoice choice;
  choice.candidates = central_candidates(c, last);
  // The scenario's own runs: what `score run` and the Phase I check give.
  std::vector<Proposal> proposals;
  for (const CentralCandidate& k : choice.candidates) proposals.push_back({k.theta, c.sweep.base.model.seed});
  const std::vector<Outcome> outcomes = [&] {
    // The fit's own replications come back however the runs end, a throw included.
    struct Restore {
      Calibration& c;
      int replications;
      ~Restore() { c.spec.replications = c.sweep.spec.replications = replications; }
    } restore{c, c.spec.replications};
    choice.replications = c.spec.replications = c.sweep.spec.replications = c.sweep.base.model.replications;
    return simulator(c, threads, cancel)(proposals);
  }();
  if (cancel && cancel->load()) return {};
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    choice.candidates[i].outcome = outcomes[i];
    choice.candidates[i].meets_phase = c.spec.central_phase.empty() || meets_phase(c, outcomes[i]);
    choice.meeting_phase += choice.candidates[i].meets_phase;
  }
  // The nearest of those that meet the phase, or of all when none does.
  bool found = false;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const CentralCandidate& k = choice.candidates[i];
    if (choice.meeting_phase > 0 && !k.meets_phase) continue;
    if (!found || k.outcome.distance < choice.candidates[choice.chosen].outcome.distance) choice.chosen = i;
    found = true;
  }
  return choice;
}

}  // namespace score::calibrate
