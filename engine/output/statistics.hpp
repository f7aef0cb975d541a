#pragma once
// Statistics across replications, as the results format stores them: NaN
// values (ratios over an empty denominator) are left out, and percentiles
// interpolate linearly between the closest ranks, numpy's default, so a Python
// user recomputing them gets the same numbers.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "output/format.hpp"

namespace score::output {

// Mean, p05, p50, p95 of the non-NaN values of `sample`, in Statistic order;
// all NaN if every value is NaN. Reorders `sample`.
std::array<double, kStatistics> sample_statistics(std::vector<double>& sample);

// For a block laid out [replication][cell], the statistics of each cell across
// replications, laid out [statistic][cell] in `out` (kStatistics * cells values).
void block_statistics(std::span<const double> block, std::size_t replications, std::span<double> out);

// Batcher's odd-even merge sort of n keys: a fixed list of compare-exchanges
// that sorts every input, so one list sorts the samples of many cells at once.
// Each compare-exchange is a min and a max over a row of cells, which the
// compiler turns into vector instructions; a sort per cell cannot be.
class SortingNetwork {
 public:
  explicit SortingNetwork(std::size_t n);
  // Sorts `lanes` sequences of n keys at once, laid out [key][lane]:
  // lane c's keys are rows[k * lanes + c]. NaN-free keys only (a NaN compares
  // false both ways, so it would stay where it is).
  void sort(double* rows, std::size_t lanes) const;

 private:
  // The compare-exchanges, in order: (i, j) with i < j puts the smaller key at i.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
};

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
