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

namespace score::cli {

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
