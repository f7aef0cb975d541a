#pragma once
// A local cluster's peer lists from the links its firms drew (population.cpp
// draws them). Two ways to the same lists: sorting, for clusters of any
// size, and one 64-bit mask per firm, for clusters of at most 64 firms (the
// default cluster holds 50), which skips both sorts. Results never depend on
// which way was taken.
#include <cstdint>
#include <utility>
#include <vector>

namespace score::sim {

// A cluster's drawn links as (firm, peer) pairs of local ids in [0, n),
// never a firm with itself. Each link joins both firms.
using DrawnLinks = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Scratch space reused from cluster to cluster.
struct PeerListScratch {
  std::vector<std::uint32_t> start, at, by_target, sorted, repeated;
};

// The largest cluster peer_lists_by_masks takes.
inline constexpr std::uint32_t kMaskedClusterMax = 64;

// Appends each firm's peers (first + local id), firm by firm, to `column`
// and writes each firm's count to degree[0, n). A firm's list is its sorted
// peers with repeats handled as the engine always has (repeated_unique in
// peer_lists.cpp).
void peer_lists_by_sorting(const DrawnLinks& drawn, std::uint32_t n, std::uint32_t first,
                           PeerListScratch& scratch, std::vector<std::uint32_t>& column,
                           std::uint32_t* degree);
// The same lists for n <= kMaskedClusterMax.
void peer_lists_by_masks(const DrawnLinks& drawn, std::uint32_t n, std::uint32_t first,
                         PeerListScratch& scratch, std::vector<std::uint32_t>& column, std::uint32_t* degree);

// Whichever of the two fits the cluster.
inline void peer_lists(const DrawnLinks& drawn, std::uint32_t n, std::uint32_t first,
                       PeerListScratch& scratch, std::vector<std::uint32_t>& column, std::uint32_t* degree) {
  if (n <= kMaskedClusterMax)
    peer_lists_by_masks(drawn, n, first, scratch, column, degree);
  else
    peer_lists_by_sorting(drawn, n, first, scratch, column, degree);
}

}  // namespace score::sim
