#pragma once
// One function per panel, each in the file named after it.
#include "app.hpp"

namespace score::viewer {

void draw_run_controls(App& app);  // panel_run.cpp: open, compare with, run, pause, step, pin
void draw_files(App& app);         // panel_files.cpp: save scenario, save run, export
void draw_levers(App& app);        // panel_levers.cpp
void draw_charts(App& app);        // panel_charts.cpp
void draw_compare(App& app);       // panel_compare.cpp: the phase-summary table
void draw_results(App& app);       // panel_results.cpp: results files, sweeps
void draw_network(App& app);       // panel_network.cpp
void draw_runs(App& app);          // panel_runs.cpp: the run library and the levers that differ
void draw_browser(App& app);       // panel_browser.cpp: scenarios and results on disk
// panel_charts.cpp: a chart requested for export, in a window of its own.
void draw_chart_export(App& app);
std::string chart_caption(const App& app, session::Chart chart);

}  // namespace score::viewer
