#pragma once
// The central parameter set a calibration writes into its scenario
// (docs/calibration.md, "The central set"). A posterior's weighted medians
// need not be a good joint point, and a particle judged on the mean of a few
// runs may have been lucky; so the candidates (the medians and the particles
// of the last generation nearest the targets) are each run as the scenario
// itself runs, with its own run.seed and run.replications, and the one whose
// means lie nearest the targets (the fit's distance) is chosen.
#include <atomic>
#include <string>
#include <vector>

#include "calibrate/calibration.hpp"

namespace score::calibrate {

struct CentralCandidate {
  std::string label;          // "posterior median" or "particle i (distance d)"
  std::vector<double> theta;  // as written: six significant digits, integer keys rounded
  Outcome outcome;            // over the scenario's own replications
};

struct CentralChoice {
  std::vector<CentralCandidate> candidates;
  std::size_t chosen = 0;  // the smallest distance; the earlier candidate on a tie
  int replications = 0;
};

// A parameter value as a scenario file keeps it: six significant digits
// (the posterior is not known closer), an integer key rounded.
double written_value(const sweep::Parameter& p, double value);

// The posterior's weighted medians, then the `nearest` distinct particles of
// `last` with the smallest distances (in that order; ties by position).
std::vector<CentralCandidate> central_candidates(const Calibration& c, const Generation& last,
                                                 std::size_t nearest);

// Runs each candidate with the scenario's run.seed and run.replications on
// `threads` workers and picks the nearest (c's replications are restored
// after). Empty candidates when cancelled.
CentralChoice choose_central(Calibration& c, const Generation& last, std::size_t nearest, int threads,
                             const std::atomic<bool>* cancel);

}  // namespace score::calibrate
