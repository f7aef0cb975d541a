#include "sim/runner.hpp"

#include "core/threads.hpp"
#include "sim/executor.hpp"

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
  ExecutorHooks hooks;
  hooks.team = true;  // the arena below is this run's alone
  if (options.cancel) hooks.stop = [cancel = options.cancel] { return cancel->load(); };
  if (options.on_progress) hooks.on_month = [&] { options.on_progress(++done, total); };
  if (options.on_replication)
    hooks.on_finished = [&](int rep, const Simulation& sim) {
      options.on_replication(rep, sim.series(), sim.summary());
    };
  bool finished = false;
  threads::in_arena(workers,
                    [&] { finished = Executor(model, std::move(hooks)).run_to_end(model.replications); });
  return finished;
}

}  // namespace score::sim
