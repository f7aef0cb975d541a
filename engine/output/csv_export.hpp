#pragma once
// A results file as CSV tables, for spreadsheets, R and pandas.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace score::output {

// One text cell, as every CSV writer of the project writes it. Quoted (RFC
// 4180, quotes doubled) when it holds a comma, quote or line break. A cell
// beginning with = + - @ tab or carriage return is one a spreadsheet would
// evaluate as a formula (a phase named =HYPERLINK(...) in a scenario from
// someone else): it gets a leading ' and quotes, the OWASP advice against
// CSV injection, so a spreadsheet shows it as the text it is.
std::string csv_text(std::string_view text);

// A number the project wrote: its shortest text that reads back as the same
// double, empty for NaN. Never neutralised: -1.5 stays -1.5.
std::string csv_number(double value);

// Writes into `dir` (created if missing):
//   phase_summary.csv  replication, phase, phase_name, country (id, or ALL for
//                      the all-country total), then one column per summary;
//   timeseries.csv     replication, date (YYYY-MM), country, metric, axis
//                      (label, empty if none), value: one row per value;
// and, with more than one replication,
//   phase_summary_stats.csv  statistic, phase, phase_name, country, summaries...;
//   timeseries_stats.csv     date, country, metric, axis, mean, p05, p50, p95;
// and, when the scenario names funders and the file records their ledger,
//   funder_ledger.csv  replication, phase, phase_name, funder, funder_name,
//                      currency, the ledger columns in the funder's currency
//                      (budget, carried_in, spent, unspent, lapsed), then the
//                      same with _usd: one row per replication, phase, funder.
// Numbers round-trip exactly (shortest form); NaN is an empty cell; text
// cells (names from the scenario) are written by csv_text. Each file
// is written under a temporary name and renamed, so a table is whole or absent.
// Returns the names of the files this call wrote, in the order above: a
// reused directory may hold older tables this export did not replace.
// Throws std::runtime_error naming the file on any failure.
std::vector<std::string> export_csv(const std::filesystem::path& results, const std::filesystem::path& dir);

}  // namespace score::output
