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

std::vector<CentralCandidate> central_candidates(const Calibration& c, const Generation& last,
                                                 std::size_t nearest) {
  const auto& params = c.spec.parameters;
  auto written = [&](std::vector<double> theta) {
    for (std::size_t j = 0; j < theta.size(); ++j) theta[j] = written_value(params[j], theta[j]);
    return theta;
  };
  std::vector<double> weights;
  for (const Particle& p : last.particles) weights.push_back(p.weight);
  std::vector<double> median;
  for (std::size_t j = 0; j < params.size(); ++j) {
    std::vector<double> x;
    for (const Particle& p : last.particles) x.push_back(p.theta[j]);
    median.push_back(weighted_quantile(x, weights, 0.5));
  }
  std::vector<CentralCandidate> out{{"posterior median", written(median), {}}};
  std::vector<std::size_t> order(last.particles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return last.particles[a].distance < last.particles[b].distance;
  });
  std::vector<std::vector<double>> seen;
  for (const std::size_t i : order) {
    if (seen.size() >= nearest) break;
    const Particle& p = last.particles[i];
    if (std::find(seen.begin(), seen.end(), p.unit) != seen.end()) continue;  // a copy
    seen.push_back(p.unit);
    char label[64];
    std::snprintf(label, sizeof label, "particle %zu (distance %.3g)", i, p.distance);
    out.push_back({label, written(p.theta), {}});
  }
  return out;
}

CentralChoice choose_central(Calibration& c, const Generation& last, std::size_t nearest, int threads,
                             const std::atomic<bool>* cancel) {
  CentralChoice choice;
  choice.candidates = central_candidates(c, last, nearest);
  // The scenario's own runs: what `score run` and the Phase I check give.
  const int fit_replications = c.spec.replications;
  choice.replications = c.spec.replications = c.sweep.spec.replications = c.sweep.base.model.replications;
  std::vector<Proposal> proposals;
  for (const CentralCandidate& k : choice.candidates) proposals.push_back({k.theta, c.sweep.base.model.seed});
  const std::vector<Outcome> outcomes = simulator(c, threads, cancel)(proposals);
  c.spec.replications = c.sweep.spec.replications = fit_replications;
  if (cancel && cancel->load()) return {};
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    choice.candidates[i].outcome = outcomes[i];
    if (outcomes[i].distance < choice.candidates[choice.chosen].outcome.distance) choice.chosen = i;
  }
  return choice;
}

}  // namespace score::calibrate
