#pragma once
// The variables of an ensemble run's results file that say which parameter
// set each replication ran (docs/output-format.md, "Ensemble runs"): written
// by the results layout, read back by the results reader. Call only with an
// h5::Lock held; failures throw h5::Error.
#include <optional>

#include "output/hdf5_handle.hpp"
#include "output/run_info.hpp"

namespace score::output::detail {

// Writes info.ensemble (which must be set and fit info.replications) along
// the `replication` dimension scale.
void write_ensemble_draws(hid_t root, hid_t replication, const RunInfo& info);

// What write_ensemble_draws wrote, or nullopt for a file of a plain run.
std::optional<EnsembleDraws> read_ensemble_draws(hid_t root, const RunInfo& info);

}  // namespace score::output::detail
