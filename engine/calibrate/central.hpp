#pragma once
// The central parameter set a calibration writes into its scenario
// (docs/calibration.md, "The central set"). A posterior's weighted medians
// need not be a good joint point, and a particle judged on the mean of a few
// runs may have been lucky; so the candidates (the medians and every
// distinct particle of the last generation) are each run as the scenario
// itself runs, with its own run.seed and run.replications, and the one whose
// means lie nearest the targets (the fit's distance) is chosen, among those
// that meet every fit target of the calibration's `central_phase` if any do.
#include <atomic>
#include <string>
#include <vector>

#include "calibrate/calibration.hpp"

namespace score::calibrate {

struct CentralCandidate {
  std::string label;          // "posterior median" or "particle i"
  std::vector<double> theta;  // as written: six significant digits, integer keys rounded
  Outcome outcome;            // over the scenario's own replications
  bool meets_phase = true;    // every fit target of the central phase inside its band
};

struct CentralChoice {
  std::vector<CentralCandidate> candidates;
  std::size_t chosen = 0;  // the smallest distance; the earlier candidate on a tie
  int replications = 0;
  int meeting_phase = 0;  // candidates that meet the central phase (all of them without one)
};

// A parameter value as a scenario file keeps it: six significant digits
// (the posterior is not known closer), an integer key rounded.
double written_value(const sweep::Parameter& p, double value);

// The posterior's weighted medians, then each distinct particle of `last`
// in order (a copy of an earlier particle is left out).
std::vector<CentralCandidate> central_candidates(const Calibration& c, const Generation& last);

// Runs each candidate with the scenario's run.seed and run.replications on
// `threads` workers and picks the nearest, among those that meet the
// central phase when any do (c's replications are restored after). Empty
// candidates when cancelled.
CentralChoice choose_central(Calibration& c, const Generation& last, int threads,
                             const std::atomic<bool>* cancel);

}  // namespace score::calibrate
