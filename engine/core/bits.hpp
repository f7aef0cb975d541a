#pragma once
// Counting set bits where it is hot (the firm sets of sim/active_set.hpp).
// std::popcount is one instruction only when the compiler may assume the
// CPU has it (-mpopcnt, x86-64-v2 and up); for the baseline x86-64 that
// Debian builds for, it is a call into libgcc, which took 2.3 % of a sweep
// of the history. The bit-parallel sum below is a handful of inline
// instructions, the same count on every machine.
#include <bit>
#include <cstdint>

namespace score {

constexpr int count_bits(std::uint64_t x) {
#if defined(__POPCNT__) || !(defined(__x86_64__) || defined(__i386__))
  return std::popcount(x);
#else
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

}  // namespace score
