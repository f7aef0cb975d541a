#pragma once
// The difference between two runs' replications with a confidence interval:
// paired when the runs share their seeds (replication i of one drew the same
// random numbers as replication i of the other, so their difference cancels
// most of the seed noise), Welch's unequal-variance interval otherwise.
#include <span>

namespace score::session {

// How a difference was estimated. `none`: a run has fewer than 2 usable
// replications, so there is no interval.
enum class Pairing { paired, welch, none };
const char* pairing_name(Pairing pairing);  // "paired", "Welch", "-"

// Whether the interval excludes zero. `unknown` without an interval.
enum class Verdict { differs, within_noise, unknown };
const char* verdict_name(Verdict verdict);  // "differs", "within noise", "-"

struct Difference {
  double mean = 0;           // mean(b) - mean(a); NaN when either side has no value
  double low = 0, high = 0;  // the interval; NaN without one
  double relative = 0;       // mean / |mean(a)|; NaN when mean(a) is 0 or NaN
  Pairing pairing = Pairing::none;
  Verdict verdict = Verdict::unknown;
};

// b - a over replications. With `paired`, a[i] and b[i] are one pair (pairs
// with a NaN are left out, and a.size() must equal b.size()); otherwise the
// NaN-free values of each side are independent samples. `confidence` in
// (0, 1), e.g. 0.95. A difference within 1e-9 of the larger mean is
// rounding, reported as exactly 0.
Difference difference(std::span<const double> a, std::span<const double> b, bool paired,
                      double confidence = 0.95);

// The p-quantile of Student's t with `df` > 0 degrees of freedom (df may be
// fractional, as Welch's is), to about 1e-10.
double student_t_quantile(double p, double df);

}  // namespace score::session
