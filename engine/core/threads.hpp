#pragma once
// The one door to threads: every parallel loop, arena and group of workers
// in the engine goes through here.
//
// By default these are oneTBB's work-stealing scheduler. Built with
// SCORE_STD_THREADS (the ThreadSanitizer build: Debian's oneTBB is not
// instrumented, so TSan cannot see its synchronisation and would report its
// hand-offs as races), the same calls run on plain std::threads, fork and
// join, which TSan understands. Both give every loop the same semantics:
// body(i) may run on any thread in any order, so the callers (which keep
// results bit-identical whatever the thread count) need not know which.
#include <algorithm>
#include <cstdint>

#include "core/team.hpp"

#ifdef SCORE_STD_THREADS
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>
#else
#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#endif

namespace score::threads {

namespace detail {
// [begin, end) cut into pieces `grain` long (grain >= 1), the last one
// shorter: their number and piece k's bounds, for any integer type and
// grain without overflow (distances are taken unsigned).
template <class Int>
class Cut {
 public:
  Cut(Int begin, Int end, std::uint64_t grain)
      : begin_(begin),
        end_(end),
        n_(end > begin ? static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(begin) : 0),
        grain_(std::max<std::uint64_t>(grain, 1)) {}
  std::uint64_t size() const { return n_; }
  std::int64_t pieces() const { return n_ == 0 ? 0 : static_cast<std::int64_t>(1 + (n_ - 1) / grain_); }
  Int lo(std::int64_t k) const {
    return static_cast<Int>(static_cast<std::uint64_t>(begin_) + static_cast<std::uint64_t>(k) * grain_);
  }
  Int hi(std::int64_t k) const {
    const std::uint64_t offset = static_cast<std::uint64_t>(k) * grain_;
    return n_ - offset <= grain_ ? end_ : static_cast<Int>(static_cast<std::uint64_t>(lo(k)) + grain_);
  }

 private:
  Int begin_, end_;
  std::uint64_t n_, grain_;
};

// Where a loop runs when a team (core/team.hpp) takes it: on the team, or
// inline inside a piece of one. False: the loop is oneTBB's (or the
// std::threads fork and join). Pieces are `grain` long; grain 0 (for_each)
// cuts the range into some 32 pieces a thread, one item each for a short
// range.
template <class Int, class Body>
bool on_team(Int begin, Int end, std::uint64_t grain, Body& body) {
  if (Team::inside_piece()) {
    if (begin < end) body(begin, end);
    return true;
  }
  Team* team = Team::current();
  if (team == nullptr) return false;
  if (grain == 0) grain = Cut<Int>(begin, end, 1).size() / (32 * static_cast<std::uint64_t>(team->size()));
  const Cut<Int> cut(begin, end, grain);
  auto piece = [&](std::int64_t k) { body(cut.lo(k), cut.hi(k)); };
  team->run(cut.pieces(), piece);
  return true;
}

// The grain for_ranges was given, as on_team takes it.
template <class Int>
std::uint64_t grain_of(Int grain) {
  return grain < Int{1} ? 1 : static_cast<std::uint64_t>(grain);
}
}  // namespace detail

#ifndef SCORE_STD_THREADS

// Threads a new arena gets by default: the machine's cores.
inline int default_count() { return tbb::info::default_concurrency(); }
// Threads of the arena the caller runs in.
inline int current_count() { return tbb::this_task_arena::max_concurrency(); }

// Runs f() in an arena of `count` threads (count <= 0: default_count()); the
// parallel loops f starts use at most that many.
template <class F>
void in_arena(int count, F&& f) {
  tbb::task_arena arena(count > 0 ? count : tbb::task_arena::automatic);
  arena.execute(f);
}

// body(lo, hi) over consecutive pieces of [begin, end), each at least `grain`
// long unless it is the last, in parallel.
template <class Int, class Body>
void for_ranges(Int begin, Int end, Int grain, Body&& body) {
  if (detail::on_team(begin, end, detail::grain_of(grain), body)) return;
  tbb::parallel_for(tbb::blocked_range<Int>(begin, end, grain),
                    [&](const tbb::blocked_range<Int>& r) { body(r.begin(), r.end()); });
}

// body(i) for every i in [begin, end), in parallel.
template <class Int, class Body>
void for_each(Int begin, Int end, Body&& body) {
  auto each = [&](Int lo, Int hi) {
    for (Int i = lo; i < hi; ++i) body(i);
  };
  if (detail::on_team(begin, end, std::uint64_t{0}, each)) return;
  tbb::parallel_for(begin, end, [&](Int i) { body(i); });
}

// Runs job() on `count` workers at once and waits for all; the first
// exception a worker throws is rethrown here.
template <class Job>
void run_workers(int count, Job&& job) {
  tbb::task_group group;
  for (int w = 0; w < count; ++w) group.run([&] { job(); });
  group.wait();
}

// Runs background() beside foreground(), which runs on the calling thread,
// and returns when both have ended; an exception from either is rethrown
// here, foreground's first (background is then cancelled if it has not
// started). background may start parallel loops of its own.
template <class Background, class Foreground>
void overlap(Background&& background, Foreground&& foreground) {
  tbb::task_group group;
  group.run([&] { background(); });
  try {
    foreground();
  } catch (...) {
    group.cancel();
    try {
      group.wait();
    } catch (...) {  // foreground's exception is the one reported
    }
    throw;
  }
  group.wait();
}

#else

namespace detail {
// The arena's thread count, per thread: workers inherit their parent's.
inline thread_local int t_count = 0;

inline int default_count() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

// job() on the calling thread and `extra` new threads; joins them all.
template <class Job>
void fork_join(int extra, Job& job) {
  std::exception_ptr first;
  std::mutex guard;
  auto guarded = [&] {
    try {
      job();
    } catch (...) {
      std::lock_guard lock(guard);
      if (!first) first = std::current_exception();
    }
  };
  const int count = t_count;
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(extra));
  for (int k = 0; k < extra; ++k)
    pool.emplace_back([&, count] {
      t_count = count;
      guarded();
    });
  guarded();
  for (auto& t : pool) t.join();
  if (first) std::rethrow_exception(first);
}
}  // namespace detail

