// The Report action: the runs of the library as the one self-contained HTML
// file `score report` writes for results files (engine/report), so a
// planner takes to a meeting exactly what the window compares.
#include "app.hpp"
#include "output/results_reader.hpp"
#include "provenance/run_info.hpp"
#include "report/html_report.hpp"

namespace score::viewer {
namespace {

// A run of the library as the report reads a results file: what it ran
// (its scenario, or the file it was read from) and its finished numbers.
// The report names it by its label, so edited runs of one scenario differ.
report::ReportRun report_run(const session::Session::RunView& r) {
  report::ReportRun out{r.record->file.string(), {}, r.snapshot};
  out.info = r.scenario ? provenance::run_info(*r.scenario) : output::read_results(r.record->file).info;
  out.info.scenario_name = r.snapshot->label;
  return out;
}

}  // namespace

bool write_report(App& app, const std::filesystem::path& file) {
  const auto runs = app.session.runs();
  if (runs.empty()) return outcome(app, "no run to report: run a scenario first", "");
  std::vector<report::ReportRun> reported;
  try {
    for (const auto& r : runs) {
      if (r.snapshot->status != session::RunStatus::finished)
        return outcome(app, "'" + r.snapshot->label + "' has not finished; wait for it or remove it", "");
      reported.push_back(report_run(r));
    }
    report::write_atomically(file, report::html_report(reported, {0.95, report::now_utc()}));
  } catch (const std::exception& e) {
    return outcome(app, e.what(), "");
  }
  return outcome(app, "",
                 "wrote " + file.string() + " (" + std::to_string(reported.size()) + " run" +
                     (reported.size() == 1 ? "" : "s") + ")");
}

}  // namespace score::viewer
