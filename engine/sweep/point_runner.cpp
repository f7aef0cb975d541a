#include "sweep/point_runner.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

#include "core/threads.hpp"
#include "experiment/sensitivity.hpp"
#include "sim/executor.hpp"
#include "sim/summary.hpp"

namespace score::sweep {

std::optional<int> PendingPoints::next() {
  const std::size_t i = next_.fetch_add(1);
  if (i >= points_.size()) return std::nullopt;
  return points_[i];
}

std::size_t PointShape::outcome_size() const {
  return static_cast<std::size_t>(replications) * phases * sim::kSummaries;
}
std::size_t PointShape::stats_size() const {
  return static_cast<std::size_t>(phases) * sim::kSummaries * kStatistics;
}
std::size_t PointShape::timeseries_size(std::size_t metric) const {
  const auto length = sim::axis_length(sim::info(timeseries[metric]).axis);
  return static_cast<std::size_t>(replications) * steps * countries * length;
}

PointShape point_shape(const Sweep& sweep) {
  const model::Description& m = sweep.base.model;
  return {sweep.spec.replications, static_cast<int>(m.phases.size()), m.steps,
          static_cast<int>(m.countries.size()), sweep.spec.timeseries};
}

namespace {

// Copies one finished replication into the point's vectors.
void keep_replication(const PointShape& shape, int rep, const sim::Series& series, PointResult& out) {
  for (std::size_t m = 0; m < shape.timeseries.size(); ++m) {
    const auto values = series.values(shape.timeseries[m]);
    std::copy(values.begin(), values.end(),
              out.timeseries[m].begin() + static_cast<std::ptrdiff_t>(rep * values.size()));
  }
}

void summarise_point(const PointShape& shape, PointResult& out) {
  std::vector<double> sample(static_cast<std::size_t>(shape.replications));
  for (int p = 0; p < shape.phases; ++p)
    for (int s = 0; s < sim::kSummaries; ++s) {
      for (int r = 0; r < shape.replications; ++r)
        sample[static_cast<std::size_t>(r)] =
            out.outcome[(static_cast<std::size_t>(r) * shape.phases + p) * sim::kSummaries + s];
      const experiment::Summary sum = experiment::summarise_replications(sample);
      const std::array<double, kStatistics> stats{sum.mean, sum.sd, sum.p05, sum.p50, sum.p95};
      std::copy(stats.begin(), stats.end(),
                out.stats.begin() + static_cast<std::ptrdiff_t>(
                                        (static_cast<std::size_t>(p) * sim::kSummaries + s) * kStatistics));
    }
}

// Points that share seeds share set-ups: a Saltelli design, common_seed.
bool shares_seeds(const Sweep& sweep) { return sweep.design.saltelli.n > 0 || sweep.spec.common_seed; }

}  // namespace

std::vector<int> setup_order(const Sweep& sweep, std::vector<int> points) {
  if (!shares_seeds(sweep)) return points;
  const auto& seeds = sweep.design.seeds;
  std::stable_sort(points.begin(), points.end(), [&](int a, int b) {
    return seeds.at(static_cast<std::size_t>(a)) < seeds.at(static_cast<std::size_t>(b));
  });
  return points;
}

std::optional<PointResult> run_point(const Sweep& sweep, int point, const PointRunHooks& hooks) {
  const model::Description model = point_model(sweep, point);
  const PointShape shape = point_shape(sweep);
  if (model.steps != shape.steps || static_cast<int>(model.phases.size()) != shape.phases ||
      static_cast<int>(model.countries.size()) != shape.countries)
    throw std::runtime_error("sweep point " + std::to_string(point) + " changes the scenario's shape");
  PointResult out;
  out.point = point;
  out.seed = sweep.design.seeds.at(static_cast<std::size_t>(point));
  out.outcome.assign(shape.outcome_size(), 0.0);
  out.stats.assign(shape.stats_size(), 0.0);
  for (std::size_t m = 0; m < shape.timeseries.size(); ++m)
    out.timeseries.emplace_back(shape.timeseries_size(m));
  sim::ExecutorHooks run;
  if (hooks.cancel) run.stop = [cancel = hooks.cancel] { return cancel->load(); };
  run.on_month = hooks.on_month;
  run.setups = hooks.setups;
  run.months = hooks.months;
  run.on_finished = [&](int rep, const sim::Simulation& sim) {
    const sim::PhaseSummary summary = sim.summary();
    for (int p = 0; p < shape.phases; ++p)
      for (int s = 0; s < sim::kSummaries; ++s)
        out.outcome[(static_cast<std::size_t>(rep) * shape.phases + p) * sim::kSummaries + s] =
            summary.total(p, static_cast<sim::Summary>(s));
    keep_replication(shape, rep, sim.series(), out);
    if (hooks.on_replication) hooks.on_replication(point, rep, sim.series(), summary);
  };
  const bool finished = sim::Executor(model, std::move(run)).run_to_end(shape.replications);
  if (!finished) return std::nullopt;
  summarise_point(shape, out);
  return out;
}

bool run_points(const Sweep& sweep, PointSource& source, const RunPointsOptions& options) {
  const int count = options.threads > 0 ? options.threads : threads::current_count();
  // Enough points side by side for their replications to fill the threads,
  // and no more: each point in flight holds its replications' series.
  const int reps = sweep.spec.replications;
  const int workers = std::max(1, (count + reps - 1) / reps);
  // One flag stops every worker: the caller's cancel, or a failed point.
  std::atomic<bool> stop{false};
  const std::atomic<bool>* caller = options.hooks.cancel;
  auto stopping = [&] {
    if (caller && caller->load()) stop = true;
    return stop.load();
  };
  // The set-ups of the points in flight and of the next: enough for points
  // of one seed, run one after another (setup_order), to share them.
  std::optional<sim::SetupCache> setups;
  if (!options.hooks.setups && shares_seeds(sweep))
    setups.emplace(sim::setup_capacity(sweep.base.model, static_cast<std::size_t>((workers + 1) * reps)));
  PointRunHooks hooks{[&] {
                        stopping();
                        if (options.hooks.on_month) options.hooks.on_month();
                      },
                      &stop, options.hooks.on_replication,
                      options.hooks.setups ? options.hooks.setups
                      : setups             ? &*setups
                                           : nullptr,
                      options.hooks.months};
  std::mutex sink;
  threads::in_arena(count, [&] {
    threads::run_workers(workers, [&] {
      try {
        while (!stopping()) {
          const std::optional<int> point = source.next();
          if (!point) return;
          std::optional<PointResult> result = run_point(sweep, *point, hooks);
          if (!result) return;
          std::lock_guard lock(sink);
          if (options.on_point) options.on_point(std::move(*result));
        }
      } catch (...) {
        stop = true;
        throw;
      }
    });
  });
  return !stopping();
}

}  // namespace score::sweep
