#pragma once
// The move of ABC-SMC (Drovandi & Pettitt 2011): a Metropolis-Hastings random
// walk in unit coordinates whose Gaussian steps have the survivors' weighted
// covariance scaled by 2.38^2 / k (Roberts, Gelman & Gilks 1997). Private to
// the calibration layer (abc_smc.cpp).
#include <vector>

#include "calibrate/abc_smc.hpp"
#include "experiment/stream.hpp"

namespace score::calibrate {

class Kernel {
 public:
  // The particles the walk's covariance is estimated from (weights need not
  // be normalised).
  explicit Kernel(const std::vector<Particle>& survivors);

  // A step from `from`, from `stream`'s draws alone; it may leave the unit
  // cube, where the uniform prior is zero and the move is refused.
  std::vector<double> step(const std::vector<double>& from, experiment::detail::Stream& stream) const;

 private:
  std::size_t k_ = 0;
  std::vector<double> lower_;  // Cholesky factor L of the step's covariance, row-major k x k
};

// Whether a unit coordinate vector lies inside the prior's support.
bool inside_unit_cube(const std::vector<double>& unit);

}  // namespace score::calibrate
