#pragma once
// One function per panel, each in the file named after it. A panel reads
// the session through its View (const) and asks for every command by name
// with request() (action_table.hpp), as a script does.
#include "action_table.hpp"
#include "app.hpp"

namespace score::viewer {

void draw_run_controls(const View& view);  // panel_run.cpp: open, compare with, run, pause, step, pin
void draw_files(const View& view);         // panel_files.cpp: save scenario, save run, export
void draw_levers(const View& view);        // panel_levers.cpp
void draw_charts(const View& view);        // panel_charts.cpp
void draw_compare(const View& view);       // panel_compare.cpp: the phase-summary table
void draw_results(const View& view);       // panel_results.cpp: results files, sweeps
void draw_planning(const View& view);  // panel_planning.cpp: a goal seek's answer, a policy decision table
void draw_network(const View& view);   // panel_network.cpp
void draw_runs(const View& view);      // panel_runs.cpp: the run library and the levers that differ
void draw_browser(const View& view);   // panel_browser.cpp: scenarios and results on disk
// panel_charts.cpp: a chart requested for export, in a window of its own.
void draw_chart_export(const View& view);
std::string chart_caption(const View& view, session::Chart chart);

}  // namespace score::viewer
