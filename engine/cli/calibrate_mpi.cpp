#include "cli/calibrate_mpi.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "cli/mpi_job.hpp"

#ifndef SCORE_HAVE_MPI

namespace score::cli {

int calibrate_mpi(const CalibrateArgs&) {
  return refuse_without_mpi("calibrate", "calibrate on this machine");
}

}  // namespace score::cli

#else

#include <mpi.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <vector>

namespace score::cli {
namespace {

enum Tag : int { kRequest = 11, kAssign, kProposals, kResults, kFailure };
constexpr int kNoMoreWork = -1;

[[noreturn]] void fail(const std::string& message, int code) { abort_job("calibrate", message, code); }

// A chunk travels as its proposals' values then their seeds (as doubles'
// bits would lose nothing, but seeds go as 64-bit integers in their own
// message), and comes back as each outcome's distance then its values.
int worker(calibrate::Calibration& c, int threads, const StopSignals& stop) {
  const std::size_t params = c.spec.parameters.size();
  const calibrate::Simulator simulate = calibrate::simulator(c, threads, &stop.flag());
  for (;;) {
    int ask = 0, count = 0;
    MPI_Send(&ask, 1, MPI_INT, 0, kRequest, MPI_COMM_WORLD);
    MPI_Recv(&count, 1, MPI_INT, 0, kAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (count == kNoMoreWork) return kOk;
    const auto n = static_cast<std::size_t>(count);
    std::vector<double> theta(n * params);
    std::vector<std::uint64_t> seeds(n);
    MPI_Recv(theta.data(), static_cast<int>(theta.size()), MPI_DOUBLE, 0, kProposals, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    MPI_Recv(seeds.data(), count, MPI_UINT64_T, 0, kProposals, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::vector<calibrate::Proposal> batch(n);
    for (std::size_t i = 0; i < n; ++i)
      batch[i] = {{theta.begin() + static_cast<std::ptrdiff_t>(i * params),
                   theta.begin() + static_cast<std::ptrdiff_t>((i + 1) * params)},
                  seeds[i]};
    std::vector<double> flat;
    try {
      for (const calibrate::Outcome& o : simulate(batch)) {
        flat.push_back(o.distance);
        flat.insert(flat.end(), o.values.begin(), o.values.end());
      }
    } catch (const std::exception& e) {
      const std::string text = e.what();
      MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, kFailure, MPI_COMM_WORLD);
      return kInternal;
    }
    MPI_Send(flat.data(), static_cast<int>(flat.size()), MPI_DOUBLE, 0, kResults, MPI_COMM_WORLD);
  }
}

// Rank 0's side: hands out chunks of each batch on request and gathers the
// outcomes in proposal order. Workers that ask between batches wait until
// the next batch (or the end) answers them.
class Coordinator {
 public:
  Coordinator(std::size_t params, int workers, const std::atomic<bool>& stop)
      : params_(params), workers_(workers), stop_(stop) {}

  std::vector<calibrate::Outcome> run(std::span<const calibrate::Proposal> batch) {
    const std::size_t chunk =
        std::max<std::size_t>(1, batch.size() / (4 * static_cast<std::size_t>(workers_)));
    std::vector<calibrate::Outcome> out(batch.size(),
                                        calibrate::Outcome{std::numeric_limits<double>::quiet_NaN(), {}});
    std::size_t next = 0, outstanding = 0;
    std::vector<std::pair<std::size_t, std::size_t> > given(static_cast<std::size_t>(workers_) + 1);
    auto assign = [&](int rank) {
      const std::size_t n = std::min(chunk, batch.size() - next);
      send_chunk(rank, batch.subspan(next, n));
      given[static_cast<std::size_t>(rank)] = {next, n};
      next += n;
      ++outstanding;
    };
    while (!stop_ && (next < batch.size() || outstanding > 0)) {
      while (!idle_.empty() && next < batch.size()) {
        assign(idle_.back());
        idle_.pop_back();
      }
      MPI_Status status;
      if (!poll_message(status)) continue;
      if (status.MPI_TAG == kRequest) {
        receive_request(status.MPI_SOURCE);
      } else if (status.MPI_TAG == kResults) {
        const auto [first, n] = given[static_cast<std::size_t>(status.MPI_SOURCE)];
        receive_results(status, out, first, n);
        --outstanding;
      } else if (status.MPI_TAG == kFailure) {
        report_failure(status);
      }
    }
    return out;
  }

  // After the last batch: tells every worker to stop.
  void release() {
    int told = 0;
    for (const int rank : idle_) tell_stop(rank), ++told;
    idle_.clear();
    while (told < workers_) {
      MPI_Status status;
      if (!poll_message(status)) continue;
      if (status.MPI_TAG == kFailure) report_failure(status);
      receive_request(status.MPI_SOURCE);
      tell_stop(idle_.back());
      idle_.pop_back();
      ++told;
    }
  }

 private:
  std::size_t params_;
  int workers_;
  const std::atomic<bool>& stop_;
  std::vector<int> idle_;  // ranks whose request waits for an answer

  void receive_request(int rank) {
    int ask = 0;
    MPI_Recv(&ask, 1, MPI_INT, rank, kRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    idle_.push_back(rank);
  }
  void tell_stop(int rank) {
    int none = kNoMoreWork;
    MPI_Send(&none, 1, MPI_INT, rank, kAssign, MPI_COMM_WORLD);
  }
  void send_chunk(int rank, std::span<const calibrate::Proposal> part) {
    int count = static_cast<int>(part.size());
    std::vector<double> theta;
    std::vector<std::uint64_t> seeds;
    for (const calibrate::Proposal& p : part) {
      theta.insert(theta.end(), p.theta.begin(), p.theta.end());
      seeds.push_back(p.seed);
    }
    MPI_Send(&count, 1, MPI_INT, rank, kAssign, MPI_COMM_WORLD);
    MPI_Send(theta.data(), static_cast<int>(theta.size()), MPI_DOUBLE, rank, kProposals, MPI_COMM_WORLD);
    MPI_Send(seeds.data(), count, MPI_UINT64_T, rank, kProposals, MPI_COMM_WORLD);
  }
  void receive_results(const MPI_Status& status, std::vector<calibrate::Outcome>& out, std::size_t first,
                       std::size_t n) {
    int length = 0;
    MPI_Get_count(&status, MPI_DOUBLE, &length);
    std::vector<double> flat(static_cast<std::size_t>(length));
    MPI_Recv(flat.data(), length, MPI_DOUBLE, status.MPI_SOURCE, kResults, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    const std::size_t each = flat.size() / std::max<std::size_t>(1, n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto at = flat.begin() + static_cast<std::ptrdiff_t>(i * each);
      out[first + i].distance = *at;
      out[first + i].values.assign(at + 1, at + static_cast<std::ptrdiff_t>(each));
    }
  }
  void report_failure(const MPI_Status& status) {
    fail("rank " + std::to_string(status.MPI_SOURCE) + " failed: " + receive_text(status), kInternal);
  }
};

int coordinate(const CalibrateArgs& args, const StopSignals& stop, calibrate::Calibration& c, int ranks) {
  if (!args.quiet)
    std::cerr << c.spec.name << ": " << ranks - 1
              << " worker rank(s) run the simulations; rank 0 proposes, journals and writes\n";
  Coordinator coordinator(c.spec.parameters.size(), ranks - 1, stop.flag());
  const int code = run_calibration(
      args, stop, c, [&](std::span<const calibrate::Proposal> batch) { return coordinator.run(batch); });
  // Interrupted: the journal holds every complete generation; workers may
  // be busy with a chunk and would keep MPI_Finalize from returning.
  if (stop.stopped()) MPI_Abort(MPI_COMM_WORLD, code);
  coordinator.release();
  return code;
}

}  // namespace

int calibrate_mpi(const CalibrateArgs& args) {
  bool loaded = false;
  MpiJob job{
      "calibrate",
      [&](int rank, int ranks) {
        const StopSignals stop;
        if (rank == 0) announce("signals");
        // Every rank reads and checks the same files, so a bad calibration
        // stops all of them before any message is exchanged.
        calibrate::Calibration c = calibrate::load_calibration(args.file);
        loaded = true;
        if (ranks < 2)
          throw std::runtime_error("the MPI job has a single rank; run score calibrate without mpirun");
        return rank == 0 ? coordinate(args, stop, c, ranks) : worker(c, args.threads, stop);
      },
      {}};
  // After loading, the workers wait for rank 0: end the job.
  job.after_bad_input = [&] {
    if (loaded) fail("the calibration stopped on bad input", kBadInput);
  };
  return run_as_mpi_job(job);
}

}  // namespace score::cli

#endif
