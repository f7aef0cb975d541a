#pragma once
// The one loop over a model's replications: make them, step them, run them
// to their end, stop when asked, and hand each finished one to a callback.
// `score run` (runner.hpp), sweep points, the viewer's background run and the
// benchmarks all go through it, so they share one stop rule and one way of
// making a replication (with or without a shared set-up). The executor runs
// on the calling thread's arena; the caller chooses its size. Results do not
// depend on the thread count.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "model/description.hpp"
#include "sim/setup.hpp"
#include "sim/simulation.hpp"

namespace score::sim {

// How an executor watches and stops replications. Callbacks may be called
// from several threads at once; the callee synchronises.
struct ExecutorHooks {
  // Polled before a replication is made and before each of its months:
  // true stops the run (the month in progress completes).
  std::function<bool()> stop;
  // After each simulated month of any replication.
  std::function<void()> on_month;
  // Each finished replication, once, before the executor frees it.
  std::function<void(int replication, const Simulation&)> on_finished;
  // Set-ups shared with other runs of the same seed (setup.hpp); null:
  // every replication draws its own. The numbers are the same either way.
  SetupCache* setups = nullptr;
  // Months each replication runs in run_to_end; -1: the whole model. A
  // target read at an early month needs no later ones (goal seeking).
  int months = -1;
  // The caller's arena is this executor's alone: a single replication then
  // runs its parallel loops on a team of its threads (core/team.hpp), which
  // stay awake between them. Not for an executor beside others (a sweep's
  // points), whose threads the team would take from them.
  bool team = false;
};

class Executor {
 public:
  Executor(const model::Description& model, ExecutorHooks hooks);

  // Replications [first, first + count) side by side, each run to its end
  // (or hooks.months) and handed to on_finished. Each is made when a worker takes it and freed once handed
  // on, so memory does not grow with `count` and freed blocks are reused by
  // the next replication. False if stopped.
  bool run_to_end(int count, int first = 0);

  // In step, for a run watched month by month: makes replications
  // [0, count) in parallel, calling on_made after each. False if stopped
  // before every one was made.
  bool make_all(int count, const std::function<void()>& on_made = {});
  // Advances every replication made by make_all one month, in parallel.
  void step_all();
  // Hands every replication made by make_all to on_finished, in order, on
  // the calling thread.
  void finish_all() const;
  const std::vector<std::unique_ptr<Simulation>>& simulations() const { return sims_; }
  // Takes replication `i` out of the executor (to keep its final state).
  std::unique_ptr<Simulation> release(std::size_t i) { return std::move(sims_.at(i)); }

 private:
  bool stopped() const { return hooks_.stop && hooks_.stop(); }
  std::unique_ptr<Simulation> make(int replication) const;

  const model::Description& model_;
  std::shared_ptr<const BuyerSpans> buyer_spans_;  // the model's, shared by every replication
  ExecutorHooks hooks_;
  std::vector<std::unique_ptr<Simulation>> sims_;
};

}  // namespace score::sim
