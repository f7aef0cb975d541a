#pragma once
// The progress line of `score sweep` on stderr: points done, runs (point
// replications) per second and the time left, drawn only when stderr is a
// terminal and at most ten times a second. Safe to update from several
// threads.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace score::cli {

// "45s", "3m05s", "2h10m".
std::string format_duration(double seconds);

class SweepProgress {
 public:
  // `points` in the sweep, `done` already stored, each pending point
  // simulating `months_per_point` months (replications x steps).
  SweepProgress(int points, int done, std::int64_t months_per_point, int replications, bool enabled);
  ~SweepProgress();
  SweepProgress(const SweepProgress&) = delete;
  SweepProgress& operator=(const SweepProgress&) = delete;

  void month();  // one simulated month of any replication
  void point();  // one point stored
  // Prints a line of its own (clearing the bar first); shown even without a terminal.
  void message(const std::string& text);
  void finish();

 private:
  void maybe_draw(bool force);
  void draw();
  int points_;
  std::atomic<int> done_;
  const int done_at_start_;
  const std::int64_t months_left_at_start_;
  const int replications_;
  std::atomic<std::int64_t> months_{0};
  std::atomic<bool> enabled_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace score::cli
