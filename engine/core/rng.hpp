#pragma once
// Counter-based random numbers (Philox4x32-10, Salmon et al., SC'11).
//
// Every draw is a pure function of (seed, replication, step, agent, stream,
// draw index). The streams are named by the code that draws (the
// simulation's in sim/streams.hpp), so core knows nothing of what a draw is
// for. No generator state is shared between agents or threads, so a run is
// bit-identical whatever the thread count or the order in which agents are
// visited.
#include <array>
#include <cmath>
#include <cstdint>
#include <type_traits>

namespace score {

namespace philox {
using Counter = std::array<std::uint32_t, 4>;
using Key = std::array<std::uint32_t, 2>;

inline void mulhilo(std::uint32_t a, std::uint32_t b, std::uint32_t& hi, std::uint32_t& lo) {
  const std::uint64_t p = static_cast<std::uint64_t>(a) * b;
  hi = static_cast<std::uint32_t>(p >> 32);
  lo = static_cast<std::uint32_t>(p);
}

// Ten rounds of Philox4x32 with the published constants.
inline Counter block(Counter c, Key k) {
  constexpr std::uint32_t m0 = 0xD2511F53u, m1 = 0xCD9E8D57u;
  constexpr std::uint32_t w0 = 0x9E3779B9u, w1 = 0xBB67AE85u;
  for (int round = 0; round < 10; ++round) {
    std::uint32_t hi0, lo0, hi1, lo1;
    mulhilo(m0, c[0], hi0, lo0);
    mulhilo(m1, c[2], hi1, lo1);
    c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
    k[0] += w0;
    k[1] += w1;
  }
  return c;
}
}  // namespace philox

// A short stream of draws for one (replication, step, agent, stream).
// Cheap to construct: make one where it is needed and let it go.
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint32_t replication, std::uint32_t step, std::uint32_t agent,
      std::uint16_t stream)
      : key_{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)},
        counter_{agent, replication, step, static_cast<std::uint32_t>(stream) << 16} {}
  // A stream named by the caller's enum of 16-bit purposes.
  template <class Purpose>
  requires(std::is_enum_v<Purpose> && sizeof(Purpose) == sizeof(std::uint16_t))
      Rng(std::uint64_t seed, std::uint32_t replication, std::uint32_t step, std::uint32_t agent,
          Purpose purpose)
      : Rng(seed, replication, step, agent, static_cast<std::uint16_t>(purpose)) {}

  // 64 uniformly distributed bits.
  std::uint64_t bits() {
    if (used_ > 2) refill();
    const std::uint64_t hi = buffer_[static_cast<std::size_t>(used_)],
                        lo = buffer_[static_cast<std::size_t>(used_) + 1];
    used_ += 2;
    return (hi << 32) | lo;
  }
  // 32 uniformly distributed bits: a block serves four of these.
  std::uint32_t word() {
    if (used_ > 3) refill();
    return buffer_[static_cast<std::size_t>(used_++)];
  }
  // Uniform on [0, 1) with 32 bits of resolution, for cheap draws where
  // probabilities are far above 2^-32 (population set-up).
  double uniform32() { return static_cast<double>(word()) * 0x1.0p-32; }
  // Uniform integer on [0, n) from 32 bits.
  std::uint32_t below32(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(word()) * n) >> 32);
  }
  // Uniform on [0, 1), 53 bits of resolution.
  double uniform() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  bool bernoulli(double p) { return uniform() < p; }
  // Uniform integer on [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 for n < 2^32).
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((bits() >> 32) * n) >> 32); }
  // Standard normal. Box-Muller gives two from one pair of uniforms: the
  // second is kept for the next call (1 - u keeps the log argument in (0, 1]).
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform(), u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1)), theta = 6.283185307179586 * u2;
    spare_ = r * std::sin(theta);
    has_spare_ = true;
    return r * std::cos(theta);
  }
  double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

 private:
  void refill() {
    buffer_ = philox::block(counter_, key_);
    ++counter_[3];  // the low 16 bits of word 3 count blocks within the stream
    used_ = 0;
  }
  philox::Key key_;
  philox::Counter counter_;
  philox::Counter buffer_{};
  int used_ = 4;  // words of buffer_ already handed out
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace score
