#include "core/bits.hpp"

#include <gtest/gtest.h>

#include <random>

namespace score {
namespace {

TEST(Bits, CountIsThePopulationCount) {
  static_assert(count_bits(0) == 0 && count_bits(~std::uint64_t{0}) == 64 &&
                count_bits(0x8000000000000001ULL) == 2);
  std::mt19937_64 gen(11);
  for (int k = 0; k < 100000; ++k) {
    const std::uint64_t x = gen() & gen();  // sparse and dense words alike
    ASSERT_EQ(count_bits(x), std::popcount(x)) << x;
    ASSERT_EQ(count_bits(~x), std::popcount(~x)) << ~x;
  }
}

}  // namespace
}  // namespace score
