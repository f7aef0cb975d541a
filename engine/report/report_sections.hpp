#pragma once
// The sections of an HTML report (report/html_report.hpp), each appended to
// `os`. Every text from a results file goes through output::html_escape.
#include <ostream>
#include <span>

#include "report/html_report.hpp"

namespace score::report {

// Each run: colour, scenario name, file, description, question, replications, seed, months.
void scenarios_section(std::ostream& os, std::span<const ReportRun> runs);
// The levers whose values differ between the runs' scenarios, and the phases' months.
void levers_section(std::ostream& os, std::span<const ReportRun> runs);
// The comparison tables: per phase and for the programme, with intervals.
void comparison_section(std::ostream& os, std::span<const ReportRun> runs, double confidence);
// The main charts, all runs on each, with bands.
void charts_section(std::ostream& os, std::span<const ReportRun> runs);

}  // namespace score::report
