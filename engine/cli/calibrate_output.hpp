#pragma once
// What `score calibrate` makes of a finished ABC-SMC run: the ensemble file's
// contents, the printed posterior and target table, the scenario set to the
// posterior's central values, and the report script.
#include <filesystem>
#include <string>

#include "calibrate/calibration.hpp"
#include "output/ensemble_writer.hpp"

namespace score::cli {

output::Ensemble ensemble_of(const calibrate::Calibration& c, const calibrate::AbcSmc::Result& result,
                             const std::string& engine_version);

// Runs used, generations, why it stopped; each parameter's weighted median
// and 90% interval; each target's reported figure against the posterior
// predictive median and 90% band.
void print_summary(const calibrate::Calibration& c, const calibrate::AbcSmc::Result& result,
                   const std::filesystem::path& out, double seconds);

// Sets each free parameter of the scenario file to the posterior's weighted
// median, with its prior range and the calibration as source.
void write_scenario(const calibrate::Calibration& c, const calibrate::AbcSmc::Result& result);

// scripts/calibration_report.py ENSEMBLE --doc DOC; its exit code.
int run_report(const std::filesystem::path& ensemble, const std::filesystem::path& doc);

}  // namespace score::cli
