#pragma once
// Small, deterministic runs for the output tests: no scenario, no simulation,
// values that differ by replication, time, country and axis, and NaN where a
// ratio would have an empty denominator.
#include <filesystem>
#include <string>

#include "output/results_writer.hpp"
#include "output/run_info.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::output::testing {

// Two countries, two phases (steps 0..5 and 6..steps-1), starting 2013-09.
RunInfo small_run(int replications, int steps = 14);

// Replication-dependent values. cost_recovery is NaN in every replication at
// step 0 (an all-NaN cell) and in some replications elsewhere.
sim::Series synthetic_series(const RunInfo& info, int replication);
// The engine's own per-phase summary of a series.
sim::PhaseSummary synthetic_summary(const RunInfo& info, const sim::Series& series);

// Writes every replication in order and finishes.
void write_run(const std::filesystem::path& path, const RunInfo& info, WriteOptions options = {});

// A ledger whose every cell differs: value = 1000 * replication + 100 *
// funder + 10 * phase + column in the funder's currency, `scale` times that in USD.
sim::FunderLedger numbered_ledger(int replication, int funders, int phases, double scale);
// small_run(2) with two funders: SECO in CHF, then the ILO in USD.
RunInfo with_funders();
// Writes `info`'s replications, each with numbered_ledger(r, 2, 2, 1.1) when
// `ledger`, else with a series that carries no ledger.
void write_with_ledger(const std::filesystem::path& path, const RunInfo& info, bool ledger);

// A fresh, empty directory for one test.
std::filesystem::path scratch_dir(const std::string& name);

}  // namespace score::output::testing
