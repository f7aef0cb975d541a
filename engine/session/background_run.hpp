#pragma once
// Runs a scenario's replications on a background thread, all of them in step
// month by month, so that charts grow as months are simulated and the run can
// pause or advance one month at a time. Every replication is the same
// Simulation `score run` uses, so the numbers are the same bits.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "scenario/build.hpp"
#include "session/snapshot.hpp"
#include "sim/executor.hpp"
#include "sim/metrics.hpp"

namespace score::session {

class BackgroundRun {
 public:
  // Starts at once (paused before the first month when `paused`). `threads`
  // 0 means all cores. `label` names the run in the snapshots.
  BackgroundRun(std::shared_ptr<const scenario::Scenario> scenario, std::string label, int threads,
                bool paused);
  // Cancels and joins: never leaves a thread behind.
  ~BackgroundRun();
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;

  void pause();
  void resume();
  void step();    // pauses, then advances exactly one more month
  void cancel();  // stops after the month in progress
  void wait();    // blocks until the run ends (tests and scripts)
  // Country whose network the snapshots copy (-1: none). Once the run has
  // finished, the snapshot is republished with that country's network.
  void watch_network(int country);

  RunStatus status() const { return status_; }
  // Replications whose population and networks are built: the set-up's
  // progress before the first month (a cancel stops it between replications).
  int setup_done() const { return built_; }
  SnapshotPtr snapshot() const;
  const scenario::Scenario& scenario() const { return *scenario_; }
  // The finished replications' series (empty until finished).
  const std::vector<sim::Series>& series() const { return series_; }

  // Readiness signals, so tests need no sleeps. Blocks until the run thread
  // is blocked waiting for a turn (paused, every granted step taken) or the
  // run has ended; a run that wrongly kept going ends instead of idling.
  void wait_until_idle();
  // Whether the run thread still exists (cancel and wait must join it).
  bool thread_alive() const { return thread_.joinable(); }

 private:
  void work(std::stop_token stop);
  void run_months(std::stop_token stop);
  void settle_after_month();
  bool wait_turn(std::stop_token stop);
  // Publishes a snapshot; one that ends the run (finished, cancelled,
  // failed) sets the run's status in the same step, so whoever sees the last
  // snapshot sees the status, and the other way round (the viewer waits on
  // the one and saves on the other).
  void publish(std::shared_ptr<Snapshot> next);
  void end_cancelled();  // publishes the run as cancelled

  std::shared_ptr<const scenario::Scenario> scenario_;
  int threads_;
  std::atomic<RunStatus> status_;
  std::atomic<int> network_country_{-1};
  std::atomic<int> built_{0};
  // Written by the run thread before status_ becomes finished, read-only after.
  std::vector<sim::Series> series_;
  std::unique_ptr<sim::Simulation> first_;  // replication 0 at its end, for the network panel

  mutable std::mutex control_;
  std::condition_variable_any turn_;
  bool paused_;
  int steps_granted_ = 0;
  // For wait_until_idle: set by the run thread as it blocks for a turn or
  // ends, cleared by every command that grants one. Guarded by control_.
  bool idle_ = false, ended_ = false;
  std::condition_variable_any idle_changed_;

  mutable std::mutex published_;
  SnapshotPtr snapshot_;
  Snapshot building_;  // owned by the run thread

  std::jthread thread_;  // last: starts after every member above exists
};

}  // namespace score::session
