#pragma once
// Statistics across replications, as the results format stores them: NaN
// values (ratios over an empty denominator) are left out, and percentiles
// interpolate linearly between the closest ranks, numpy's default, so a Python
// user recomputing them gets the same numbers.
#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "output/format.hpp"

namespace score::output {

// Mean, p05, p50, p95 of the non-NaN values of `sample`, in Statistic order;
// all NaN if every value is NaN. Reorders `sample`.
std::array<double, kStatistics> sample_statistics(std::vector<double>& sample);

// For a block laid out [replication][cell], the statistics of each cell across
// replications, laid out [statistic][cell] in `out` (kStatistics * cells values).
void block_statistics(std::span<const double> block, std::size_t replications, std::span<double> out);

// One block of several whose statistics are computed together.
struct StatisticsBlock {
  std::span<const double> values;  // [replication][cell]
  std::span<double> out;           // [statistic][cell]
};

// block_statistics of every block, all `replications` deep, in one parallel
// loop over the cells of them all: many small blocks (a results file's ~120
// series) keep every thread busy without a parallel loop each.
void blocks_statistics(std::span<const StatisticsBlock> blocks, std::size_t replications);

}  // namespace score::output
