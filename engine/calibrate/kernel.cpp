#include "calibrate/kernel.hpp"

#include <algorithm>
#include <cmath>

namespace score::calibrate {
namespace {

// The particles' weighted covariance in unit coordinates times `scale`.
std::vector<double> scaled_covariance(const std::vector<Particle>& ps, std::size_t k, double scale) {
  double total = 0;
  for (const Particle& p : ps) total += p.weight;
  std::vector<double> mean(k, 0.0), cov(k * k, 0.0);
  for (const Particle& p : ps)
    for (std::size_t i = 0; i < k; ++i) mean[i] += p.weight / total * p.unit[i];
  for (const Particle& p : ps)
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j)
        cov[i * k + j] += scale * p.weight / total * (p.unit[i] - mean[i]) * (p.unit[j] - mean[j]);
  // A parameter every particle shares (or a degenerate direction) would make
  // the walk singular: a floor of a millionth of the unit range keeps it moving.
  for (std::size_t i = 0; i < k; ++i) cov[i * k + i] = std::max(cov[i * k + i], 1e-12) + 1e-12;
  return cov;
}

// Cholesky factor (lower) of a symmetric positive definite matrix.
std::vector<double> cholesky(const std::vector<double>& a, std::size_t k) {
  std::vector<double> l(k * k, 0.0);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      double s = a[i * k + j];
      for (std::size_t m = 0; m < j; ++m) s -= l[i * k + m] * l[j * k + m];
      l[i * k + j] = i == j ? std::sqrt(std::max(s, 1e-24)) : s / l[j * k + j];
    }
  return l;
}

double standard_normal(experiment::detail::Stream& stream) {
  const double u1 = 1.0 - stream.uniform(), u2 = stream.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

}  // namespace

Kernel::Kernel(const std::vector<Particle>& survivors) {
  k_ = survivors.empty() ? 0 : survivors.front().unit.size();
  const double scale = k_ > 0 ? 2.38 * 2.38 / static_cast<double>(k_) : 1.0;
  lower_ = cholesky(scaled_covariance(survivors, k_, scale), k_);
}

std::vector<double> Kernel::step(const std::vector<double>& from, experiment::detail::Stream& stream) const {
  std::vector<double> z(k_), out(k_);
  for (double& x : z) x = standard_normal(stream);
  for (std::size_t i = 0; i < k_; ++i) {
    double s = 0;
    for (std::size_t m = 0; m <= i; ++m) s += lower_[i * k_ + m] * z[m];
    out[i] = from[i] + s;
  }
  return out;
}

bool inside_unit_cube(const std::vector<double>& unit) {
  return std::all_of(unit.begin(), unit.end(), [](double u) { return u >= 0 && u <= 1; });
}

}  // namespace score::calibrate
