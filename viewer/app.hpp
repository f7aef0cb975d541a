#pragma once
// The viewer's state: the session (the data model, engine/session) and the
// small struct of what is on screen. Panels read both and change the session
// only through the actions below, which the script runner calls too.
#include <imgui.h>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seek_text.hpp"
#include "session/session.hpp"
#include "sweep/decision_table.hpp"

namespace score::viewer {

enum class Tab { charts, compare, runs, results, planning, network, files };

struct UiState {
  int region = -1;    // -1: all countries; else a country index
  bool bands = true;  // 5-95 % bands when there are replications
  Tab tab = Tab::charts;
  bool tab_requested = false;  // select `tab` on the next frame (scripts, buttons)
  int network_country = 0;
  std::string reveal_lever;  // opens the tree down to this lever next frame (set by scripts)
  int sweep_parameter = 0, sweep_summary = 0, sweep_phase = 0;  // set by open-results and sweep-*
  char scenario_path[512] = "";
  char results_path[512] = "";
  char save_scenario_path[512] = "edited.toml";
  char save_results_path[512] = "results/viewer.h5";
  int export_chart = 0;  // a session::Chart
  char export_path[512] = "chart.png";
  char csv_path[512] = "comparison.csv";
  std::string message;  // the last command's outcome
  bool message_is_error = false;
  // The message is the current run's state ("history: running"), kept true
  // to the bar every frame rather than frozen at the moment a run started.
  bool message_follows_run = false;
  std::string run_note;     // said before the run's state ("kept 'history' in the run library")
  float lever_width = 380;  // the lever panel, dragged by the splitter beside it
  // Charts: hidden ones, the one enlarged (-1: none), those on a log axis.
  std::array<bool, session::kCharts> chart_hidden{}, chart_log{};
  int chart_enlarged = -1;
  int export_width = 1200, export_height = 700;  // a chart's PNG, whatever its size on screen
  char browse_dir[512] = ".";                    // the file browser's folder
  std::map<std::string, ImVec4> chart_rects;     // by chart name, this frame, for PNG export
  std::map<std::string, double> chart_y_max;     // by chart name, the top of its axis (scripts check it)
  struct Capture {
    std::string chart;  // a chart's name, or "" for the whole window
    std::filesystem::path file;
    int width = 0, height = 0;  // a chart's export size
  };
  std::vector<Capture> captures;  // taken once the frame is rendered (main.cpp)
  // A chart export drawn this frame in a window of its own at the chosen size.
  std::optional<Capture> export_request;
  std::string capture_error;  // the last capture that failed, for scripts; "" when all held
  char report_path[512] = "report.html";
  // The Planning tab: a `score seek` answer and a policy sweep's decision table.
  std::optional<SeekText> seek;
  std::string seek_file, decision_file;
  std::optional<sweep::DecisionTable> decision;
  char seek_path[512] = "seek.txt";
  char policy_sweep_path[512] = "scenarios/sweeps/policies.toml";
  char policy_results_path[512] = "results/policies.h5";
  // The compare tab as last drawn, for scripts: the most columns of a table
  // wholly inside the window, and the cells with a word wider than its column.
  int compare_columns_shown = 0, compare_cut = 0;
  // Actions the panels asked for this frame, by name with their arguments
  // (action_table.hpp); run once the frame is drawn.
  std::vector<std::pair<std::string, std::vector<std::string>>> requests;
};

struct App {
  session::Session session;
  UiState ui;
  std::vector<std::filesystem::path> scenario_files;  // the shipped scenarios, for the pickers
};

// What a panel sees: the session read-only, its own UI state and the
// shipped scenarios. A panel changes the session only by request()ing an
// action (action_table.hpp).
struct View {
  const session::Session& session;
  UiState& ui;
  const std::vector<std::filesystem::path>& scenario_files;
};

// The shipped scenarios, then the Phase V options (scenarios/phase_v): from
// ./scenarios if there is one, else the source tree's.
std::vector<std::filesystem::path> find_scenarios();

// --- actions: each reports its outcome in ui.message and returns success ----
// Says `error` (in red) if there is one, else `success`; true when no error.
bool outcome(App& app, const std::string& error, const std::string& success);
bool open_scenario(App& app, const std::filesystem::path& file);
bool compare_with(App& app, const std::filesystem::path& file);
bool start_run(App& app, bool paused = false);
bool pause_run(App& app);
bool resume_run(App& app);  // only a paused run resumes
bool reset_run(App& app);
bool undo_edit(App& app);
bool remove_run(App& app, int id);
bool browse(App& app, const std::filesystem::path& dir);  // panel_browser.cpp: the Files tab at `dir`
bool browse_open(App& app, const std::string& name);      // an entry of that folder, as a click does
// Advances the run one month and pauses it; with no run going, starts one paused.
bool step_month(App& app);
bool pin_run(App& app);
bool set_lever(App& app, const std::string& path, double value);
bool save_scenario(App& app, const std::filesystem::path& file);
bool save_results(App& app, const std::filesystem::path& file);
bool open_results(App& app, const std::filesystem::path& file);
bool export_table(App& app, const std::filesystem::path& file);
// action_planning.cpp: the Planning tab's files.
bool open_seek(App& app, const std::filesystem::path& file);  // `score seek ... > FILE`
// A policy sweep's results with the sweep file that made them (the file
// holds the [[decision]] criteria the results do not).
bool open_policies(App& app, const std::filesystem::path& sweep_file, const std::filesystem::path& results);
// action_report.cpp: every finished run of the library as the HTML of `score report`.
bool write_report(App& app, const std::filesystem::path& file);
void show_tab(App& app, Tab tab);
// Asks for a PNG of a chart ("" for the window) once the frame is rendered.
// A chart is drawn at ui.export_width x ui.export_height with a caption
// (scenario, region, date made), whether it is on screen or not.
bool export_png(App& app, const std::string& chart, const std::filesystem::path& file);
// The run's state as the message line shows it while message_follows_run.
std::string run_message(const App& app);

// The whole window, one frame.
void draw_frame(App& app);

}  // namespace score::viewer
