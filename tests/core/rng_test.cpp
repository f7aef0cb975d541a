#include "core/rng.hpp"

#include <gtest/gtest.h>

#include <set>

namespace score {
namespace {

// Streams named by the caller's own enum, as the simulation names its own
// (sim/streams.hpp); core knows no purposes.
enum class Purpose : std::uint16_t { population = 1, enrol = 4, module_choice = 5, outcome = 7 };

// Known-answer vectors of Philox4x32-10 published with Random123 (kat_vectors).
TEST(Philox, MatchesPublishedKnownAnswers) {
  using philox::block;
  EXPECT_EQ(block({0, 0, 0, 0}, {0, 0}),
            (philox::Counter{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}));
  EXPECT_EQ(block({0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}, {0xffffffffu, 0xffffffffu}),
            (philox::Counter{0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu}));
  EXPECT_EQ(block({0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}, {0xa4093822u, 0x299f31d0u}),
            (philox::Counter{0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u}));
}

TEST(Rng, SameKeySameNumbers) {
  Rng a(42, 1, 7, 99, Purpose::enrol), b(42, 1, 7, 99, Purpose::enrol);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.bits(), b.bits());
}

TEST(Rng, EveryKeyPartSelectsItsOwnStream) {
  const std::uint64_t base = Rng(42, 1, 7, 99, Purpose::enrol).bits();
  EXPECT_NE(base, Rng(43, 1, 7, 99, Purpose::enrol).bits());
  EXPECT_NE(base, Rng(42, 2, 7, 99, Purpose::enrol).bits());
  EXPECT_NE(base, Rng(42, 1, 8, 99, Purpose::enrol).bits());
  EXPECT_NE(base, Rng(42, 1, 7, 100, Purpose::enrol).bits());
  EXPECT_NE(base, Rng(42, 1, 7, 99, Purpose::outcome).bits());
}

TEST(Rng, LongStreamsDoNotRepeat) {
  Rng r(1, 0, 0, 0, Purpose::population);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(r.bits());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(Rng, UniformIsInUnitIntervalWithTheRightMean) {
  double sum = 0;
  for (std::uint32_t i = 0; i < 20000; ++i) {
    Rng r(5, 0, 0, i, Purpose::outcome);
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / 20000, 0.5, 0.01);
}

TEST(Rng, BelowStaysBelowAndCoversTheRange) {
  Rng r(9, 0, 0, 0, Purpose::module_choice);
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto k = r.below(4);
    ASSERT_LT(k, 4u);
    seen.insert(k);
  }
  EXPECT_EQ(seen.size(), 4u);
}

TEST(Rng, NormalHasUnitVariance) {
  double sum = 0, sq = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    Rng r(3, 0, 0, static_cast<std::uint32_t>(i), Purpose::population);
    const double z = r.normal();
    sum += z;
    sq += z * z;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.03);
  EXPECT_NEAR(sq / n, 1.0, 0.05);
}

}  // namespace
}  // namespace score
