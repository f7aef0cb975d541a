#pragma once
// Creating the eligible enterprise population and its networks at the start
// of a replication. Every draw is keyed by (seed, replication, firm,
// Purpose::population or ::network), so the population is the same whatever
// the thread count.
#include "sim/state.hpp"

namespace score::sim {

// Every firm's country and links (buyer, association, CSR supply chain).
void create_population(State& state);
// A firm's sector, size and fee capacity: drawn from its own stream the first
// time it weighs a module's fee, so firms that never do cost nothing, and the
// draw is the same whenever it happens. Does nothing if already drawn.
void draw_profile(State& state, int firm);
void create_networks(State& state);

}  // namespace score::sim
