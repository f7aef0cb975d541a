#pragma once
// score run --ensemble: a projection that carries a calibration's parameter
// uncertainty (docs/user-guide.md, docs/output-format.md "Ensemble runs").
#include "cli/commands.hpp"
#include "cli/run_support.hpp"

namespace score::cli {

// Runs args.scenario once per draw from the posterior of the ensemble file
// args.ensemble (args.replications times each, 1 by default) and writes one
// results file whose replications are all the runs, draw-major. Bad input
// (an ensemble file that is not one, a key the scenario lacks, --draws < 1)
// is reported before any output exists.
int run_ensemble(const RunArgs& args, const StopSignals& stop);

}  // namespace score::cli
