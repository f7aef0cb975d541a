#pragma once
// The decision table of a policies x uncertainties sweep: how each policy
// option fares over the uncertain points, and which one is robust.
//
// For each criterion (an outcome, whether more is better, a threshold) and
// each option, over the design points u (each the mean of its replications):
//   mean, p05, p50, p95  the outcome's distribution across the points;
//   regret               at u, how far the option falls short of the best
//                        option at the same u (0 for the best), in the
//                        outcome's units; the table gives its mean and
//                        maximum (Savage 1951; as in Lempert, Popper &
//                        Bankes 2003);
//   satisficing          share of the points where the threshold is met
//                        (Simon 1956; Starr 1963's domain criterion).
// Robust options: the least maximum regret per criterion, and the highest
// share of points meeting every threshold at once. Pure computation.
#include <string>
#include <vector>

#include "sweep/sweep_analysis.hpp"
#include "sweep/sweep_file.hpp"

namespace score::sweep {

struct OptionScore {
  double mean = 0, p05 = 0, p50 = 0, p95 = 0;
  double mean_regret = 0, max_regret = 0;
  double satisficing = 0;  // NaN without a threshold
};

struct CriterionScores {
  Criterion criterion;
  std::vector<OptionScore> options;  // in policy order
  int least_max_regret = -1;         // the robust option on this criterion
};

struct DecisionTable {
  std::vector<std::string> options;
  int points = 0;  // uncertain points per option
  std::vector<CriterionScores> criteria;
  std::vector<double>
      all_met;                // per option: share of points meeting every threshold; empty without thresholds
  int most_satisficing = -1;  // the option with the highest all_met share
};

// From the per-point means of a policy sweep laid out option-major (point
// option * points + u, Design::policy). `phase_ids` name the phases of
// `means`. Throws std::invalid_argument when the table does not fit the
// options or a criterion names an unknown phase or outcome.
DecisionTable decision_table(const OutcomeTable& means, const std::vector<Policy>& options,
                             const std::vector<Criterion>& criteria,
                             const std::vector<std::string>& phase_ids);

}  // namespace score::sweep
