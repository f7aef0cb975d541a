#pragma once
// A sweep results file as one tidy CSV table, for spreadsheets, R and pandas.
#include <filesystem>

namespace score::output {

// Writes `dir`/sweep.csv (dir created if missing): one row per point and
// replication, with columns point, replication, policy (the option's name;
// policy sweeps only), one per parameter (named by
// its scenario key, the point's value) and one per outcome,
// <summary>_<phase> (the all-country phase summary of that replication;
// phase by phase, each in catalogue order). Cells go through csv_text and csv_number
// (csv_export.hpp), like every CSV table of the project; NaN is an empty
// cell. Written under a temporary name and renamed: the table is whole or
// absent. Reads one point at a time. Throws std::runtime_error naming the
// file on any failure.
void export_sweep_csv(const std::filesystem::path& sweep_results, const std::filesystem::path& dir);

}  // namespace score::output
