#pragma once
// The names of the sweep results format in one place: the sweep writer
// creates them, the sweep reader and `score sensitivity` look them up.
// docs/experiments.md describes the layout they make up.
#include <string>
#include <string_view>

namespace score::output::sweep_format {

// Root attribute that marks a sweep results file (not a run's: `score info`
// and `score export` read runs), and the layout version it holds.
inline constexpr const char* kVersionAttribute = "score_sweep_format_version";
inline constexpr int kVersion = 1;

// Dimensions (HDF5 dimension scales at the root).
inline constexpr const char* kPoint = "point";
inline constexpr const char* kParameter = "parameter";
inline constexpr const char* kReplication = "replication";
inline constexpr const char* kPhase = "phase";
inline constexpr const char* kSummary = "summary";
inline constexpr const char* kStatistic = "statistic";
inline constexpr const char* kTime = "time";
inline constexpr const char* kCountry = "country";
inline constexpr const char* kTrajectory = "trajectory";  // morris only
inline constexpr const char* kStep = "step";              // morris only
inline constexpr const char* kPolicy = "policy";          // policy sweeps only

// Coordinates along them.
inline constexpr const char* kParameterLo = "parameter_lo";
inline constexpr const char* kParameterHi = "parameter_hi";
inline constexpr const char* kSummaryUnits = "summary_units";
inline constexpr const char* kSummaryLongName = "summary_long_name";
inline constexpr const char* kPhaseName = "phase_name";
inline constexpr const char* kCountryName = "country_name";
inline constexpr const char* kPolicySettings =
    "policy_settings";  // (policy): scenario file and KEY=VALUE settings

// Variables.
inline constexpr const char* kDesign = "design";               // (point, parameter)
inline constexpr const char* kPointSeed = "point_seed";        // (point)
inline constexpr const char* kOutcome = "outcome";             // (point, replication, phase, summary)
inline constexpr const char* kOutcomeStats = "outcome_stats";  // (point, phase, summary, statistic)
inline constexpr const char* kDone = "done";                   // (point): 1 once stored
inline constexpr const char* kMorrisFactor = "morris_factor";  // (trajectory, step)
inline constexpr const char* kMorrisDelta = "morris_delta";    // (trajectory, step)
inline constexpr const char* kPointPolicy =
    "point_policy";  // (point): index along policy; policy sweeps only
// Time series: the metric's own name, (point, replication, time, country[, axis]).

// Sensitivity indices, (phase, summary, parameter): "sensitivity_" + index.
std::string sensitivity_variable(std::string_view index);

}  // namespace score::output::sweep_format
