#include "session/memory.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "sim/metrics.hpp"

namespace score::session {
namespace {

constexpr double kBytesPerFirm = 100;  // state, networks and indices (measured, history)
constexpr double kBytesFixed = 256e3;  // providers, funders, scratch of one replication
constexpr double kShareOfFree = 0.8;   // leave the rest to the window and the system

}  // namespace

double memory_per_replication(const model::Description& m) {
  const double series = 2.0 * m.steps * (static_cast<double>(m.countries.size()) + 1) * sim::kMetrics * 8;
  return kBytesFixed + kBytesPerFirm * static_cast<double>(m.total_firms()) + series;
}

double memory_available() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  double kb = 0;
  std::string unit;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024;
  return 0;
}

std::string memory_refusal(double need, double available, int replications) {
  if (!(available > 0) || need <= kShareOfFree * available) return "";
  const double each = need / std::max(replications, 1);
  const int fits = static_cast<int>(std::floor(kShareOfFree * available / each));
  return std::to_string(replications) + " replications need about " + format_bytes(need) +
         " in the viewer; this machine has " + format_bytes(available) + " free: use at most " +
         std::to_string(std::max(fits, 0)) + " here, or `score run` (one replication per thread at a time)";
}

std::string format_bytes(double bytes) {
  char buf[32];
  if (bytes >= 1e9)
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
  else
    std::snprintf(buf, sizeof buf, "%.0f MB", std::ceil(bytes / 1e6));
  return buf;
}

}  // namespace score::session
