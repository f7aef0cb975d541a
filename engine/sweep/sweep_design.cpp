#include "sweep/sweep_design.hpp"

#include <cmath>

#include "scenario/diagnostic.hpp"

namespace score::sweep {
namespace {

// splitmix64's finaliser (as experiment/stream.hpp): a bijection with full
// avalanche, so neighbouring points get unrelated seeds.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::vector<experiment::Factor> factors(const SweepSpec& spec) {
  std::vector<experiment::Factor> out;
  for (const Parameter& p : spec.parameters) out.push_back(p.factor);
  return out;
}

experiment::Points unit_points(const SweepSpec& spec, Design& design) {
  const auto k = static_cast<int>(spec.parameters.size());
  switch (spec.method) {
    case Method::lhs:
      return experiment::latin_hypercube(spec.points, k, spec.seed);
    case Method::sobol:
      return experiment::sobol_sequence(spec.points, k);
    case Method::saltelli:
      design.saltelli = {spec.n, k};
      return experiment::saltelli(spec.n, k, experiment::saltelli_skip(spec.n));
    case Method::morris: {
      experiment::MorrisDesign morris = experiment::morris(spec.trajectories, k, spec.levels, spec.seed);
      design.morris = std::move(morris.layout);
      return std::move(morris.points);
    }
    case Method::grid:
      break;
  }
  return {};
}

// Common random numbers for Sobol' indices: the k + 2 points of base row j
// (A_j, B_j and every AB_i,j) run with base row j's seed, so an output
// difference between A_j and AB_i,j comes from factor i alone and a factor
// with no effect gets indices of exactly 0. Other designs: one seed per point.
int seed_index(const Design& design, int point) {
  return design.saltelli.n > 0 ? point % design.saltelli.n : point;
}

// Repeats the design (values and seeds) once per policy option, option-major.
void cross_with_policies(const SweepSpec& spec, Design& design) {
  const experiment::Points values = design.values;
  const std::vector<std::uint64_t> seeds = design.seeds;
  for (std::size_t option = 1; option < spec.policies.size(); ++option) {
    design.values.insert(design.values.end(), values.begin(), values.end());
    design.seeds.insert(design.seeds.end(), seeds.begin(), seeds.end());
  }
  for (std::size_t option = 0; option < spec.policies.size(); ++option)
    design.policy.insert(design.policy.end(), values.size(), static_cast<int>(option));
}

}  // namespace

std::uint64_t point_seed(std::uint64_t sweep_seed, int point) {
  constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull;
  const std::uint64_t key = mix64(mix64(sweep_seed) ^ (static_cast<std::uint64_t>(point) + 1) * kGamma);
  return key >> 11;  // 53 bits
}

Design make_design(const SweepSpec& spec) {
  Design design;
  if (spec.method == Method::grid)
    design.values = experiment::full_factorial(factors(spec), std::max(spec.levels, 2));
  else
    design.values = experiment::map_to_ranges(unit_points(spec, design), factors(spec));
  for (auto& row : design.values)
    for (std::size_t j = 0; j < row.size(); ++j)
      if (spec.parameters[j].integer) row[j] = std::round(row[j]);
  for (int p = 0; p < design.points(); ++p)
    design.seeds.push_back(spec.common_seed ? spec.seed : point_seed(spec.seed, seed_index(design, p)));
  design.uncertain = design.points();
  if (!spec.policies.empty()) cross_with_policies(spec, design);
  return design;
}

std::vector<std::string> point_overrides(const SweepSpec& spec, const Design& design, int point) {
  std::vector<std::string> out = spec.base_overrides;
  if (!design.policy.empty()) {
    const Policy& option =
        spec.policies.at(static_cast<std::size_t>(design.policy.at(static_cast<std::size_t>(point))));
    out.insert(out.end(), option.set.begin(), option.set.end());
  }
  const auto& row = design.values.at(static_cast<std::size_t>(point));
  for (std::size_t j = 0; j < spec.parameters.size(); ++j)
    out.push_back(spec.parameters[j].key + "=" + scenario::format_number(row[j]));
  out.push_back("run.seed=" + std::to_string(design.seeds[static_cast<std::size_t>(point)]));
  out.push_back("run.replications=" + std::to_string(spec.replications));
  return out;
}

const std::filesystem::path& point_scenario(const SweepSpec& spec, const Design& design, int point) {
  if (design.policy.empty()) return spec.scenario;
  const Policy& option =
      spec.policies.at(static_cast<std::size_t>(design.policy.at(static_cast<std::size_t>(point))));
  return option.scenario.empty() ? spec.scenario : option.scenario;
}

}  // namespace score::sweep
