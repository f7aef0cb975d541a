#pragma once
// Random draws for designs and bootstraps, private to the experiment layer.
//
// The core Rng is keyed by (replication, step, agent, stream) and the
// simulation's streams name model processes (sim/streams.hpp); a design is
// not one of them. So the experiment layer keeps this small counter-based
// stream instead: draw i of stream s under seed is a pure function
// splitmix64(key(seed, s) + i * gamma) (Steele, Lea & Flood, OOPSLA 2014), so
// every dimension of a Latin hypercube, every Morris trajectory and every
// bootstrap resample has its own stream, independent of how many draws the
// others take.
#include <cstdint>

namespace score::experiment::detail {

// The splitmix64 finaliser: a bijection on 64-bit words with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t stream) : key_{mix64(mix64(seed) ^ (stream + kGamma))} {}

  std::uint64_t bits() { return mix64(key_ + kGamma * ++count_); }
  // Uniform on [0, 1), 53 bits of resolution.
  double uniform() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
  // Uniform integer on [0, n), n > 0 (multiply-shift; bias < 2^-32 for n < 2^32).
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((bits() >> 32) * n) >> 32); }

 private:
  static constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio
  std::uint64_t key_;
  std::uint64_t count_ = 0;
};

}  // namespace score::experiment::detail
