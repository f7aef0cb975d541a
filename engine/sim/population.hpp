#pragma once
// Creating the eligible enterprise population and its networks at the start
// of a replication. Every draw is keyed by (seed, replication, firm,
// Purpose::population or ::network), so the population is the same whatever
// the thread count.
#include "sim/state.hpp"

namespace score::sim {

void create_population(State& state);
void create_networks(State& state);

}  // namespace score::sim
