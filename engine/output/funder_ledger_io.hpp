#pragma once
// The funder ledger of a results file (docs/output-format.md): each named
// funder's budget, money carried in, spent, unspent and lapsed per phase, in
// its own currency and in USD (sim/funder_ledger.hpp). Call with an h5::Lock held.
#include <optional>
#include <vector>

#include "output/hdf5_handle.hpp"
#include "output/run_info.hpp"
#include "sim/funder_ledger.hpp"

namespace score::output::detail {

// The two ledger variables, dims (replication, phase, funder, ledger_column);
// empty Ids when the run has no funders.
struct FunderLedgerVariables {
  h5::Id own, usd;
};

// Writes the `funders` root attribute and, for a run with funders, the
// funder coordinates and the empty (NaN) ledger variables.
FunderLedgerVariables create_funder_ledger(hid_t root, hid_t replication, hid_t phase, const RunInfo& info);

// One replication's ledger; a ledger shaped unlike the run (a series that
// carries none) leaves the replication's cells NaN.
void write_funder_ledger(const FunderLedgerVariables& variables, int replication,
                         const sim::FunderLedger& ledger);

// The funders and every replication's ledger, or nullopt for a file written
// before results files recorded them. Fills info.funders.
std::optional<std::vector<sim::FunderLedger>> read_funder_ledger(hid_t root, RunInfo& info);

}  // namespace score::output::detail
