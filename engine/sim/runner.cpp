#include "sim/runner.hpp"

#include "core/threads.hpp"
#include "sim/simulation.hpp"

namespace score::sim {

Series run_one(const model::Description& model, std::uint32_t replication) {
  Simulation sim(model, replication);
  while (!sim.finished()) sim.step();
  return sim.series();
}

bool run_replications(const model::Description& model, const RunOptions& options) {
  const int workers = options.threads > 0 ? options.threads : threads::default_count();
  const std::int64_t total = static_cast<std::int64_t>(model.steps) * model.replications;
  std::atomic<std::int64_t> done{0};
  std::atomic<bool> cancelled{false};
  threads::in_arena(workers, [&] {
    threads::for_each(0, model.replications, [&](int rep) {
      if (options.cancel && options.cancel->load()) {
        cancelled = true;
        return;
      }
      Simulation sim(model, static_cast<std::uint32_t>(rep));
      while (!sim.finished()) {
        if (options.cancel && options.cancel->load()) {
          cancelled = true;
          return;
        }
        sim.step();
        const std::int64_t now = ++done;
        if (options.on_progress) options.on_progress(now, total);
      }
      if (options.on_replication) options.on_replication(rep, sim.series(), sim.summary());
    });
  });
  return !cancelled;
}

}  // namespace score::sim
