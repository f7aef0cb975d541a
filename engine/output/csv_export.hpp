#pragma once
// A results file as CSV tables, for spreadsheets, R and pandas.
#include <filesystem>

namespace score::output {

// Writes into `dir` (created if missing):
//   phase_summary.csv  replication, phase, phase_name, country (id, or ALL for
//                      the all-country total), then one column per summary;
//   timeseries.csv     replication, date (YYYY-MM), country, metric, axis
//                      (label, empty if none), value: one row per value;
// and, with more than one replication,
//   phase_summary_stats.csv  statistic, phase, phase_name, country, summaries...;
//   timeseries_stats.csv     date, country, metric, axis, mean, p05, p50, p95.
// Numbers round-trip exactly (shortest form); NaN is an empty cell. Each file
// is written under a temporary name and renamed, so a table is whole or absent.
// Throws std::runtime_error naming the file on any failure.
void export_csv(const std::filesystem::path& results, const std::filesystem::path& dir);

}  // namespace score::output
