#pragma once
// The viewer's state: the session (the data model, engine/session) and the
// small struct of what is on screen. Panels read both and change the session
// only through the actions below, which the script runner calls too.
#include <imgui.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "session/session.hpp"

namespace score::viewer {

enum class Tab { charts, compare, results, network };

struct UiState {
  int region = -1;    // -1: all countries; else a country index
  bool bands = true;  // 5-95 % bands when there are replications
  Tab tab = Tab::charts;
  bool tab_requested = false;  // select `tab` on the next frame (scripts, buttons)
  int network_country = 0;
  std::string reveal_lever;  // opens the tree down to this lever next frame (set by scripts)
  int sweep_parameter = 0, sweep_summary = 0, sweep_phase = 0;
  char scenario_path[512] = "";
  char results_path[512] = "";
  char save_scenario_path[512] = "edited.toml";
  char save_results_path[512] = "results/viewer.h5";
  int export_chart = 0;  // a session::Chart
  char export_path[512] = "chart.png";
  char csv_path[512] = "comparison.csv";
  std::string message;  // the last command's outcome
  bool message_is_error = false;
  std::map<std::string, ImVec4> chart_rects;  // by chart name, this frame, for PNG export
  struct Capture {
    std::string chart;  // a chart's name, or "" for the whole window
    std::filesystem::path file;
  };
  std::vector<Capture> captures;  // taken once the frame is rendered (main.cpp)
};

struct App {
  session::Session session;
  UiState ui;
  std::vector<std::filesystem::path> scenario_files;  // the shipped scenarios, for the pickers
};

// The shipped scenarios: ./scenarios if there is one, else the source tree's.
std::vector<std::filesystem::path> find_scenarios();

// --- actions: each reports its outcome in ui.message and returns success ----
bool open_scenario(App& app, const std::filesystem::path& file);
bool compare_with(App& app, const std::filesystem::path& file);
bool start_run(App& app, bool paused = false);
// Advances the run one month and pauses it; with no run going, starts one paused.
bool step_month(App& app);
bool pin_run(App& app);
bool set_lever(App& app, const std::string& path, double value);
bool save_scenario(App& app, const std::filesystem::path& file);
bool save_results(App& app, const std::filesystem::path& file);
bool open_results(App& app, const std::filesystem::path& file);
bool export_table(App& app, const std::filesystem::path& file);
void show_tab(App& app, Tab tab);
// Asks for a PNG of a chart ("" for the window) once the frame is rendered.
bool export_png(App& app, const std::string& chart, const std::filesystem::path& file);

// The whole window, one frame.
void draw_frame(App& app);

}  // namespace score::viewer
