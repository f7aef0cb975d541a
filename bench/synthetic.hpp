#pragma once
// Synthetic SCORE programmes of any size, built by hand as a
// model::Description (no TOML), for the benchmarks.
//
// The programme is realistic in shape, not calibrated: five phases over the
// run (pilots, institutionalisation, buyers and licensing, exit, scale-up),
// a growing then shrinking set of countries with active plans, partner
// providers, trainers, two donors and the ILO, a government co-funder, a CSR
// foundation with its supply chain, buyer partnerships and licences. Its
// levers scale with each country's population, so that at every size a few
// per cent of the eligible firms are trained and the active set (aware, in
// training, trained firms) is a small, non-trivial part of the population.
// Everything is a pure function of the size and the seed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/description.hpp"

namespace score::bench {

struct SyntheticSize {
  std::int64_t firms = 100'000;  // eligible firms, all countries
  int countries = 15;
  int months = 264;  // from 2009-01
  std::uint64_t seed = 20090101;
  int replications = 1;
};

// The named configurations of the benchmark table (fixed seeds).
//   small:  100,000 firms, 15 countries, 264 months
//   large:  1,000,000 firms, 15 countries, 264 months (the 1-second target)
//   huge:   10,000,000 firms, 15 countries, 264 months (the 10-second target)
std::optional<SyntheticSize> named_size(std::string_view name);

model::Description synthetic_scenario(const SyntheticSize& size);

}  // namespace score::bench
