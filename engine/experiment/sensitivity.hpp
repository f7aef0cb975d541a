#pragma once
// Sensitivity indices and replication summaries computed from model outputs
// evaluated on the designs of design.hpp.
//
// All functions are pure and deterministic: the bootstrap draws come from a
// counter-based stream keyed by `seed` and the resample number, so the same
// outputs and seed give the same intervals, bit for bit. Invalid arguments
// throw std::invalid_argument.
//
// References
//   Saltelli et al. (2010), Comput. Phys. Commun. 181:259-270 (first-order
//     estimators of table 2 and the A, B, AB_i design).
//   Sobol' (2001), Math. Comput. Simul. 55:271-280 (centring the outputs
//     before estimating small indices).
//   Jansen (1999), Comput. Phys. Commun. 117:35-43 (total-effect estimator).
//   Morris (1991), Technometrics 33:161-174; Campolongo, Cariboni & Saltelli
//     (2007), Environ. Model. Softw. 22:1509-1518 (mu*).
//   Efron (1987), J. Amer. Statist. Assoc. 82:171-185; Efron & Tibshirani
//     (1993), An Introduction to the Bootstrap, ch. 13-14 (percentile and
//     BCa intervals, bootstrap_interval.hpp).
#include <cstdint>
#include <span>
#include <vector>

#include "experiment/bootstrap_interval.hpp"
#include "experiment/design.hpp"

namespace score::experiment {

// Per factor, in design column order. The *_lo/*_hi pair is the bootstrap
// interval (BCa unless asked otherwise) at the requested confidence.
struct SobolIndices {
  std::vector<double> first, total, first_lo, first_hi, total_lo, total_hi;
  bool one_row = false;  // left NaN: one base row carries most of the variance (below)
};

// Sobol' indices from y, the outputs for the n * (k + 2) rows of
// saltelli(n, k, ...) in that row order (SaltelliLayout). With f0 and V the
// mean and (population) variance of f(A) and f(B) pooled:
//   first_i = mean_j (f(B)_j - f0) (f(AB_i)_j - f(A)_j) / V
//   total_i = mean_j (f(A)_j - f(AB_i)_j)^2 / (2 V)             (Jansen 1999)
// The first-order form is Saltelli et al. (2010)'s with f(B) centred,
// as Sobol' (2001) advises: the index does not change when a constant is
// added to every output, and its sampling error does not grow with the
// outcome's mean. Both numerators hold f(AB_i) - f(A), so a factor with no
// effect gets exactly 0 when the runs of A_j and AB_i,j share their random
// numbers (sweep/sweep_design.hpp gives the k + 2 points of a base row one
// seed). Intervals resample the base rows j with replacement (all k + 2
// outputs of a row together, f0 and V recomputed per resample) `bootstrap`
// times; `method` reads the interval from the resampled indices: BCa
// (Efron 1987, the acceleration from the jackknife over base rows) or the
// (1 -/+ confidence)/2 percentiles (bootstrap_interval.hpp). bootstrap = 0 leaves
// them NaN. A base row with a NaN in any of its k + 2 outputs is dropped
// from every index (and every resample), so all indices rest on the same
// rows; with fewer than two rows left, or V = 0, the indices are NaN. So
// are they, with one_row set, when (of 16 rows or more) one base row's f(A)
// and f(B) carry more of the pooled sum of squares than all other rows
// together: Sobol' indices share out a variance spread over the design, and
// such an output's variance is one run's (a heavy-tailed ratio such as
// payback_months, whose first-order index then tends to 2: that row's f(B)
// and f(AB_i) make the whole numerator, and V counts only its f(B)). The
// estimators are consistent but not bounded: small negative values mean "no
// effect within the sampling error", so read them with their intervals. A
// 99 % interval lies wholly below a zero index in about 0.5 % of designs.
SobolIndices sobol_indices(const std::vector<double>& y, int n, int k, int bootstrap = 1000,
                           double confidence = 0.95, std::uint64_t seed = 1,
                           IntervalMethod method = IntervalMethod::bca);

// Base sample sizes of a convergence table: n/8, n/4, n/2 and n, keeping
// those of at least two rows (the fewest that give an index). The first m
// base rows of a saltelli design of n (n / m a power of two) are a balanced
// Sobol' block themselves.
std::vector<int> convergence_sizes(int n);

// Per factor, over its elementary effects EE = (y(after) - y(before)) / delta
// (delta in unit-cube terms, signed as in MorrisStep): mu is their mean,
// mu_star the mean of |EE| and sigma their sample standard deviation (n - 1).
struct MorrisIndices {
  std::vector<double> mu, mu_star, sigma;
};

// y holds the outputs for morris() points in row order. Effects involving a
// NaN output are skipped; a factor left with no effect gets NaN (sigma needs
// two).
MorrisIndices morris_indices(const std::vector<double>& y, const MorrisLayout& layout);

// Replications of one scenario point, NaN values skipped (n counts the rest);
// sd is the sample standard deviation (0 for a single value) and the
// percentiles interpolate like numpy (core/statistics.hpp). An empty or
// all-NaN sample gives NaNs and n = 0.
struct Summary {
  double mean, sd, p05, p50, p95;
  int n;
};
Summary summarise_replications(std::span<const double> values);

// Replications needed so that the normal-approximation confidence interval of
// a mean has the given half width: ceil((z sd / half_width)^2) with z the
// (1 + confidence)/2 standard normal quantile, and never fewer than 2 (a
// standard deviation needs two). Needs sd >= 0, half_width > 0 and confidence
// in (0, 1); throws std::overflow_error if the answer exceeds INT_MAX.
int replications_needed(double sd, double half_width, double confidence = 0.95);

// The standard normal quantile, to about 1e-15 relative accuracy (Acklam's
// rational approximation refined by one Halley step); p in (0, 1).
double normal_quantile(double p);

}  // namespace score::experiment
