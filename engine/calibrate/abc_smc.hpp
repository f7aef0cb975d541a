#pragma once
// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC), with
// tolerances chosen adaptively as a quantile of the previous generation's
// distances (Del Moral, Doucet & Jasra 2012; Drovandi & Pettitt 2011).
// docs/calibration.md says why this and not history matching.
//
// Parameters live in unit coordinates: each prior is uniform over its range
// (or log-uniform: uniform in the logarithm), so the joint prior is uniform
// on the unit cube. A generation is made by resample-move, the replenishment
// ABC-SMC of Drovandi & Pettitt (2011) (also Del Moral, Doucet & Jasra 2012):
// the previous particles within the new tolerance are resampled up to the
// population, and each copy takes `moves` Metropolis-Hastings steps of
// ABC-MCMC (Marjoram et al. 2003) with a Gaussian random walk (kernel.hpp).
// Every particle keeps the weight 1 / population. The importance weights of
// Beaumont et al. (2009), prior / sum_j w_j K(theta | theta_j), degenerated
// with 17 free parameters (an effective sample of 3 of 100): in many
// dimensions a proposal is near only its own parent, so its weight is about
// exp(q / 2) / w_parent with q its squared Mahalanobis step, a quantity
// spread over orders of magnitude. docs/calibration.md has the measurements.
//
// Determinism: attempt a of generation g draws from its own counter-based
// stream (seed, g, a) and simulates with a seed derived from the same, so a
// simulation is a pure function of (seed, g, a). Each round of moves is one
// batch of `population` attempts, never sized by the threads. Any thread
// count gives the same bits.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace score::calibrate {

struct PriorRange {
  std::string name;
  double lo = 0, hi = 1;
  bool log_scale = false;
  double to_value(double unit) const;  // unit coordinate -> parameter value
};

struct AbcSettings {
  int population = 100;
  std::int64_t budget = 2000;  // simulations at most (attempts of every generation)
  int generations = 10;        // after generation 0, the prior sample
  double min_acceptance = 0.02;
  double quantile = 0.5;
  std::uint64_t seed = 1;
  int moves = 3;  // Metropolis-Hastings steps per particle and generation (the first, when adaptive)
  // > 0: the number of moves adapts (Drovandi & Pettitt 2011): each
  // generation after the first takes R = ceil(ln c / ln(1 - p)) rounds, p
  // the previous generation's acceptance rate, so that a particle is left
  // unmoved with probability about c = `unmoved`; at most `max_moves`, and at
  // most an equal share of the budget left among the generations left.
  double unmoved = 0;
  int max_moves = 1000;
};

struct Particle {
  std::vector<double> unit, theta;  // unit coordinates and parameter values
  double weight = 0, distance = 0;
  std::vector<double> values;  // what the simulator reported (targets' simulated values)
};

struct Generation {
  int index = 0;
  double tolerance = 0;                  // distances <= tolerance were accepted (+inf for generation 0)
  std::int64_t attempts = 0;             // moves tried (population x moves; the population for generation 0)
  std::int64_t simulations = 0;          // simulations run (a move out of the prior's support runs none)
  std::int64_t moved = 0;                // moves taken
  double acceptance_rate() const;        // moved / attempts (1 for generation 0)
  double effective_sample_size() const;  // 1 / sum of squared normalised weights, copies merged
  std::vector<Particle> particles;
};

// The rounds of moves generation previous.index + 1 takes (AbcSettings::moves,
// or adaptive with AbcSettings::unmoved), given the simulations left; at least 1.
int moves_for(const AbcSettings& settings, const Generation& previous, std::int64_t simulations_left);

// One simulation asked of the simulator: the parameter values and a seed.
struct Proposal {
  std::vector<double> theta;
  std::uint64_t seed = 0;
};
struct Outcome {
  double distance = 0;  // NaN is never accepted
  std::vector<double> values;
};
// Runs a batch of proposals (in parallel if it likes); the i-th outcome must
// depend only on the i-th proposal.
using Simulator = std::function<std::vector<Outcome>(std::span<const Proposal>)>;

// Why a run stopped.
enum class Stop { generations, acceptance, budget, exact, cancelled };
const char* stop_reason(Stop stop);

class AbcSmc {
 public:
  AbcSmc(std::vector<PriorRange> priors, AbcSettings settings, Simulator simulator);

  // Generation 0: `population` draws from the prior, all accepted, equal weights.
  Generation prior_sample() const;
  // The next generation after `previous`, within `simulations_left`; an empty
  // population when its population x moves simulations do not fit.
  // Stops (empty population) after a batch when `cancelled` says so.
  Generation next(const Generation& previous, std::int64_t simulations_left,
                  const std::function<bool()>& cancelled = {}) const;
  // Whether to stop after `last` (nullopt: go on), given the simulations used.
  std::optional<Stop> stop_after(const Generation& last, std::int64_t used) const;

  // Runs from `done` (generations already complete, e.g. from a journal; may
  // be empty) to a stop, calling on_generation for each new complete one.
  // Returns every complete generation.
  struct Result {
    std::vector<Generation> generations;
    Stop stop = Stop::generations;
  };
  Result run(std::vector<Generation> done, const std::function<void(const Generation&)>& on_generation,
             const std::function<bool()>& cancelled = {}) const;

  const std::vector<PriorRange>& priors() const { return priors_; }

 private:
  std::vector<PriorRange> priors_;
  AbcSettings settings_;
  Simulator simulator_;
};

// The weighted q-quantile of any values: the smallest value v such that the
// weight of the values at most v reaches q of the total weight. NaN values
// and their weights are left out (NaN when all are).
double weighted_quantile(std::span<const double> values, std::span<const double> weights, double q);

// A column of a generation: one parameter (Particle::theta) or one value the
// simulator reported (Particle::values).
enum class Column { theta, values };
// The weighted q-quantile of column j over g's particles under their
// weights: the posterior median of a parameter or of a target's value.
double column_quantile(const Generation& g, Column column, std::size_t j, double q);

}  // namespace score::calibrate
