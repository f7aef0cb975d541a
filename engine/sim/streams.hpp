#pragma once
// The simulation's random streams (core/rng.hpp): what each draw is for.
// Each purpose is its own stream, so adding a draw to one process never
// shifts the numbers another process sees. The numbers are part of every
// result: never renumber, only append.
#include <cstdint>

#include "core/rng.hpp"

namespace score::sim {

enum class Purpose : std::uint16_t {
  population = 1,
  network,
  awareness,  // unused since awareness is sampled by channel; kept so later values stay put
  enrol,
  module_choice,
  seat_priority,
  outcome,
  provider,
  trainer,
  funder,
  continuation,
  marketing,  // awareness channels, one stream per country and month
  association_reach,
  peer_reach,
  buyer_reach,
  csr_reach,
  enrol_trials,  // first-module enrolment trials, one stream per country and month
  profile,       // a firm's sector, size and fee capacity, drawn when it is first reached
};

}  // namespace score::sim
