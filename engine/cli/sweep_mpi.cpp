#include "cli/sweep_mpi.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/mpi_job.hpp"

#ifndef SCORE_HAVE_MPI

namespace score::cli {

int sweep_mpi(const SweepArgs&) { return refuse_without_mpi("sweep", "sweep on this machine"); }

}  // namespace score::cli

#else

#include <mpi.h>

#include <csignal>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/run_support.hpp"
#include "cli/sweep_progress.hpp"
#include "core/threads.hpp"
#include "core/version.hpp"
#include "output/output_lock.hpp"
#include "output/output_name.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep.hpp"
#include "sweep_output/sweep_writer.hpp"

namespace score::cli {
namespace {

namespace fs = std::filesystem;

enum Tag : int { kRequest = 1, kAssign, kResultHead, kResultData, kFailure };
constexpr int kNoMorePoints = -1;

// A point's result as one buffer of doubles, in PointShape order.
std::vector<double> flatten(const sweep::PointResult& r) {
  std::vector<double> out(r.outcome);
  out.insert(out.end(), r.stats.begin(), r.stats.end());
  for (const auto& series : r.timeseries) out.insert(out.end(), series.begin(), series.end());
  return out;
}

sweep::PointResult unflatten(const sweep::PointShape& shape, int point, std::uint64_t seed,
                             const std::vector<double>& v) {
  sweep::PointResult r;
  r.point = point;
  r.seed = seed;
  auto at = v.begin();
  auto take = [&](std::size_t n) {
    std::vector<double> part(at, at + static_cast<std::ptrdiff_t>(n));
    at += static_cast<std::ptrdiff_t>(n);
    return part;
  };
  r.outcome = take(shape.outcome_size());
  r.stats = take(shape.stats_size());
  for (std::size_t m = 0; m < shape.timeseries.size(); ++m)
    r.timeseries.push_back(take(shape.timeseries_size(m)));
  return r;
}

std::size_t flat_size(const sweep::PointShape& shape) {
  std::size_t n = shape.outcome_size() + shape.stats_size();
  for (std::size_t m = 0; m < shape.timeseries.size(); ++m) n += shape.timeseries_size(m);
  return n;
}

// A failure on a worker ends the job: the finished points stay in the
// partial file and the journal, for --resume.
[[noreturn]] void fail(const std::string& message, int code) { abort_job("sweep", message, code); }

// Test-only fault injection: SCORE_TEST_KILL_RANK=R:N makes rank R kill
// itself (SIGKILL, as a failing node would) once it has sent N results and
// been given its next point, which is then never stored
// (tests/sweep/sweep_cli_test.cpp). -1 when unset or meant for another rank.
int results_before_death(int rank) {
  const char* spec = std::getenv("SCORE_TEST_KILL_RANK");
  int target = -1, results = -1;
  if (!spec || std::sscanf(spec, "%d:%d", &target, &results) != 2 || target != rank) return -1;
  return results;
}

// Runs one point on `threads` cores (0: all of them); nullopt if cancelled.
std::optional<sweep::PointResult> run_point_on(const sweep::Sweep& sw, int point, int threads,
                                               const std::atomic<bool>* cancel = nullptr) {
  sweep::PointRunHooks hooks;
  hooks.cancel = cancel;
  std::optional<sweep::PointResult> result;
  threads::in_arena(threads, [&] { result = sweep::run_point(sw, point, hooks); });
  return result;
}

int work(const sweep::Sweep& sw, int rank, int threads) {
  const int death = results_before_death(rank);
  for (int sent = 0;; ++sent) {
    int ask = 0, point = 0;
    MPI_Send(&ask, 1, MPI_INT, 0, kRequest, MPI_COMM_WORLD);
    MPI_Recv(&point, 1, MPI_INT, 0, kAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (point == kNoMorePoints) return kOk;
    if (sent == death) std::raise(SIGKILL);
    std::optional<sweep::PointResult> result;
    try {
      result = run_point_on(sw, point, threads);
    } catch (const std::exception& e) {
      const std::string text = "point " + std::to_string(point) + ": " + e.what();
      MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, kFailure, MPI_COMM_WORLD);
      return kInternal;
    }
    const std::int64_t head[2] = {point, static_cast<std::int64_t>(result->seed)};
    const std::vector<double> data = flatten(*result);
    MPI_Send(head, 2, MPI_INT64_T, 0, kResultHead, MPI_COMM_WORLD);
    MPI_Send(data.data(), static_cast<int>(data.size()), MPI_DOUBLE, 0, kResultData, MPI_COMM_WORLD);
  }
}

// Rank 0's own share of the work: a thread that takes points from the same
// list as the worker ranks and runs them on --threads cores, while the main
// thread serves messages and writes. It makes no MPI call (MPI is
// initialised MPI_THREAD_FUNNELED); its results go through the main thread,
// the only one that writes.
class LocalWorker {
 public:
  using Take = std::function<int()>;  // the next point, or kNoMorePoints
  LocalWorker(const sweep::Sweep& sw, int threads, const std::atomic<bool>& stop, Take take)
      : thread_([this, &sw, threads, &stop, take = std::move(take)] { loop(sw, threads, stop, take); }) {}
  LocalWorker(const LocalWorker&) = delete;
  LocalWorker& operator=(const LocalWorker&) = delete;
  ~LocalWorker() { thread_.join(); }  // a stop cancels the point it runs

