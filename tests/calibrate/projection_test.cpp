// Which particles a projection draws (calibrate/projection.hpp).
#include "calibrate/projection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace score::calibrate {
namespace {

TEST(SystematicResample, EqualWeightsTakeEveryParticleOnce) {
  const std::vector<double> w(7, 0.25);
  for (const std::uint64_t seed : {1u, 2u, 99u}) {
    std::vector<int> all(7);
    std::iota(all.begin(), all.end(), 0);
    EXPECT_EQ(systematic_resample(w, 7, seed), all) << seed;
  }
}

TEST(SystematicResample, CountsFollowTheWeightsWithinOne) {
  const std::vector<double> w{0.5, 0.0, 0.3, 0.15, 0.05};
  const std::vector<int> drawn = systematic_resample(w, 40, 7);
  ASSERT_EQ(drawn.size(), 40u);
  EXPECT_TRUE(std::is_sorted(drawn.begin(), drawn.end()));
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto n = std::count(drawn.begin(), drawn.end(), static_cast<int>(i));
    EXPECT_LE(std::abs(static_cast<double>(n) - 40 * w[i]), 1.0) << "particle " << i;
  }
  EXPECT_EQ(std::count(drawn.begin(), drawn.end(), 1), 0);  // no weight, never drawn
}

TEST(SystematicResample, TheSeedMovesTheOffsetOnly) {
  const std::vector<double> w{1, 1, 1};
  EXPECT_EQ(systematic_resample(w, 2, 5), systematic_resample(w, 2, 5));
  bool differs = false;
  for (std::uint64_t seed = 1; seed < 20 && !differs; ++seed)
    differs = systematic_resample(w, 2, seed) != systematic_resample(w, 2, 1);
  EXPECT_TRUE(differs) << "two draws of three particles never depend on the seed";
}

TEST(SystematicResample, ATrailingParticleWithoutWeightIsNeverDrawn) {
  const std::vector<double> w{0.1, 0.2, 0.7, 0.0};
  for (std::uint64_t seed = 1; seed < 50; ++seed)
    for (const int d : systematic_resample(w, 9, seed)) EXPECT_NE(d, 3);
}

}  // namespace
}  // namespace score::calibrate
