#include "sim/executor.hpp"

#include <algorithm>
#include <atomic>

#include "core/threads.hpp"

namespace score::sim {

Executor::Executor(const model::Description& model, ExecutorHooks hooks)
    : model_(model), buyer_spans_(std::make_shared<const BuyerSpans>(model)), hooks_(std::move(hooks)) {}

// With a cache, the set-up drawn by an earlier run with the same key is
// taken instead of drawn again, and a new one is left there for later runs.
std::unique_ptr<Simulation> Executor::make(int replication) const {
  const auto r = static_cast<std::uint32_t>(replication);
  if (!hooks_.setups) return std::make_unique<Simulation>(model_, r, buyer_spans_);
  std::vector<std::uint64_t> key = setup_key(model_, r);
  if (const auto shared = hooks_.setups->find(key))
    return std::make_unique<Simulation>(model_, r, *shared, buyer_spans_);
  auto made = std::make_unique<Simulation>(model_, r, buyer_spans_);
  hooks_.setups->add(std::move(key), std::make_shared<const Setup>(copy_setup(made->state())));
  return made;
}

bool Executor::run_to_end(int count, int first) {
  const int months = hooks_.months >= 0 ? std::min(hooks_.months, model_.steps) : model_.steps;
  std::atomic<bool> cancelled{false};
  auto run = [&](int rep) {
    if (stopped()) {
      cancelled = true;
      return;
    }
    const std::unique_ptr<Simulation> sim = make(rep);
    while (sim->month() < months) {
      if (stopped()) {
        cancelled = true;
        return;
      }
      sim->step();
      if (hooks_.on_month) hooks_.on_month();
    }
    if (hooks_.on_finished) hooks_.on_finished(rep, *sim);
  };
  // No team where one is in place already, or inside a piece of one, where
  // loops run inline anyway.
  const int team_size = threads::team_count();
  if (count == 1 && hooks_.team && team_size > 1 && threads::Team::current() == nullptr &&
      !threads::Team::inside_piece()) {
    const threads::Team team(team_size);
    run(first);
  } else {
    threads::for_each(first, first + count, run);
  }
  return !cancelled;
}

bool Executor::make_all(int count, const std::function<void()>& on_made) {
  sims_.clear();
  sims_.resize(static_cast<std::size_t>(count));
  std::atomic<bool> cancelled{false};
  threads::for_each(0, count, [&](int rep) {
    if (stopped()) {
      cancelled = true;
      return;
    }
    sims_[static_cast<std::size_t>(rep)] = make(rep);
    if (on_made) on_made();
  });
  return !cancelled;
}

void Executor::step_all() {
  threads::for_each(std::size_t{0}, sims_.size(), [&](std::size_t r) {
    sims_[r]->step();
    if (hooks_.on_month) hooks_.on_month();
  });
}

void Executor::finish_all() const {
  if (!hooks_.on_finished) return;
  for (std::size_t r = 0; r < sims_.size(); ++r) hooks_.on_finished(static_cast<int>(r), *sims_[r]);
}

}  // namespace score::sim
