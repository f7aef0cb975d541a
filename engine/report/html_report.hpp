#pragma once
// `score report`: runs' results as one self-contained HTML file (no script,
// no network: styles inline, charts as inline SVG) that reads on screen and
// prints to PDF. It holds the scenarios' descriptions and questions, the
// levers that differ between runs, the phase table, the comparison with
// intervals (session/compare.hpp) and the main charts with 5-95 % bands.
// Every text taken from a file is HTML-escaped (output/html_escape.hpp).
#include <filesystem>
#include <span>
#include <string>

#include "output/run_info.hpp"
#include "session/snapshot.hpp"

namespace score::report {

struct ReportRun {
  std::string file;          // as the user named it
  output::RunInfo info;      // scenario text, seed, calendar
  session::SnapshotPtr run;  // summaries and chart bands
};

// Reads a results file; throws std::runtime_error naming it on any problem.
ReportRun load_report_run(const std::filesystem::path& path);

struct ReportOptions {
  double confidence = 0.95;  // of the difference intervals
  std::string made;          // when the report was made, shown in its header ("2026-12-05 18:42 UTC")
};

std::string html_report(std::span<const ReportRun> runs, const ReportOptions& options);

// Now, as a report's header says when it was made ("2026-12-05 18:42 UTC").
std::string now_utc();

// Writes `text` to `target` under a temporary name, synced, then renamed:
// the file is whole or absent. Throws std::runtime_error naming the file.
void write_atomically(const std::filesystem::path& target, const std::string& text);

}  // namespace score::report
