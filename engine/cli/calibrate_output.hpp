#pragma once
// What `score calibrate` makes of a finished ABC-SMC run: the ensemble file's
// contents, the printed posterior and target table, the scenario set to the
// posterior's central values, and the report script.
#include <atomic>
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

// Sets each free parameter of the scenario file to the central set
// (calibrate/central.hpp: the candidate nearest the targets over the
// scenario's own replications, among those meeting the central phase), with its prior range and the
// calibration as source; prints each candidate's distance. False when cancelled.
bool write_scenario(calibrate::Calibration& c, const calibrate::Generation& posterior, int threads,
                    const std::atomic<bool>* cancel);

// The posterior generation of an ensemble file, for --write-scenario
// --from-ensemble; its parameters must be the calibration's. Throws
// std::runtime_error naming the file otherwise.
calibrate::Generation posterior_of(const calibrate::Calibration& c, const std::filesystem::path& ensemble);

// scripts/calibration_report.py ENSEMBLE --doc DOC; its exit code.
int run_report(const std::filesystem::path& ensemble, const std::filesystem::path& doc);

}  // namespace score::cli