  // Finished results not yet collected; rethrows the failure of a point.
  std::vector<sweep::PointResult> collect() {
    const std::lock_guard lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
    std::vector<sweep::PointResult> out(std::make_move_iterator(done_.begin()),
                                        std::make_move_iterator(done_.end()));
    done_.clear();
    return out;
  }
  bool finished() const { return finished_; }

 private:
  void loop(const sweep::Sweep& sw, int threads, const std::atomic<bool>& stop, const Take& take) {
    try {
      for (int point = take(); point != kNoMorePoints && !stop; point = take()) {
        std::optional<sweep::PointResult> result;
        try {
          result = run_point_on(sw, point, threads, &stop);
        } catch (const std::exception& e) {
          throw std::runtime_error("point " + std::to_string(point) + ": " + e.what());
        }
        if (!result) break;  // cancelled
        const std::lock_guard lock(mutex_);
        done_.push_back(std::move(*result));
      }
    } catch (...) {
      const std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    finished_ = true;
  }

  std::mutex mutex_;
  std::deque<sweep::PointResult> done_;
  std::exception_ptr failure_;
  std::atomic<bool> finished_{false};
  std::thread thread_;  // last: starts once the members above exist
};

struct Coordinator {
  const sweep::Sweep& sw;
  output::SweepWriter& writer;
  SweepProgress& progress;
  const std::atomic<bool>& stop;
  std::vector<int> pending;
  std::size_t next = 0;
  int workers_left = 0;
  std::mutex pending_mutex;  // `pending` and `next`: the local worker takes from them too
  std::vector<bool> asked;   // per rank: its first request came
  int waiting_for_first = 0;

  // The next point to hand out, to a worker rank or to rank 0's own thread.
  int take() {
    const std::lock_guard lock(pending_mutex);
    return !stop && next < pending.size() ? pending[next++] : kNoMorePoints;
  }

