#pragma once
// A team of threads that stays awake between the short parallel loops of one
// simulation run.
//
// A month of a large run is a dozen parallel loops of a few hundred
// microseconds each, with serial work between them (seat allocation, list
// merges). oneTBB's workers go to sleep within microseconds of running out of
// work, and waking one on a virtual machine took longer than a loop: in one
// run of 1 M firms on 2 threads the calling thread ran 79 % of the pieces of
// the loops over a month's module completions, and the run sped up 1.5 times,
// not 2. A team's helpers wait for the next loop by spinning (with pauses,
// yielding to other threads now and then) for about a millisecond, then
// sleep; a loop started within that time starts on every thread at once.
//
// While a team is in place, the parallel loops of core/threads.hpp started on
// the thread that made it run on the team; a loop started inside a piece of
// a team's loop, on any thread, runs inline. Which thread runs which piece
// changes nothing for callers: the loops already promise results that do not
// depend on it. Made only where one run has the whole arena (sim::Executor
// with a single replication); batches keep every thread busy with whole runs
// and stay on oneTBB.
#include <atomic>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace score::threads {

class Team {
 public:
  // `count` threads in all: the calling thread and count - 1 helpers. The
  // team ends (is destroyed) on the thread that made it, teams made on one
  // thread in the reverse order of their making.
  explicit Team(int count);
  ~Team();
  Team(const Team&) = delete;
  Team& operator=(const Team&) = delete;

  // The team the calling thread made, if it is alive and the thread is not
  // running one of its pieces; else null.
  static Team* current();
  // Whether the calling thread is running a piece of a team's loop (its own
  // loops then run inline).
  static bool inside_piece();

  int size() const { return static_cast<int>(helpers_.size()) + 1; }

  // body(k) for every k in [0, pieces), on every thread of the team; returns
  // once all have run. The first exception a piece throws is rethrown here
  // after the others have stopped; pieces not yet started are skipped.
  // Called by the thread that made the team, outside its pieces (the loops
  // of core/threads.hpp see to it); anything else throws std::logic_error.
  template <class Body>
  void run(std::int64_t pieces, Body& body) {
    run_erased(
        pieces, [](void* b, std::int64_t k) { (*static_cast<Body*>(b))(k); }, &body);
  }

 private:
  using Call = void (*)(void*, std::int64_t);
  struct Job {
    std::int64_t pieces = 0;
    Call call = nullptr;
    void* body = nullptr;
    std::atomic<std::int64_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
  };

  void run_erased(std::int64_t pieces, Call call, void* body);
  void stop_helpers();
  void helper();
  void work(Job& job);

  std::atomic<Job*> job_{nullptr};
  std::atomic<std::uint32_t> generation_{0};  // bumped for each job and at the end
  std::atomic<int> inside_{0};                // helpers that may be reading job_
  std::atomic<int> sleeping_{0};
  std::atomic<bool> stop_{false};
  std::vector<std::thread> helpers_;
  Team* previous_ = nullptr;  // the calling thread's team before this one
};

}  // namespace score::threads
