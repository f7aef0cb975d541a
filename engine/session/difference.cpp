#include "session/difference.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/statistics.hpp"

namespace score::session {
namespace {

// The continued fraction of the regularized incomplete beta function
// (modified Lentz), converging fast for x < (a + 1) / (a + b + 2).
double beta_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1);
  d = 1 / (std::fabs(d) < tiny ? tiny : d);
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double m2 = 2.0 * m;
    for (const double step : {m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
                              -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))}) {
      d = 1 + step * d;
      d = 1 / (std::fabs(d) < tiny ? tiny : d);
      c = 1 + step / c;
      if (std::fabs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (std::fabs(d * c - 1) < 1e-15) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function.
double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(a, b, x) / a;
  return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

// P(T <= t) for t >= 0.
double student_t_cdf(double t, double df) {
  return 1 - 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

std::vector<double> finite(std::span<const double> xs) {
  std::vector<double> out;
  for (double x : xs)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}

double variance(const std::vector<double>& xs) {
  const double sd = standard_deviation(xs);
  return sd * sd;
}

// The interval mean +- t * se, and the verdict it gives.
void set_interval(Difference& d, double se, double df, double confidence) {
  const double half = se == 0 ? 0 : student_t_quantile(0.5 + confidence / 2, df) * se;
  d.low = d.mean - half;
  d.high = d.mean + half;
  d.verdict = d.low > 0 || d.high < 0 ? Verdict::differs : Verdict::within_noise;
}

}  // namespace

const char* pairing_name(Pairing pairing) {
  switch (pairing) {
    case Pairing::paired:
      return "paired";
    case Pairing::welch:
      return "Welch";
    case Pairing::none:
      break;
  }
  return "-";
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::differs:
      return "differs";
    case Verdict::within_noise:
      return "within noise";
    case Verdict::unknown:
      break;
  }
  return "-";
}

double student_t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kNaN;
  if (p < 0.5) return -student_t_quantile(1 - p, df);
  // Bisection on the CDF: monotone, and 200 halvings of [0, 1e8] reach
  // double precision even for df near 0.
  double lo = 0, hi = 1e8;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = (lo + hi) / 2;
    (student_t_cdf(mid, df) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

Difference difference(std::span<const double> a, std::span<const double> b, bool paired, double confidence) {
  Difference d{kNaN, kNaN, kNaN, kNaN, Pairing::none, Verdict::unknown};
  std::vector<double> xa, xb, diffs;
  if (paired && a.size() == b.size()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!std::isnan(a[i]) && !std::isnan(b[i])) {
        xa.push_back(a[i]);
        xb.push_back(b[i]);
        diffs.push_back(b[i] - a[i]);
      }
  } else {
    paired = false;
    xa = finite(a);
    xb = finite(b);
  }
  if (xa.empty() || xb.empty()) return d;
  const double ma = mean(xa), mb = mean(xb);
  d.mean = mb - ma;
  if (std::fabs(d.mean) <= 1e-9 * std::max(std::fabs(ma), std::fabs(mb))) d.mean = 0;
  d.relative = ma != 0 ? d.mean / std::fabs(ma) : kNaN;
  if (xa.size() < 2 || xb.size() < 2) return d;
  if (paired) {
    d.pairing = Pairing::paired;
    const double n = static_cast<double>(diffs.size());
    set_interval(d, std::sqrt(variance(diffs) / n), n - 1, confidence);
    return d;
  }
  d.pairing = Pairing::welch;
  const double na = static_cast<double>(xa.size()), nb = static_cast<double>(xb.size());
  const double va = variance(xa) / na, vb = variance(xb) / nb;
  const double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
  set_interval(d, std::sqrt(va + vb), df, confidence);
  return d;
}

}  // namespace score::session