  void answer_request(int rank) {
    int ask = 0;
    MPI_Recv(&ask, 1, MPI_INT, rank, kRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (!asked[static_cast<std::size_t>(rank)]) {
      asked[static_cast<std::size_t>(rank)] = true;
      --waiting_for_first;
    }
    int point = take();
    MPI_Send(&point, 1, MPI_INT, rank, kAssign, MPI_COMM_WORLD);
    if (point == kNoMorePoints) --workers_left;
  }

  void store(sweep::PointResult&& result) {
    writer.write(result);
    progress.point();
  }

  // A failure to store (a full disk) ends the job at once, as a failure of
  // rank 0's own point does: leaving serve() by an exception would join
  // rank 0's thread, which would first run every point left, unanswered.
  void store_result(int rank) {
    std::int64_t head[2];
    MPI_Recv(head, 2, MPI_INT64_T, rank, kResultHead, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    const sweep::PointShape shape = sweep::point_shape(sw);
    std::vector<double> data(flat_size(shape));
    MPI_Recv(data.data(), static_cast<int>(data.size()), MPI_DOUBLE, rank, kResultData, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    try {
      store(unflatten(shape, static_cast<int>(head[0]), static_cast<std::uint64_t>(head[1]), data));
    } catch (const std::exception& e) {
      fail("storing point " + std::to_string(head[0]) + " of rank " + std::to_string(rank) + ": " + e.what(),
           kInternal);
    }
  }

  void report_failure(const MPI_Status& status) {
    fail("rank " + std::to_string(status.MPI_SOURCE) + " failed on " + receive_text(status), kInternal);
  }

  // Stores what rank 0's own thread finished; a failure there, of a point
  // or of storing it, ends the job.
  void collect(LocalWorker& local) {
    try {
      for (auto& result : local.collect()) store(std::move(result));
    } catch (const std::exception& e) {
      fail(std::string("rank 0: ") + e.what(), kInternal);
    }
  }

  // Serves requests and results until every worker rank has been told to
  // stop and rank 0's own thread has run out of points, or until a signal:
  // under mpirun one means the job is ending (a rank died, or the launcher
  // forwards an interrupt to every rank), and no worker will report again.
  // Rank 0's thread starts once every other rank has asked for its first
  // point (they all start alike, so it waits little), so that each rank has
  // work however fast rank 0 gets through points. Polls rather than blocks,
  // so that the thread serving leaves the cores to the points.
  void serve(const SweepArgs& args) {
    std::optional<LocalWorker> local;
    auto local_done = [&] { return local && local->finished(); };
    while ((workers_left > 0 || !local_done()) && !stop) {
      if (!local && waiting_for_first == 0) local.emplace(sw, args.threads, stop, [this] { return take(); });
      if (local) collect(*local);
      MPI_Status status;
      if (!poll_message(status)) continue;
      if (status.MPI_TAG == kRequest)
        answer_request(status.MPI_SOURCE);
      else if (status.MPI_TAG == kResultHead)
        store_result(status.MPI_SOURCE);
      else if (status.MPI_TAG == kFailure)
        report_failure(status);
    }
    if (local) collect(*local);
  }  // joins rank 0's thread: a point it was running when stopped is cancelled
};

fs::path output_path(const SweepArgs& args, const sweep::Sweep& sw) {
  return args.output.empty() ? output::default_results_path(sw.spec.name) : fs::path(args.output);
}

int coordinate(const sweep::Sweep& sw, const SweepArgs& args, int ranks) {
  // Before any output exists: a signal from here on (under mpirun: the job
  // ending) stops serving, and the stored points stay resumable.
  const StopSignals stop;
  const fs::path out = output_path(args, sw);
  const output::OutputLock lock(out);
  output::SweepWriter writer(
      out, sw, SCORE_VERSION,
      args.resume ? output::SweepWriter::Mode::resume : output::SweepWriter::Mode::start);
  if (!writer.resume_note().empty()) std::cerr << "score sweep: " << writer.resume_note() << "\n";
  std::cout << sw.spec.name << ": " << sw.points() << " points on " << ranks
            << " ranks; rank 0 also hands out points and writes\n"
            << std::flush;
  SweepProgress progress(sw.points(), writer.points_done(),
                         static_cast<std::int64_t>(sw.spec.replications) * sw.base.model.steps,
                         sw.spec.replications, !args.quiet);
  Coordinator c{sw, writer, progress, stop.flag(), {}, 0, ranks - 1, {}, std::vector<bool>(ranks), ranks - 1};
  for (int p = 0; p < sw.points(); ++p)
    if (!writer.done()[static_cast<std::size_t>(p)]) c.pending.push_back(p);
  c.serve(args);
  progress.finish();
  if (writer.points_done() < sw.points()) {
    std::cerr << "score sweep: interrupted (a rank died or the job was stopped) with " << writer.points_done()
              << " of " << sw.points() << " points stored; finish with: score sweep " << args.file << " -o "
              << out.string() << " --resume\n"
              << std::flush;
    return kInterrupted;
  }
  writer.finish();
  std::cout << "results: " << out.string() << "\n";
  if (!sw.spec.policies.empty()) print_decision_table(out.string(), sw.spec);
  return kOk;
}

// One rank's part of the sweep.
int sweep_rank(const SweepArgs& args, int rank, int ranks) {
  // Every rank reads and checks the same files, so a bad sweep stops all
  // of them before any message is exchanged.
  const sweep::Sweep sw = sweep::load_sweep(args.file);
  sweep::check_points(sw, args.threads);
  if (ranks < 2) throw std::runtime_error("the MPI job has a single rank; run score sweep without mpirun");
  const int code = rank == 0 ? coordinate(sw, args, ranks) : work(sw, rank, args.threads);
  // Interrupted: the results are closed and the journal synced; workers
  // still waiting for a point would keep MPI_Finalize from returning.
  if (rank == 0 && code == kInterrupted) MPI_Abort(MPI_COMM_WORLD, kInterrupted);
  return code;
}

}  // namespace

int sweep_mpi(const SweepArgs& args) {
  return run_as_mpi_job({"sweep",
                         [&](int rank, int ranks) {
                           try {
                             return sweep_rank(args, rank, ranks);
                           } catch (const output::SweepRefused& e) {
                             fail(e.what(), kBadInput);
                           }
                         },
                         {}});
}

}  // namespace score::cli

#endif
