// Morris (1991) one-at-a-time trajectories.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <utility>
#include <vector>

#include "experiment/design.hpp"
#include "experiment/stream.hpp"

namespace score::experiment {
namespace {

// The grid works on integer level indices 0 .. p-1 and converts to the unit
// interval only when a point is written, so every coordinate is exactly a
// grid value and a step is exactly half = p/2 levels (delta = half / (p-1)).
struct Grid {
  int levels;
  int half;
  double to_unit(int level) const { return static_cast<double>(level) / (levels - 1); }
  double delta() const { return static_cast<double>(half) / (levels - 1); }
};

std::vector<double> unit_point(const std::vector<int>& level, const Grid& grid) {
  std::vector<double> x(level.size());
  for (std::size_t i = 0; i < level.size(); ++i) x[i] = grid.to_unit(level[i]);
  return x;
}

// One trajectory: a start whose every factor can move by half a grid in its
// chosen direction (lower half of the grid to move up, upper half to move
// down), then each factor moved once, in a random order.
void add_trajectory(MorrisDesign& design, int t, const Grid& grid, std::uint64_t seed) {
  const int k = design.layout.k;
  detail::Stream stream(seed, static_cast<std::uint64_t>(t));
  std::vector<int> level(static_cast<std::size_t>(k)), direction(level.size());
  for (std::size_t i = 0; i < level.size(); ++i) {
    const int low = static_cast<int>(stream.below(static_cast<std::uint32_t>(grid.half)));
    direction[i] = stream.below(2) == 0 ? 1 : -1;
    level[i] = direction[i] > 0 ? low : low + grid.half;
  }
  std::vector<int> order(level.size());
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = order.size(); i > 1; --i)  // Fisher-Yates
    std::swap(order[i - 1], order[stream.below(static_cast<std::uint32_t>(i))]);

  design.points.push_back(unit_point(level, grid));
  for (int s = 0; s < k; ++s) {
    const auto f = static_cast<std::size_t>(order[static_cast<std::size_t>(s)]);
    level[f] += direction[f] * grid.half;
    design.points.push_back(unit_point(level, grid));
    design.layout.steps.push_back({static_cast<int>(f), direction[f] * grid.delta()});
  }
}

}  // namespace

MorrisDesign morris(int trajectories, int k, int levels, std::uint64_t seed) {
  if (trajectories < 0 || k < 1) throw std::invalid_argument("morris: need trajectories >= 0, k >= 1");
  if (levels < 2 || levels % 2 != 0) throw std::invalid_argument("morris: levels must be even and >= 2");
  if (trajectories > INT_MAX / (k + 1)) throw std::invalid_argument("morris: too many points");
  const Grid grid{levels, levels / 2};
  MorrisDesign design;
  design.layout.trajectories = trajectories;
  design.layout.k = k;
  design.layout.steps.reserve(static_cast<std::size_t>(trajectories) * static_cast<std::size_t>(k));
  design.points.reserve(static_cast<std::size_t>(trajectories) * static_cast<std::size_t>(k + 1));
  for (int t = 0; t < trajectories; ++t) add_trajectory(design, t, grid, seed);
  return design;
}

}  // namespace score::experiment
