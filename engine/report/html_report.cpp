#include "report/html_report.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "output/html_escape.hpp"
#include "output/results_reader.hpp"
#include "output/temporary_path.hpp"
#include "report/report_sections.hpp"
#include "session/results.hpp"

namespace score::report {
namespace {

// Screen and print styles in one place: A4 pages, charts and table rows
// kept whole across page breaks, colours kept when printing.
constexpr const char* kStyle = R"(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 2em auto; max-width: 1100px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 12.5px; }
th, td { border: 1px solid #ccc; padding: 3px 7px; vertical-align: top; }
th { background: #f2f2f2; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.better { color: #05683a; } td.worse { color: #b3261e; } td.within_noise { color: #666; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em; vertical-align: -0.1em; }
.note { color: #555; font-size: 0.92em; } .warning { color: #8a4b00; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 1em; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 0.2em; }
svg.chart { width: 100%; height: auto; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { margin: 0; max-width: none; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .charts { grid-template-columns: 1fr 1fr; }
  h2 { break-after: avoid; page-break-after: avoid; } tr { break-inside: avoid; page-break-inside: avoid; }
}
)";

}  // namespace

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

ReportRun load_report_run(const std::filesystem::path& path) {
  output::Results results = output::read_results(path);
  session::SnapshotPtr snapshot = session::load_run_results(path);
  return {path.string(), std::move(results.info), std::move(snapshot)};
}

std::string html_report(std::span<const ReportRun> runs, const ReportOptions& options) {
  std::ostringstream os;
  std::string names;
  for (const ReportRun& r : runs) names += (names.empty() ? "" : ", ") + r.info.scenario_name;
  os << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
     << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
     << "<title>SCORE report: " << output::html_escape(names) << "</title><style>" << kStyle
     << "</style></head><body>\n";
  os << "<h1>SCORE report: " << output::html_escape(names) << "</h1>\n<p class=\"note\">Made "
     << output::html_escape(options.made) << " from " << runs.size() << " results file"
     << (runs.size() == 1 ? "" : "s")
     << ". Means over replications, all countries; bands span the 5th to 95th "
     << "percentile across replications.</p>\n";
  scenarios_section(os, runs);
  levers_section(os, runs);
  comparison_section(os, runs, options.confidence);
  charts_section(os, runs);
  os << "</body></html>\n";
  return os.str();
}

void write_atomically(const std::filesystem::path& target, const std::string& text) {
  const std::filesystem::path temporary = output::temporary_path(target);
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error(target.string() + ": cannot write: " + std::strerror(errno));
      out << text;
      out.close();
      if (!out) throw std::runtime_error(target.string() + ": cannot write (disk full?)");
    }
    output::sync_file(temporary);
    std::filesystem::rename(temporary, target);
    output::sync_directory_of(target);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace score::report
