#include "core/team.hpp"

#include <chrono>
#include <stdexcept>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace score::threads {
namespace {

thread_local Team* t_team = nullptr;   // the team this thread made
thread_local bool t_in_piece = false;  // running a piece of some team's loop

// How long a helper spins for the next loop before it sleeps: longer than
// the serial work between two loops of a month (a few hundred microseconds
// in a run of 1 M firms), short enough that a finished run leaves no thread
// busy for long.
constexpr auto kSpin = std::chrono::microseconds(1000);
// A helper looks for the next loop after every pause, at the clock after
// every kPausesPerLook of them, and yields every kPausesPerYield, so that a
// thread waiting for this core gets it. The owner, waiting for the helpers
// to finish their last pieces, yields as often.
constexpr int kPausesPerLook = 64;
constexpr int kPausesPerYield = 512;

void pause() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#else
  std::this_thread::yield();
#endif
}

// Marks the calling thread as inside a piece for as long as it lives.
struct InPiece {
  bool saved = t_in_piece;
  InPiece() { t_in_piece = true; }
  ~InPiece() { t_in_piece = saved; }
};

}  // namespace

Team::Team(int count) : previous_(t_team) {
  try {
    for (int k = 1; k < count; ++k) helpers_.emplace_back([this] { helper(); });
  } catch (...) {  // no thread to be had: the ones started end before the error goes on
    stop_helpers();
    throw;
  }
  t_team = this;
}

Team::~Team() {
  t_team = previous_;
  stop_helpers();
}

void Team::stop_helpers() {
  stop_.store(true);
  generation_.fetch_add(1);
  generation_.notify_all();
  for (std::thread& h : helpers_) h.join();
}

Team* Team::current() { return t_in_piece ? nullptr : t_team; }

bool Team::inside_piece() { return t_in_piece; }

void Team::work(Job& job) {
  const InPiece marker;
  for (std::int64_t k = job.next.fetch_add(1); k < job.pieces; k = job.next.fetch_add(1)) {
    try {
      job.call(job.body, k);
    } catch (...) {
      std::lock_guard lock(job.error_mutex);
      if (!job.error) job.error = std::current_exception();
      job.next.store(job.pieces);  // skip the pieces not yet started
    }
  }
}

void Team::run_erased(std::int64_t pieces, Call call, void* body) {
  if (t_in_piece || t_team != this)
    throw std::logic_error("a team's loop started inside one of its pieces or by another thread");
  if (pieces <= 0) return;
  Job job;
  job.pieces = pieces;
  job.call = call;
  job.body = body;
  // Publish, then wake: a helper counts itself asleep before it checks the
  // generation for the last time, so one of the two sides sees the other.
  job_.store(&job);
  generation_.fetch_add(1);
  if (sleeping_.load() > 0) generation_.notify_all();
  work(job);
  // No helper enters the job once it is withdrawn; the ones inside finish
  // the piece they hold (if any) and leave.
  job_.store(nullptr);
  for (int p = 0; inside_.load() != 0;) {
    pause();
    if (++p == kPausesPerYield) {
      std::this_thread::yield();
      p = 0;
    }
  }
  if (job.error) std::rethrow_exception(job.error);
}

void Team::helper() {
  std::uint32_t seen = 0;
  for (;;) {
    auto since = std::chrono::steady_clock::now();
    std::uint32_t now;
    for (int p = 1; (now = generation_.load()) == seen; ++p) {
      pause();
      if (p % kPausesPerYield == 0) std::this_thread::yield();
      if (p % kPausesPerLook != 0 || std::chrono::steady_clock::now() - since < kSpin) continue;
      sleeping_.fetch_add(1);
      generation_.wait(seen);
      sleeping_.fetch_sub(1);
      since = std::chrono::steady_clock::now();
      p = 0;
    }
    seen = now;
    if (stop_.load()) return;
    inside_.fetch_add(1);
    if (Job* job = job_.load()) work(*job);
    inside_.fetch_sub(1);
  }
}

}  // namespace score::threads
