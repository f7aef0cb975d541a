#pragma once
// Sampling that costs what it finds, not what it searches: Bernoulli trials
// visited through geometric gaps, and distinct firms drawn by rejection.
// These let a month cost in proportion to the firms the programme touches
// rather than to the whole eligible population.
#include <cmath>
#include <cstdint>
#include <limits>

#include "sim/streams.hpp"

namespace score::sim {

// One purpose's draws for one (replication, step, stream id), however many
// are needed: an Rng holds 2^16 blocks, so after that many the next is keyed
// by the stream id plus a sub-stream number in the id's high byte.
class Draws {
 public:
  Draws(std::uint64_t seed, std::uint32_t replication, std::uint32_t step, std::uint32_t id, Purpose purpose)
      : seed_(seed),
        replication_(replication),
        step_(step),
        id_(id),
        purpose_(purpose),
        rng_(seed, replication, step, id, purpose) {}

  std::uint64_t bits() {
    if (++used_ == kPerStream) {
      used_ = 0;
      rng_ = Rng(seed_, replication_, step_, id_ + (++sub_ << 24), purpose_);
    }
    return rng_.bits();
  }
  double uniform() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((bits() >> 32) * n) >> 32); }

 private:
  static constexpr std::uint32_t kPerStream = 2u * 65535u;  // two 64-bit draws per block
  std::uint64_t seed_;
  std::uint32_t replication_, step_, id_;
  Purpose purpose_;
  Rng rng_;
  std::uint32_t used_ = 0, sub_ = 0;
};

// Visits the successes among n independent Bernoulli(p) trials, in order,
// as visit(k) with k in [0, n). The gap before the next success is
// geometric, so the cost is that of the successes (about n p), not of n.
template <class Visit>
void each_success(std::int64_t n, double p, Draws& draws, Visit&& visit) {
  if (n <= 0 || !(p > 0)) return;
  if (p >= 1) {
    for (std::int64_t k = 0; k < n; ++k) visit(k);
    return;
  }
  const double log_q = std::log1p(-p);
  double k = -1;
  for (;;) {
    // Failures before the next success: floor(ln U / ln(1 - p)), U in (0, 1].
    k += 1 + std::floor(std::log(1.0 - draws.uniform()) / log_q);
    if (k >= static_cast<double>(n)) return;
    visit(static_cast<std::int64_t>(k));
  }
}

// How many of n independent Bernoulli(p) trials succeed: a binomial draw
// at the cost of its result.
inline std::int64_t count_successes(std::int64_t n, double p, Draws& draws) {
  std::int64_t count = 0;
  each_success(n, p, draws, [&](std::int64_t) { ++count; });
  return count;
}

}  // namespace score::sim
