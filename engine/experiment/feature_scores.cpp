#include "experiment/feature_scores.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/statistics.hpp"

namespace score::experiment {
namespace {

// Centred and scaled to unit (population) standard deviation; empty when
// the values do not vary.
std::vector<double> standardised(std::vector<double> v) {
  const auto n = static_cast<double>(v.size());
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
  double ss = 0;
  for (const double x : v) ss += (x - mean) * (x - mean);
  const double sd = std::sqrt(ss / n);
  if (!(sd > 1e-12 * std::max(1.0, std::fabs(mean)))) return {};
  for (double& x : v) x = (x - mean) / sd;
  return v;
}

// Solves a x = b (a square, row-major) by Gaussian elimination with partial
// pivoting; empty when a is singular (inputs that are exact functions of
// one another).
std::vector<double> solve(std::vector<double> a, std::vector<double> b) {
  const std::size_t m = b.size();
  for (std::size_t c = 0; c < m; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < m; ++r)
      if (std::fabs(a[r * m + c]) > std::fabs(a[pivot * m + c])) pivot = r;
    if (std::fabs(a[pivot * m + c]) < 1e-10) return {};
    for (std::size_t j = 0; j < m; ++j) std::swap(a[c * m + j], a[pivot * m + j]);
    std::swap(b[c], b[pivot]);
    for (std::size_t r = c + 1; r < m; ++r) {
      const double f = a[r * m + c] / a[c * m + c];
      for (std::size_t j = c; j < m; ++j) a[r * m + j] -= f * a[c * m + j];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(m);
  for (std::size_t c = m; c-- > 0;) {
    double s = b[c];
    for (std::size_t j = c + 1; j < m; ++j) s -= a[c * m + j] * x[j];
    x[c] = s / a[c * m + c];
  }
  return x;
}

// Least squares of standardised y on the standardised columns (normal
// equations; the columns are few). Fills srrc for the varying inputs and r2.
void rank_regression(const Points& x, const std::vector<double>& y, FeatureScores& out) {
  const std::size_t k = x.front().size(), n = x.size();
  const std::vector<double> ry = standardised(ranks(y));
  if (ry.empty()) return;
  std::vector<std::size_t> used;
  std::vector<std::vector<double>> columns;
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double> c(n);
    for (std::size_t i = 0; i < n; ++i) c[i] = x[i][j];
    std::vector<double> s = standardised(ranks(c));
    if (s.empty()) continue;
    used.push_back(j);
    columns.push_back(std::move(s));
  }
  const std::size_t m = used.size();
  if (m == 0 || n <= m) return;
  std::vector<double> a(m * m), b(m);
  for (std::size_t p = 0; p < m; ++p) {
    for (std::size_t q = 0; q < m; ++q)
      a[p * m + q] = std::inner_product(columns[p].begin(), columns[p].end(), columns[q].begin(), 0.0);
    b[p] = std::inner_product(columns[p].begin(), columns[p].end(), ry.begin(), 0.0);
  }
  const std::vector<double> beta = solve(a, b);
  if (beta.empty()) return;
  double explained = 0;
  for (std::size_t p = 0; p < m; ++p) {
    out.srrc[used[p]] = beta[p];
    explained += beta[p] * b[p];  // beta' X'y = fitted sum of squares for centred data
  }
  out.r2 = explained / static_cast<double>(n);
}

}  // namespace

std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> out(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double mean_rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t t = i; t <= j; ++t) out[order[t]] = mean_rank;
    i = j + 1;
  }
  return out;
}

double ks_distance(std::vector<double> a, std::vector<double> b) {
  if (a.empty() || b.empty()) return kNaN;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::size_t i = 0, j = 0;
  double d = 0;
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] == x) ++i;
    while (j < b.size() && b[j] == x) ++j;
    d = std::max(d, std::fabs(static_cast<double>(i) / static_cast<double>(a.size()) -
                              static_cast<double>(j) / static_cast<double>(b.size())));
  }
  return d;
}

FeatureScores feature_scores(const Points& x, const std::vector<double>& y,
                             const std::vector<bool>& is_case) {
  if (x.size() < 3) throw std::invalid_argument("feature scores: at least 3 points are needed");
  if (y.size() != x.size() || is_case.size() != x.size())
    throw std::invalid_argument("feature scores: one outcome and one case flag per point are needed");
  const std::size_t k = x.front().size();
  FeatureScores out{std::vector<double>(k, kNaN), std::vector<double>(k, kNaN), 0};
  rank_regression(x, y, out);
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double> cases, others;
    for (std::size_t i = 0; i < x.size(); ++i) (is_case[i] ? cases : others).push_back(x[i][j]);
    out.ks[j] = ks_distance(std::move(cases), std::move(others));
  }
  return out;
}

}  // namespace score::experiment
