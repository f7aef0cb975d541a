#pragma once
// Bootstrap confidence intervals of one statistic from its resampled values.
//
// References
//   Efron (1987), Better bootstrap confidence intervals, J. Amer. Statist.
//     Assoc. 82:171-185 (the bias-corrected and accelerated interval, BCa).
//   Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13
//     (percentile) and ch. 14.3 (BCa with the jackknife acceleration, eq.
//     14.15), the form SciPy's scipy.stats.bootstrap(method="BCa") computes.
#include <span>

#include "experiment/interval.hpp"

namespace score::experiment {

// How a bootstrap interval is read from the resampled values.
enum class IntervalMethod {
  percentile,  // the (1 -/+ confidence)/2 quantiles of the resampled values
  bca,         // the same quantiles moved for the estimator's bias and skewness
};
const char* interval_method_name(IntervalMethod m);  // "percentile", "bca"

// The percentile interval: quantiles (1 -/+ confidence)/2 of `replicates`
// (NaN values skipped; all NaN gives NaN).
Interval percentile_interval(std::span<const double> replicates, double confidence);

// The BCa interval of `estimate` (the statistic on the whole sample) from
// its bootstrap `replicates` and its `jackknife` values (the statistic with
// each sampling unit left out in turn). With
//   z0 = Phi^-1(share of replicates below the estimate, ties counted half)
//   a  = sum (mean(jk) - jk_i)^3 / (6 (sum (mean(jk) - jk_i)^2)^1.5)
// the interval is the replicates' quantiles at Phi(z0 + (z0 + z)/(1 - a (z0
// + z))) for z the normal quantiles of (1 -/+ confidence)/2. Where the
// replicates are skewed or biased against the estimate, it moves with them,
// where the percentile interval would stay centred on the replicates'
// median. Second-order accurate (coverage error O(1/n) against O(1/sqrt n)).
// NaN values in either sample are skipped. Degenerate cases, stated rather
// than left to divide by zero: all replicates equal give that value at both
// ends; jackknife values without spread give a = 0 (bias-corrected
// percentile); a share of 0 or 1 (the estimate outside every replicate) is
// taken as 1/(2B) or 1 - 1/(2B) for B replicates, so the interval ends at
// the nearest replicates instead of at infinity. NaN estimate or no finite
// replicate gives NaN.
Interval bca_interval(double estimate, std::span<const double> replicates, std::span<const double> jackknife,
                      double confidence);

}  // namespace score::experiment
