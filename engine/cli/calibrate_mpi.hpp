#pragma once
// `score calibrate` across the ranks of an MPI job (mpirun, or Slurm's srun).
//
// Rank 0 runs ABC-SMC itself: it draws every proposal, journals each complete
// generation and writes the ensemble, exactly as a single process does. Only
// the simulations move: each batch of proposals is cut into chunks that worker
// ranks ask for, run on all of their cores and send back. An outcome depends
// only on its proposal (parameter values and seed), so the ensemble holds the
// bits a single-process run writes, for any number of ranks.
#include "calibrate/calibration.hpp"
#include "cli/calibrate_commands.hpp"
#include "cli/run_support.hpp"

namespace score::cli {

// The single-process command after loading: journal, ABC-SMC with
// `simulator`, ensemble file, summary. Exit code of cli/commands.hpp.
int run_calibration(const CalibrateArgs& args, const StopSignals& stop, calibrate::Calibration& c,
                    const calibrate::Simulator& simulator);

// Runs the calibration as one rank of the job; returns the exit code. In a
// build without MPI it says so and returns 2.
int calibrate_mpi(const CalibrateArgs& args);

}  // namespace score::cli
