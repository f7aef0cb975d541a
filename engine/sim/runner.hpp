#pragma once
// Runs the replications of a model, in parallel, inside a oneTBB arena of
// the requested size. Replications run side by side and each one's agent
// loops are parallel too; the work-stealing scheduler keeps the cores busy
// without oversubscribing them. Results do not depend on the thread count.
#include <atomic>
#include <cstdint>
#include <functional>

#include "model/description.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::sim {

struct RunOptions {
  int threads = 0;  // 0: all cores
  // Called once per finished replication, possibly from several threads at
  // once and in any order; the callee synchronises.
  std::function<void(int replication, const Series&, const PhaseSummary&)> on_replication;
  // Called after each simulated month with (months done, months in all replications).
  std::function<void(std::int64_t done, std::int64_t total)> on_progress;
  const std::atomic<bool>* cancel = nullptr;  // stop early when set
};

// Runs model.replications replications in an arena of `threads` threads of
// their own; a single replication runs its loops on a team of them
// (core/team.hpp). Returns false if cancelled.
bool run_replications(const model::Description& model, const RunOptions& options);

// One replication, start to end, on the calling thread's arena.
Series run_one(const model::Description& model, std::uint32_t replication);

}  // namespace score::sim
