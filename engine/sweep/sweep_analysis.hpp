#pragma once
// What a finished sweep says: sensitivity indices of every outcome to every
// parameter, and how many replications a precision needs. Pure computation
// on the per-point statistics a results file stores.
#include <cstdint>
#include <vector>

#include "experiment/bootstrap_interval.hpp"
#include "experiment/design.hpp"
#include "sim/summary.hpp"
#include "sweep/sweep_file.hpp"

namespace score::sweep {

// Outcome values of a sweep, one per (point, phase, summary), laid out
// [point][phase][summary] with summaries in sim::Summary order: typically
// the mean over each point's replications.
struct OutcomeTable {
  int points = 0, phases = 0;
  std::vector<double> values;
  double at(int point, int phase, int summary) const {
    return values[(static_cast<std::size_t>(point) * phases + phase) * sim::kSummaries + summary];
  }
};

// Indices per (phase, summary, parameter), laid out in that order.
struct SensitivityTable {
  Method method = Method::saltelli;
  int phases = 0, parameters = 0;
  int bootstrap = 0;
  double confidence = 0.95;
  experiment::IntervalMethod interval = experiment::IntervalMethod::bca;
  // saltelli: Sobol' first-order and total indices with bootstrap intervals.
  std::vector<double> first, first_lo, first_hi, total, total_lo, total_hi;
  // saltelli, per (phase, summary): 1 where the indices are NaN because one
  // base row carries most of the outcome's variance (experiment::SobolIndices).
  std::vector<char> one_row;
  // morris: mean, mean of absolute values and sd of the elementary effects.
  std::vector<double> mu, mu_star, sigma;
  std::size_t index(int phase, int summary, int parameter) const {
    return (static_cast<std::size_t>(phase) * sim::kSummaries + summary) * parameters + parameter;
  }
};

// Designs that sensitivity_table() accepts: saltelli and morris.
bool supports_sensitivity(Method method);

// Sobol' indices (saltelli, from `saltelli`'s row layout) or Morris
// statistics (morris, from `morris`) of every outcome. Throws
// std::invalid_argument for another design or a table that does not fit
// the layout.
SensitivityTable sensitivity_table(Method method, const OutcomeTable& outcomes, int parameters,
                                   const experiment::SaltelliLayout& saltelli,
                                   const experiment::MorrisLayout& morris, int bootstrap, double confidence,
                                   std::uint64_t seed,
                                   experiment::IntervalMethod interval = experiment::IntervalMethod::bca);

// Whether the Sobol' indices have settled: the saltelli table recomputed from
// the first m base rows of the same sweep, for m in
// experiment::convergence_sizes(n) (n/8, n/4, n/2, n), with the same
// bootstrap, seed and interval method. Intervals that shrink about as 1/sqrt(m) and indices
// that stay inside the earlier intervals say n was large enough.
struct ConvergenceStep {
  int n = 0;
  SensitivityTable table;
};
std::vector<ConvergenceStep> sobol_convergence(
    const OutcomeTable& outcomes, int parameters, const experiment::SaltelliLayout& saltelli, int bootstrap,
    double confidence, std::uint64_t seed,
    experiment::IntervalMethod interval = experiment::IntervalMethod::bca);

// The outcomes a donor or planner reads first.
const std::vector<sim::Summary>& headline_summaries();

// Replications needed for the mean of an outcome to have a confidence
// interval of full width `relative_width` times that mean (0.1: +/- 5 %),
// at `confidence`, per headline summary and phase: the largest need over
// the points (experiment::replications_needed with each point's sd). 0 when
// no point has a defined, non-zero mean.
struct ReplicationAdvice {
  sim::Summary summary;
  int phase = 0;
  int needed = 0;
};
std::vector<ReplicationAdvice> replication_advice(const OutcomeTable& means, const OutcomeTable& sds,
                                                  double relative_width, double confidence = 0.95);

}  // namespace score::sweep
