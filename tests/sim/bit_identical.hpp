#pragma once
// Two runs' series compared bit for bit, every metric (NaN included).
#include <cstring>

#include "sim/metrics.hpp"

namespace score::test {

inline bool bit_identical(const sim::Series& a, const sim::Series& b) {
  for (int k = 0; k < sim::kMetrics; ++k) {
    const auto x = a.values(static_cast<sim::Metric>(k)), y = b.values(static_cast<sim::Metric>(k));
    if (x.size() != y.size() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) != 0) return false;
  }
  return true;
}

}  // namespace score::test
