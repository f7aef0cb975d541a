#pragma once
// A readable excerpt of one country's buyer -> supplier and association ->
// member graphs, copied out of a replication's state so that the viewer can
// draw it while the simulation moves on.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/state.hpp"

namespace score::session {

enum class NodeState : std::uint8_t { unaware, aware, trained };

struct NetworkView {
  struct Hub {
    std::string label;  // "buyer 3", "association 7"
    bool buyer = false;
    bool partner = false;                // a partner buyer, or an association that has heard of SCORE
    std::vector<std::uint32_t> members;  // indices into `firms`
  };
  int country = -1;  // -1: no view
  int month = 0;     // months simulated when copied
  std::vector<Hub> hubs;
  std::vector<NodeState> firms;  // the firms shown, at most max_per_hub per hub
  int counts[3] = {0, 0, 0};     // the shown firms by state
};

// The buyers and associations of `country` with up to `max_per_hub` members
// each (the first ones by firm id, so the picture is stable month to month).
NetworkView network_view(const sim::State& state, int country, int max_per_hub = 25);

}  // namespace score::session
