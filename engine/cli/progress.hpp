#pragma once
// A progress bar on stderr, drawn only when stderr is a terminal. Safe to
// update from several threads; redraws at most ten times a second.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace score::cli {

class Progress {
 public:
  Progress(std::string label, bool enabled);
  ~Progress();
  void update(std::int64_t done, std::int64_t total);
  void finish();

 private:
  void draw(std::int64_t done, std::int64_t total);
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace score::cli
