#include "interruptible.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace score::python {

namespace {

// The worker thread and what it leaves behind.
class Worker {
 public:
  Worker(const EngineJob& job, EngineProgress& progress)
      : thread_([this, &job, &progress] {
          try {
            job(cancel_, progress);
          } catch (...) {
            error_ = std::current_exception();
          }
          std::lock_guard lock(mutex_);
          finished_ = true;
          done_.notify_all();
        }) {}
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  // Never leaves a running engine behind, whatever unwinds through here.
  ~Worker() { stop(); }

  // Waits up to `timeout` for the job to end, without the GIL; true if it has.
  bool wait_for(std::chrono::milliseconds timeout) {
    py::gil_scoped_release release;
    std::unique_lock lock(mutex_);
    return done_.wait_for(lock, timeout, [this] { return finished_; });
  }

  // Cancels the job and joins its thread.
  void stop() {
    if (!thread_.joinable()) return;
    cancel_ = true;
    py::gil_scoped_release release;
    thread_.join();
  }

  // Joins a finished job and rethrows its exception, if any.
  void finish() {
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::atomic<bool> cancel_{false};
  std::mutex mutex_;
  std::condition_variable done_;
  bool finished_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace

void run_interruptible(const EngineJob& job, const py::object& progress) {
  EngineProgress counts;
  Worker worker(job, counts);
  constexpr std::chrono::milliseconds kPoll{100};
  while (true) {
    const bool finished = worker.wait_for(kPoll);
    // Python's handlers run here, on the thread that holds the GIL; the
    // default SIGINT handler raises KeyboardInterrupt. ~Worker cancels the
    // engine as the exception leaves.
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!progress.is_none()) progress(counts.done.load(), counts.total.load());
    if (finished) break;
  }
  worker.finish();
}

}  // namespace score::python
