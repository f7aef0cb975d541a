#pragma once
// The perturbation kernel of ABC-SMC (Beaumont et al. 2009): a particle of
// the previous generation, chosen by weight, moved by a Gaussian with twice
// the generation's weighted covariance, in unit coordinates and redrawn until
// inside the unit cube. Private to the calibration layer (abc_smc.cpp).
#include <vector>

#include "calibrate/abc_smc.hpp"
#include "experiment/stream.hpp"

namespace score::calibrate {

class Kernel {
 public:
  explicit Kernel(const std::vector<Particle>& previous);

  // A proposal from `stream`'s draws alone.
  std::vector<double> propose(experiment::detail::Stream& stream) const;
  // sum_j w_j K(unit | particle j), up to the Gaussian's constant (the same
  // for every proposal of a generation, so it cancels once weights are
  // normalised).
  double mixture_density(const std::vector<double>& unit) const;

 private:
  const std::vector<Particle>& previous_;
  std::size_t k_ = 0;
  std::vector<double> lower_;       // Cholesky factor L of the covariance, row-major k x k
  std::vector<double> cumulative_;  // cumulative weights, for picking a particle
};

}  // namespace score::calibrate
