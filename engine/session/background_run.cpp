#include "session/background_run.hpp"

#include "core/threads.hpp"
#include "provenance/run_info.hpp"

namespace score::session {

BackgroundRun::BackgroundRun(std::shared_ptr<const scenario::Scenario> scenario, std::string label,
                             int threads, bool paused)
    : scenario_(std::move(scenario)),
      threads_(threads),
      status_(paused ? RunStatus::paused : RunStatus::running),
      paused_(paused),
      building_(empty_snapshot(provenance::run_info(*scenario_), std::move(label), RunStatus::running)) {
  snapshot_ = std::make_shared<const Snapshot>(building_);
  thread_ = std::jthread([this](std::stop_token stop) { work(stop); });
}

BackgroundRun::~BackgroundRun() { cancel(); }

void BackgroundRun::pause() {
  std::lock_guard lock(control_);
  paused_ = true;
  steps_granted_ = 0;
}

void BackgroundRun::resume() {
  {
    std::lock_guard lock(control_);
    paused_ = false;
    idle_ = false;
  }
  turn_.notify_all();
}

void BackgroundRun::step() {
  {
    std::lock_guard lock(control_);
    paused_ = true;
    ++steps_granted_;
    idle_ = false;
  }
  turn_.notify_all();
}

void BackgroundRun::watch_network(int country) {
  network_country_ = country;
  if (status_ != RunStatus::finished) return;  // the run thread copies it next month
  auto next = std::make_shared<Snapshot>(*snapshot());
  next->network = network_view(first_->state(), country);
  publish(std::move(next));
}

void BackgroundRun::cancel() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void BackgroundRun::wait() {
  if (thread_.joinable()) thread_.join();
}

void BackgroundRun::wait_until_idle() {
  std::unique_lock lock(control_);
  idle_changed_.wait(lock, [&] { return idle_ || ended_; });
}

SnapshotPtr BackgroundRun::snapshot() const {
  std::lock_guard lock(published_);
  return snapshot_;
}

void BackgroundRun::publish(std::shared_ptr<Snapshot> next) {
  std::lock_guard lock(published_);
  const RunStatus status = next->status;
  snapshot_ = std::move(next);
  if (status == RunStatus::finished || status == RunStatus::cancelled || status == RunStatus::failed)
    status_ = status;
}

// Blocks while paused without a granted step; false when asked to stop.
bool BackgroundRun::wait_turn(std::stop_token stop) {
  std::unique_lock lock(control_);
  if (paused_ && steps_granted_ == 0) status_ = RunStatus::paused;
  turn_.wait(lock, stop, [&] {
    const bool go = !paused_ || steps_granted_ > 0;
    if (!go && !idle_) {  // about to block: tell wait_until_idle
      idle_ = true;
      idle_changed_.notify_all();
    }
    return go;
  });
  if (stop.stop_requested()) return false;
  if (paused_) --steps_granted_;
  status_ = RunStatus::running;
  return true;
}

// A month that used the last granted step leaves the run paused before its
// snapshot is published: whoever sees the month also sees the pause (the
// viewer's Step button, then a look at the status), instead of "running"
// until the run thread reaches its next wait.
void BackgroundRun::settle_after_month() {
  std::lock_guard lock(control_);
  if (paused_ && steps_granted_ == 0) status_ = RunStatus::paused;
}

void BackgroundRun::end_cancelled() {
  building_.status = RunStatus::cancelled;
  publish(std::make_shared<Snapshot>(building_));
}

void BackgroundRun::work(std::stop_token stop) {
  run_months(stop);
  std::lock_guard lock(control_);
  ended_ = true;
  idle_changed_.notify_all();
}

void BackgroundRun::run_months(std::stop_token stop) {
  try {
    // The run's threads: every parallel loop below stays within them.
    threads::in_arena(threads_, [&] {
      const model::Description& m = scenario_->model;
      sim::ExecutorHooks hooks;
      // A stop during the set-up makes no more replications, so Reset
      // during a long set-up returns within one replication's build.
      hooks.stop = [&] { return stop.stop_requested(); };
      hooks.on_finished = [&](int, const sim::Simulation& sim) {
        building_.summaries.push_back(sim.summary());
        series_.push_back(sim.series());
      };
      sim::Executor run(m, std::move(hooks));
      if (!run.make_all(m.replications, [&] { ++built_; })) {  // some replications were never built
        return end_cancelled();
      }
      std::vector<const sim::Series*> series;
      for (const auto& s : run.simulations()) series.push_back(&s->series());
      for (int month = 0; month < m.steps; ++month) {
        if (!wait_turn(stop)) {
          return end_cancelled();
        }
        run.step_all();
        building_.charts.add_month(series, month);
        building_.months_done = month + 1;
        building_.network = network_view(run.simulations().front()->state(), network_country_);
        if (month + 1 < m.steps) settle_after_month();
        publish(std::make_shared<Snapshot>(building_));
      }
      run.finish_all();
      first_ = run.release(0);
      building_.status = RunStatus::finished;
      publish(std::make_shared<Snapshot>(building_));
    });
  } catch (const std::exception& e) {
    building_.status = RunStatus::failed;
    building_.error = e.what();
    publish(std::make_shared<Snapshot>(building_));
  }
}

}  // namespace score::session
