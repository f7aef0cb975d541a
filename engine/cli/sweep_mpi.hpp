#pragma once
// `score sweep` across the ranks of an MPI job (mpirun, or Slurm's srun).
//
// Rank 0 hands out points on request and writes every finished point to the
// results file (the same writer, with the same journal and --resume, as a
// single-process sweep); every other rank loads the sweep, asks for a point,
// runs its replications on all of the rank's cores, sends the result back
// and asks again. A point's numbers depend only on the sweep file and its
// index, so the file holds exactly what a single-process run writes.
#include "cli/mpi_job.hpp"
#include "cli/sweep_commands.hpp"

namespace score::cli {

// Runs the sweep as one rank of the job; returns the exit code. In a build
// without MPI it says so and returns 2.
int sweep_mpi(const SweepArgs& args);

}  // namespace score::cli
