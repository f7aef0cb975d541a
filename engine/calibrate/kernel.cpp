#include "calibrate/kernel.hpp"

#include <algorithm>
#include <cmath>

namespace score::calibrate {
namespace {

// Twice the weighted covariance of the particles' unit coordinates.
std::vector<double> twice_covariance(const std::vector<Particle>& ps, std::size_t k) {
  std::vector<double> mean(k, 0.0), cov(k * k, 0.0);
  for (const Particle& p : ps)
    for (std::size_t i = 0; i < k; ++i) mean[i] += p.weight * p.unit[i];
  for (const Particle& p : ps)
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j)
        cov[i * k + j] += 2 * p.weight * (p.unit[i] - mean[i]) * (p.unit[j] - mean[j]);
  // A parameter every particle shares (or a degenerate direction) would make
  // the kernel singular: a floor of a millionth of the unit range keeps it moving.
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

Kernel::Kernel(const std::vector<Particle>& previous) : previous_(previous) {
  k_ = previous.empty() ? 0 : previous.front().unit.size();
  lower_ = cholesky(twice_covariance(previous, k_), k_);
  double running = 0;
  for (const Particle& p : previous) cumulative_.push_back(running += p.weight);
}

std::vector<double> Kernel::propose(experiment::detail::Stream& stream) const {
  const double pick = stream.uniform() * cumulative_.back();
  const auto j = static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), pick) -
                                          cumulative_.begin());
  const std::vector<double>& centre = previous_[std::min(j, previous_.size() - 1)].unit;
  std::vector<double> z(k_), out(k_);
  // Redrawn until inside the cube (the prior's support); a kernel far wider
  // than the cube could take long, so after many tries the centre is kept.
  for (int attempt = 0; attempt < 10'000; ++attempt) {
    for (double& x : z) x = standard_normal(stream);
    bool inside = true;
    for (std::size_t i = 0; i < k_; ++i) {
      double step = 0;
      for (std::size_t m = 0; m <= i; ++m) step += lower_[i * k_ + m] * z[m];
      out[i] = centre[i] + step;
      inside = inside && out[i] >= 0 && out[i] <= 1;
    }
    if (inside) return out;
  }
  return centre;
}

double Kernel::mixture_density(const std::vector<double>& unit) const {
  double total = 0;
  std::vector<double> y(k_);
  for (const Particle& p : previous_) {
    // Solve L y = unit - centre; the quadratic form is |y|^2.
    double q = 0;
    for (std::size_t i = 0; i < k_; ++i) {
      double s = unit[i] - p.unit[i];
      for (std::size_t m = 0; m < i; ++m) s -= lower_[i * k_ + m] * y[m];
      y[i] = s / lower_[i * k_ + i];
      q += y[i] * y[i];
    }
    total += p.weight * std::exp(-0.5 * q);
  }
  return total;
}

}  // namespace score::calibrate
