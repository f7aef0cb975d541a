#pragma once
// The names of the results format in one place: the writer creates them; the
// reader, the exporters and later tools look them up. docs/output-format.md
// describes the layout they make up.
#include <array>
#include <string>
#include <string_view>

namespace score::output {

// Statistics across replications, stored along the `statistic` dimension of
// every `*_stats` variable (only in files with more than one replication).
enum class Statistic : int { mean, p05, p50, p95 };
inline constexpr int kStatistics = 4;
const std::array<const char*, kStatistics>& statistic_names();  // "mean", "p05", "p50", "p95"
// The quantile in [0, 1] a percentile statistic stands for; NaN for the mean.
double statistic_quantile(Statistic statistic);

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
