#pragma once
// Which inputs drive an outcome, from the points of any design (no special
// layout, unlike Sobol' indices): two scores per input that are simple to
// explain and to check by hand.
//
// * srrc: the standardized rank regression coefficient. Inputs and outcome
//   are replaced by their ranks (ties get their mean rank), standardised,
//   and the outcome's ranks regressed on all inputs' ranks at once by least
//   squares. The coefficient says how far, in standard deviations, the
//   outcome's rank moves with one standard deviation of the input's rank,
//   the others held fixed: its sign is the direction, its size the
//   strength, for any monotonic relation. r2 says how much of the outcome's
//   rank variance the inputs explain together; a low r2 means effects that
//   are not monotonic or not additive, where srrc understates them.
// * ks: the Kolmogorov-Smirnov distance between the input's distribution
//   over the cases of interest and over the other points (regional
//   sensitivity analysis): 0 when the cases are spread over the input like
//   the others, 1 when the input alone separates them.
//
// References
//   Saltelli, Chan & Scott (2000), Sensitivity Analysis, Wiley, ch. 6 (SRRC).
//   Spear & Hornberger (1980), Water Research 14:43-49 (regional sensitivity).
#include <vector>

#include "experiment/design.hpp"

namespace score::experiment {

struct FeatureScores {
  std::vector<double> srrc;  // per input; NaN for an input that does not vary
  std::vector<double> ks;    // per input; NaN without both cases and other points
  double r2 = 0;             // of the rank regression
};

// Scores of inputs `x` (rows are points) for outcome `y` and the cases of
// interest `is_case`. Throws std::invalid_argument for fewer than 3 points
// or lengths that do not match.
FeatureScores feature_scores(const Points& x, const std::vector<double>& y, const std::vector<bool>& is_case);

// Ranks from 1 to n, ties given their mean rank.
std::vector<double> ranks(const std::vector<double>& v);

// Largest distance between the empirical distribution functions of a and b.
double ks_distance(std::vector<double> a, std::vector<double> b);

}  // namespace score::experiment
