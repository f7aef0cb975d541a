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

#include "cli/run_support.hpp"
#include "cli/sweep_progress.hpp"
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
// itself (SIGKILL, as a failing node would) once it has sent N results
// (tests/sweep/sweep_cli_test.cpp). -1 when unset or meant for another rank.
int results_before_death(int rank) {
  const char* spec = std::getenv("SCORE_TEST_KILL_RANK");
  int target = -1, results = -1;
  if (!spec || std::sscanf(spec, "%d:%d", &target, &results) != 2 || target != rank) return -1;
  return results;
}

int work(const sweep::Sweep& sw, int rank) {
  const int death = results_before_death(rank);
  for (int sent = 0;; ++sent) {
    if (sent == death) std::raise(SIGKILL);
    int ask = 0, point = 0;
    MPI_Send(&ask, 1, MPI_INT, 0, kRequest, MPI_COMM_WORLD);
    MPI_Recv(&point, 1, MPI_INT, 0, kAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (point == kNoMorePoints) return kOk;
    std::optional<sweep::PointResult> result;
    try {
      result = sweep::run_point(sw, point);
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

struct Coordinator {
  const sweep::Sweep& sw;
  output::SweepWriter& writer;
  SweepProgress& progress;
  const std::atomic<bool>& stop;
  std::vector<int> pending;
  std::size_t next = 0;
  int workers_left = 0;

  void answer_request(int rank) {
    int ask = 0;
    MPI_Recv(&ask, 1, MPI_INT, rank, kRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    int point = kNoMorePoints;
    if (!stop && next < pending.size()) point = pending[next++];
    MPI_Send(&point, 1, MPI_INT, rank, kAssign, MPI_COMM_WORLD);
    if (point == kNoMorePoints) --workers_left;
  }

  void store_result(int rank) {
    std::int64_t head[2];
    MPI_Recv(head, 2, MPI_INT64_T, rank, kResultHead, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    const sweep::PointShape shape = sweep::point_shape(sw);
    std::vector<double> data(flat_size(shape));
    MPI_Recv(data.data(), static_cast<int>(data.size()), MPI_DOUBLE, rank, kResultData, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    writer.write(unflatten(shape, static_cast<int>(head[0]), static_cast<std::uint64_t>(head[1]), data));
    progress.point();
  }

  void report_failure(const MPI_Status& status) {
    fail("rank " + std::to_string(status.MPI_SOURCE) + " failed on " + receive_text(status), kInternal);
  }

  // Serves requests and results until every worker has been told to stop,
  // or until a signal: under mpirun one means the job is ending (a rank died,
  // or the launcher forwards an interrupt to every rank), and no worker will
  // report again. Polls rather than blocks, so the coordinating rank leaves
  // its core free.
  void serve() {
    while (workers_left > 0 && !stop) {
      MPI_Status status;
      if (!poll_message(status)) continue;
      if (status.MPI_TAG == kRequest)
        answer_request(status.MPI_SOURCE);
      else if (status.MPI_TAG == kResultHead)
        store_result(status.MPI_SOURCE);
      else if (status.MPI_TAG == kFailure)
        report_failure(status);
    }
  }
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
  std::cout << sw.spec.name << ": " << sw.points() << " points on " << ranks - 1
            << " worker rank(s); rank 0 hands out points and writes\n"
            << std::flush;
  SweepProgress progress(sw.points(), writer.points_done(),
                         static_cast<std::int64_t>(sw.spec.replications) * sw.base.model.steps,
                         sw.spec.replications, !args.quiet);
  Coordinator c{sw, writer, progress, stop.flag(), {}, 0, ranks - 1};
  for (int p = 0; p < sw.points(); ++p)
    if (!writer.done()[static_cast<std::size_t>(p)]) c.pending.push_back(p);
  c.serve();
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
  const int code = rank == 0 ? coordinate(sw, args, ranks) : work(sw, rank);
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
