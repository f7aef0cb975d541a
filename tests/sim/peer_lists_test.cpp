#include "sim/peer_lists.hpp"

#include <gtest/gtest.h>

#include <random>

namespace score::sim {
namespace {

struct Lists {
  std::vector<std::uint32_t> column, degree;
  bool operator==(const Lists&) const = default;
};

template <class Build>
Lists lists(const DrawnLinks& drawn, std::uint32_t n, std::uint32_t first, Build build) {
  Lists out;
  out.degree.assign(n, 99);
  PeerListScratch scratch;
  build(drawn, n, first, scratch, out.column, out.degree.data());
  return out;
}

TEST(PeerLists, MasksListWhatSortingLists) {
  std::mt19937 gen(7);
  const auto below = [&](std::uint32_t n) { return static_cast<std::uint32_t>(gen() % n); };
  int with_repeats = 0, with_triples = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::uint32_t n = 2 + below(kMaskedClusterMax - 1);
    const std::uint32_t links = below(4 * n);  // dense enough that some pairs repeat, some thrice
    DrawnLinks drawn;
    for (std::uint32_t l = 0; l < links; ++l) {
      const std::uint32_t a = below(n), b = below(n);
      if (a != b) drawn.emplace_back(a, b);
    }
    const Lists sorted = lists(drawn, n, 1000, peer_lists_by_sorting);
    const Lists masked = lists(drawn, n, 1000, peer_lists_by_masks);
    ASSERT_EQ(masked, sorted) << "n = " << n << ", " << drawn.size() << " links";
    std::vector<int> times(static_cast<std::size_t>(n) * n, 0);
    int most = 0;
    for (const auto& [a, b] : drawn) most = std::max(most, ++times[std::min(a, b) * n + std::max(a, b)]);
    with_repeats += most >= 2;
    with_triples += most >= 3;
  }
  EXPECT_GT(with_repeats, 1000) << "the trials must cover repeated links";
  EXPECT_GT(with_triples, 300) << "and links drawn three times or more";
}

// A firm's list keeps the engine's old handling of repeats, whichever way it
// is built: firm 0 drew 1 and 2 twice and 3 once.
TEST(PeerLists, RepeatsAreListedAsTheEngineAlwaysHas) {
  const DrawnLinks drawn{{0, 1}, {1, 0}, {0, 2}, {2, 0}, {0, 3}};
  for (auto build : {peer_lists_by_sorting, peer_lists_by_masks}) {
    const Lists got = lists(drawn, 4, 10, build);
    EXPECT_EQ(got.degree, (std::vector<std::uint32_t>{5, 1, 1, 1}));
    EXPECT_EQ(got.column, (std::vector<std::uint32_t>{11, 12, 13, 12, 13, 10, 10, 10}));
  }
}

TEST(PeerLists, FirmsWithoutRepeatsListEachPeerOnceInOrder) {
  const DrawnLinks drawn{{3, 0}, {0, 2}, {1, 2}};
  for (auto build : {peer_lists_by_sorting, peer_lists_by_masks}) {
    const Lists got = lists(drawn, 5, 0, build);
    EXPECT_EQ(got.degree, (std::vector<std::uint32_t>{2, 1, 2, 1, 0}));
    EXPECT_EQ(got.column, (std::vector<std::uint32_t>{2, 3, 2, 0, 1, 0}));
  }
}

}  // namespace
}  // namespace score::sim
