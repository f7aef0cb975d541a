#pragma once
// What the MPI drivers of `score sweep` and `score calibrate` share: how many
// ranks the launcher started, the refusal of a build without MPI, and, with
// MPI, ending the job on a failure, polling for the next message and reading
// a worker's failure report.
#include <string>

namespace score::cli {

// Ranks in the job this process was started in by an MPI launcher (from the
// launcher's environment: Open MPI, PMI or Slurm), or 1.
int launcher_ranks();

// Says that `score COMMAND` was started by an MPI launcher in a build without
// MPI, and what to do instead ("run it without mpirun to INSTEAD"); returns
// the bad-input exit code.
int refuse_without_mpi(const std::string& command, const std::string& instead);

}  // namespace score::cli

#ifdef SCORE_HAVE_MPI
#include <mpi.h>

#include <functional>

namespace score::cli {

// One MPI driver: the command it runs and what it does on each rank.
struct MpiJob {
  std::string command;  // "sweep", "calibrate": names the command in messages
  // This rank's work (rank 0 coordinates); returns the rank's exit code.
  std::function<int(int rank, int ranks)> run;
  // Called on every rank after bad input's diagnostics were printed, before
  // the rank returns kBadInput: may end the job when the other ranks would
  // wait for this one (abort_job). Empty: nothing more to do.
  std::function<void()> after_bad_input;
};

// The shell every MPI driver runs in: starts MPI, runs `job.run` on this
// rank, ends MPI and returns the exit code. What `run` throws becomes the
// code: bad input (a ScenarioError) prints its diagnostics on rank 0 and
// gives kBadInput; busy output ends the job with its message and
// kBadInput; anything else ends the job with "error: ..." and kInternal.
int run_as_mpi_job(const MpiJob& job);

// Prints "score COMMAND: MESSAGE" and ends every rank of the job with `code`.
[[noreturn]] void abort_job(const std::string& command, const std::string& message, int code);

// Whether a message waits (its envelope in `status`). Polls rather than
// blocks, sleeping a little when nothing came, so a coordinating rank leaves
// its core to the workers and still sees a stop signal.
bool poll_message(MPI_Status& status);

// Receives the text message `status` announced (a worker's failure report).
std::string receive_text(const MPI_Status& status);

}  // namespace score::cli
#endif
