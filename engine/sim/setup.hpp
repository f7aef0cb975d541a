#pragma once
// What a replication's set-up draws (every firm's country and links, and the
// networks), held apart so replications that would draw the same can share
// it: the draws are keyed by the seed, the replication and a few population
// keys, never by the programme's levers. A Sobol' design runs the k + 2
// points of a base row with one seed, so all but one of them can take the
// set-up of the first instead of drawing it again.
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "model/description.hpp"
#include "sim/networks.hpp"
#include "sim/state.hpp"

namespace score::sim {

struct Setup {
  std::vector<std::int16_t> country, csr;
  std::vector<std::int32_t> buyer, association;
  Networks networks;
};

// Everything set-up reads: the seed, the replication, and each country's and
// funder's population keys. Two models with equal keys draw equal set-ups.
std::vector<std::uint64_t> setup_key(const model::Description& model, std::uint32_t replication);

// A copy of a state's set-up (links never change once drawn).
Setup copy_setup(const State& state);

// Gives a fresh state the set-up drawn for another with the same key.
void use_setup(State& state, const Setup& setup);

// How many set-ups a SetupCache for this model should hold: `wanted` (the
// replications that could share them), cut to what fits in 256 MiB at about
// 48 bytes a firm (the firms' links and the three networks: 69 set-ups of
// the history), and at least one.
std::size_t setup_capacity(const model::Description& model, std::size_t wanted);

// The set-ups of recent replications, shared between threads: a point of a
// sweep asks for each replication's set-up and builds it only when no
// earlier point with the same key has. Holds at most `capacity` set-ups
// (setup_capacity), dropping the oldest.
class SetupCache {
 public:
  explicit SetupCache(std::size_t capacity) : capacity_(capacity) {}
  // The set-up with this key, or null.
  std::shared_ptr<const Setup> find(const std::vector<std::uint64_t>& key) const;
  void add(std::vector<std::uint64_t> key, std::shared_ptr<const Setup> setup);

 private:
  struct Entry {
    std::vector<std::uint64_t> key;
    std::shared_ptr<const Setup> setup;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;  // oldest first
};

}  // namespace score::sim
