#pragma once
// Deterministic parallel loops over agents.
//
// Work is cut into fixed chunks whatever the thread count, each chunk
// accumulates in index order, and chunk results are combined in chunk order:
// floating-point sums therefore come out bit-identical with 1 or 16 threads.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <vector>

namespace score::sim {

constexpr int kChunk = 8192;

// body(i) for every i in [begin, end), in parallel. body must only write
// state owned by agent i.
template <class Body>
void for_each_agent(int begin, int end, Body&& body) {
  tbb::parallel_for(tbb::blocked_range<int>(begin, end, kChunk), [&](const tbb::blocked_range<int>& r) {
    for (int i = r.begin(); i != r.end(); ++i) body(i);
  });
}

// Sums body(i, acc) contributions into a vector of `width` doubles.
template <class Body>
std::vector<double> reduce_agents(int begin, int end, std::size_t width, Body&& body) {
  const int chunks = std::max(1, (end - begin + kChunk - 1) / kChunk);
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(chunks));
  tbb::parallel_for(0, chunks, [&](int c) {
    auto& acc = partial[static_cast<std::size_t>(c)];
    acc.assign(width, 0.0);
    const int lo = begin + c * kChunk, hi = std::min(end, lo + kChunk);
    for (int i = lo; i < hi; ++i) body(i, acc);
  });
  std::vector<double> total(width, 0.0);
  for (const auto& acc : partial)
    for (std::size_t k = 0; k < width; ++k) total[k] += acc[k];
  return total;
}

}  // namespace score::sim
