#pragma once
// Deterministic parallel loops over agents.
//
// Work is cut into fixed chunks whatever the thread count, each chunk
// accumulates in index order, and chunk results are combined in chunk order:
// floating-point sums therefore come out bit-identical with 1 or 16 threads.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "core/threads.hpp"
#include "sim/active_set.hpp"

namespace score::sim {

constexpr int kChunk = 8192;
// collect_listed keeps list order whatever the chunking, so its chunks can be
// small: a month's few hundred candidates still spread over every thread (a
// run of 1 M firms ends some 600 modules a month, which chunks of 512 left
// on one or two threads: 1 -> 2 threads 1.39-1.44 with 512, 1.45-1.49 with
// 128; history batches the same either way).
constexpr int kListChunk = 128;

// body(i) for every i in [begin, end), in parallel. body must only write
// state owned by agent i.
template <class Body>
void for_each_agent(int begin, int end, Body&& body) {
  threads::for_ranges(begin, end, kChunk, [&](int lo, int hi) {
    for (int i = lo; i != hi; ++i) body(i);
  });
}

// Sums body(i, acc) contributions into a vector of `width` doubles.
template <class Body>
std::vector<double> reduce_agents(int begin, int end, std::size_t width, Body&& body) {
  const int chunks = std::max(1, (end - begin + kChunk - 1) / kChunk);
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(chunks));
  threads::for_each(0, chunks, [&](int c) {
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

// The same over a list of agent ids (the active set): chunks are fixed runs
// of list positions, so sums are as deterministic as over an id range.
template <class Body>
void for_each_listed(const std::vector<std::int32_t>& ids, Body&& body) {
  for_each_agent(0, static_cast<int>(ids.size()),
                 [&](int k) { body(static_cast<int>(ids[static_cast<std::size_t>(k)])); });
}

template <class Body>
std::vector<double> reduce_listed(const std::vector<std::int32_t>& ids, std::size_t width, Body&& body) {
  return reduce_agents(0, static_cast<int>(ids.size()), width, [&](int k, std::vector<double>& acc) {
    body(static_cast<int>(ids[static_cast<std::size_t>(k)]), acc);
  });
}

// Runs body(i, out) for every listed agent in parallel, where out is a
// vector of T the body may append to; returns the appended items in list
// order, whatever the thread count.
template <class T, class Body>
std::vector<T> collect_listed(const std::vector<std::int32_t>& ids, Body&& body) {
  const int n = static_cast<int>(ids.size());
  const int chunks = std::max(1, (n + kListChunk - 1) / kListChunk);
  std::vector<std::vector<T>> partial(static_cast<std::size_t>(chunks));
  threads::for_each(0, chunks, [&](int c) {
    const int lo = c * kListChunk, hi = std::min(n, lo + kListChunk);
    for (int k = lo; k < hi; ++k)
      body(static_cast<int>(ids[static_cast<std::size_t>(k)]), partial[static_cast<std::size_t>(c)]);
  });
  std::vector<T> all;
  for (const auto& part : partial) all.insert(all.end(), part.begin(), part.end());
  return all;
}

}  // namespace score::sim