inline int default_count() { return detail::default_count(); }
inline int current_count() { return detail::t_count > 0 ? detail::t_count : detail::default_count(); }

template <class F>
void in_arena(int count, F&& f) {
  struct Restore {
    int saved;
    ~Restore() { detail::t_count = saved; }
  } restore{detail::t_count};
  detail::t_count = count > 0 ? count : detail::default_count();
  f();
}

template <class Int, class Body>
void for_ranges(Int begin, Int end, Int grain, Body&& body) {
  if (detail::on_team(begin, end, detail::grain_of(grain), body)) return;
  const detail::Cut<Int> cut(begin, end, detail::grain_of(grain));
  const std::int64_t pieces = cut.pieces();
  if (pieces == 0) return;
  std::atomic<std::int64_t> next{0};
  auto job = [&] {
    for (std::int64_t k = next++; k < pieces; k = next++) body(cut.lo(k), cut.hi(k));
  };
  detail::fork_join(static_cast<int>(std::min<std::int64_t>(current_count(), pieces)) - 1, job);
}

template <class Int, class Body>
void for_each(Int begin, Int end, Body&& body) {
  auto each = [&](Int lo, Int hi) {
    for (Int i = lo; i < hi; ++i) body(i);
  };
  if (detail::on_team(begin, end, std::uint64_t{0}, each)) return;
  for_ranges(begin, end, Int{1}, each);
}

template <class Job>
void run_workers(int count, Job&& job) {
  if (count > 0) detail::fork_join(count - 1, job);
}

template <class Background, class Foreground>
void overlap(Background&& background, Foreground&& foreground) {
  std::exception_ptr failed;
  const int count = detail::t_count;
  std::thread worker([&, count] {
    detail::t_count = count;
    try {
      background();
    } catch (...) {
      failed = std::current_exception();
    }
  });
  try {
    foreground();
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
  if (failed) std::rethrow_exception(failed);
}

#endif

// Threads a team (core/team.hpp) made here gets: the arena's, no more than
// the cores (an arena may be asked for more, and a team's helpers spin).
inline int team_count() { return std::min(current_count(), default_count()); }

}  // namespace score::threads
