#pragma once
// Runs a sweep's points: each point's replications in parallel, several
// points side by side, results handed out one finished point at a time so
// memory does not grow with the number of points.
//
// Work is pulled, not planned: workers ask a PointSource for the next point
// index until it has none. The local source hands out the pending points of
// this process; a distributed driver (MPI, later) can implement the same
// interface, or call run_point() on each index it receives. A point's
// numbers depend only on the sweep and its index, never on who runs it.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "core/statistics.hpp"
#include "sim/metrics.hpp"
#include "sim/setup.hpp"
#include "sim/summary.hpp"
#include "sweep/sweep.hpp"

namespace score::sweep {

// Per point and replication, kept for the results file.
struct PointResult {
  int point = -1;
  std::uint64_t seed = 0;
  // All-country phase summaries: [replication][phase][summary] (sim::Summary order).
  std::vector<double> outcome;
  // Across replications: [phase][summary][statistic] (kStatistics below).
  std::vector<double> stats;
  // Per kept metric (SweepSpec::timeseries order): [replication][time][country][axis].
  std::vector<std::vector<double>> timeseries;
};

// The statistics of each outcome across a point's replications: all of
// them (core/statistics.hpp), in their order.
using score::Statistic;
using score::statistic_name;
constexpr int kStatistics = kStatisticCount;

// Hands out point indices; next() is called from several threads at once.
class PointSource {
 public:
  virtual ~PointSource() = default;
  virtual std::optional<int> next() = 0;
};

// The given points, in the given order.
class PendingPoints final : public PointSource {
 public:
  explicit PendingPoints(std::vector<int> points) : points_(std::move(points)) {}
  std::optional<int> next() override;

 private:
  std::vector<int> points_;
  std::atomic<std::size_t> next_{0};
};

struct PointRunHooks {
  // After each simulated month of any replication (any thread, concurrently).
  std::function<void()> on_month;
  const std::atomic<bool>* cancel = nullptr;  // stop early when set
  // After each finished replication of a point (any thread, concurrently),
  // for callers that read more of it than the point keeps (calibration).
  std::function<void(int point, int replication, const sim::Series&, const sim::PhaseSummary&)>
      on_replication;
  // Set-ups shared with other points of the same seed (sim/setup.hpp); null:
  // every replication draws its own. The numbers are the same either way.
  sim::SetupCache* setups = nullptr;
  // Months each replication runs; -1: the whole scenario. Fewer leave the
  // later months of its series at zero, and the point's result (phase
  // totals, statistics) with them: for callers that read on_replication's
  // series up to that month only (calibration).
  int months = -1;
};

// Runs one point's replications in parallel on the calling thread's arena
// and summarises them. nullopt if cancelled. Throws ScenarioError if the
// point's scenario is invalid.
std::optional<PointResult> run_point(const Sweep& sweep, int point, const PointRunHooks& hooks = {});

struct RunPointsOptions {
  int threads = 0;  // 0: all cores
  // Called once per finished point, one call at a time (the runner
  // serialises them), in any point order.
  std::function<void(PointResult&&)> on_point;
  PointRunHooks hooks;
};

// Runs points from `source` until it is empty. Points run side by side so
// that their replications fill the threads. Returns false if cancelled; the
// first exception of any point is rethrown once the others have stopped.
bool run_points(const Sweep& sweep, PointSource& source, const RunPointsOptions& options);

// The points in the order that lets them share set-ups: points that run with
// the same seed (a Saltelli design's base row, or every point of a sweep
// with common_seed) next to each other, otherwise as given.
std::vector<int> setup_order(const Sweep& sweep, std::vector<int> points);

// Values per point in a PointResult's vectors, for checks and I/O.
struct PointShape {
  int replications = 0, phases = 0, steps = 0, countries = 0;
  std::vector<sim::Metric> timeseries;
  std::size_t outcome_size() const;
  std::size_t stats_size() const;
  std::size_t timeseries_size(std::size_t metric) const;
};
PointShape point_shape(const Sweep& sweep);

}  // namespace score::sweep
