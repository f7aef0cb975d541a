#pragma once
// The names of the results format in one place: the writer creates them; the
// reader, the exporters and later tools look them up. docs/output-format.md
// describes the layout they make up.
#include <array>
#include <string>
#include <string_view>

#include "core/statistics.hpp"

namespace score::output {

// Statistics across replications (core/statistics.hpp) stored along the
// `statistic` dimension of every `*_stats` variable (only in files with more
// than one replication), in this order; the standard deviation is not stored.
inline constexpr std::array<Statistic, 4> kStoredStatistics{Statistic::mean, Statistic::p05, Statistic::p50,
                                                            Statistic::p95};
inline constexpr int kStatistics = static_cast<int>(kStoredStatistics.size());
const std::array<const char*, kStatistics>& statistic_names();  // "mean", "p05", "p50", "p95"
// A statistic's place along the `statistic` dimension; -1 if not stored.
constexpr int stored_index(Statistic s) {
  for (int i = 0; i < kStatistics; ++i)
    if (kStoredStatistics[static_cast<std::size_t>(i)] == s) return i;
  return -1;
}

namespace format {

// Root attribute that marks a score results file, and the layout version it holds.
inline constexpr const char* kVersionAttribute = "score_format_version";
inline constexpr int kVersion = 1;

// Dimensions (HDF5 dimension scales at the root).
inline constexpr const char* kTime = "time";
inline constexpr const char* kCountry = "country";
inline constexpr const char* kReplication = "replication";
inline constexpr const char* kPhase = "phase";
inline constexpr const char* kStatistic = "statistic";

// Further coordinates along those dimensions.
inline constexpr const char* kCountryName = "country_name";
inline constexpr const char* kPhaseName = "phase_name";
inline constexpr const char* kPhaseStart = "phase_start";
inline constexpr const char* kPhaseEnd = "phase_end";

// The funder ledger (only when the scenario names funders): dimensions
// `funder` and `ledger_column`, the funders' names and currencies along
// `funder`, and two variables, dims (replication, phase, funder, ledger_column).
inline constexpr const char* kFunder = "funder";
inline constexpr const char* kFunderName = "funder_name";
inline constexpr const char* kFunderCurrency = "funder_currency";
inline constexpr const char* kLedgerColumn = "ledger_column";
struct LedgerVariable {
  const char *name, *units, *long_name;
};
inline constexpr LedgerVariable kFunderLedger{"funder_ledger", "funder currency (funder_currency)",
                                              "funder's money per phase, in its own currency"};
inline constexpr LedgerVariable kFunderLedgerUsd{
    "funder_ledger_usd", "USD", "funder's money per phase, in USD at the rate of the month it moved"};

// A per-phase summary per country, dims (replication, phase, country): "phase_" + name.
std::string summary_variable(std::string_view summary);
// Its all-country total, dims (replication, phase): "phase_" + name + "_all". Not
// "_total": the summary catalogue already has a `firms_trained_total`.
std::string summary_total_variable(std::string_view summary);
// Statistics of a variable across replications: name + "_stats", with the
// replication dimension replaced by `statistic`.
std::string statistics_variable(std::string_view variable);

}  // namespace format
}  // namespace score::output
