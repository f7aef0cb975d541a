// The commands of the viewer, shared by the buttons and the script runner so
// that a script exercises exactly what a person clicks.
#include <algorithm>
#include <fstream>

#include "app.hpp"
#include "session/words.hpp"

namespace score::viewer {
bool outcome(App& app, const std::string& error, const std::string& success) {
  app.ui.message = error.empty() ? success : error;
  app.ui.message_is_error = !error.empty();
  app.ui.message_follows_run = false;
  app.ui.run_note.clear();
  return error.empty();
}

namespace {

// Starts a run; the message then follows it. A finished run the start
// replaces stays in the library, and the message says so.
bool start(App& app, bool paused, const std::string& verb) {
  const bool keeps = app.session.status() == session::RunStatus::finished;
  const std::string kept = keeps && app.session.current() ? app.session.current()->label : "";
  if (!outcome(app, app.session.start(paused), verb)) return false;
  app.ui.message_follows_run = true;
  if (keeps) app.ui.run_note = "kept '" + kept + "' in the run library";
  return true;
}

}  // namespace

std::vector<std::filesystem::path> find_scenarios() {
  std::filesystem::path dir = "scenarios";
  if (!std::filesystem::is_directory(dir)) dir = SCORE_SCENARIO_DIR;
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  // The Phase V options sit in a folder of their own; calibration and sweep
  // files in the other folders are not scenarios to open.
  for (const auto& folder : {dir, dir / "phase_v"})
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
      if (entry.path().extension() == ".toml") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool open_scenario(App& app, const std::filesystem::path& file) {
  const bool ok = outcome(app, app.session.open(file), "opened " + file.string());
  if (ok && !app.session.valid()) outcome(app, "the scenario has problems; see the levers marked in red", "");
  return ok;
}

bool compare_with(App& app, const std::filesystem::path& file) {
  show_tab(app, Tab::charts);
  if (!outcome(app, app.session.compare_with(file), "")) return false;
  app.ui.message_follows_run = true;
  return true;
}

bool start_run(App& app, bool paused) { return start(app, paused, ""); }

std::string run_message(const App& app) {
  const session::SnapshotPtr snap = app.session.current();
  if (!snap) return "no run";
  const session::RunStatus status = app.session.status();
  std::string out = (app.ui.run_note.empty() ? "" : app.ui.run_note + "; ") + snap->label + ": " +
                    session::status_name(status);
  if (status == session::RunStatus::failed) out += ": " + snap->error;
  if (app.session.current_stale()) out += " (out of date: the levers changed since it ran)";
  return out;
}

bool step_month(App& app) {
  const session::RunStatus status = app.session.status();
  const bool going = status == session::RunStatus::running || status == session::RunStatus::paused;
  if (!going && !start(app, true, "")) return false;
  app.session.step();
  if (!going) return true;  // the message says what start did, and follows the run
  return outcome(app, "", "one more month");
}

bool pause_run(App& app) {
  if (app.session.status() != session::RunStatus::running) return outcome(app, "no run going to pause", "");
  app.session.pause();
  app.ui.message_follows_run = true;
  return true;
}

bool resume_run(App& app) {
  if (app.session.status() != session::RunStatus::paused)
    return outcome(
        app, "nothing to resume: the run is " + std::string(session::status_name(app.session.status())), "");
  app.session.resume();
  app.ui.message_follows_run = true;
  return true;
}

bool reset_run(App& app) {
  app.session.reset();
  return outcome(app, "", "run dropped (kept runs stay)");
}

bool undo_edit(App& app) {
  return outcome(app, app.session.undo() ? "" : "no lever change to undo", "undid the last lever change");
}

bool remove_run(App& app, int id) {
  return outcome(app, app.session.remove_run(id) ? "" : "no kept run " + std::to_string(id), "run removed");
}

bool pin_run(App& app) {
  return outcome(app, app.session.pin() ? "" : "nothing to keep: run a scenario first",
                 "kept in the run library; change levers and run again");
}

bool set_lever(App& app, const std::string& path, double value) {
  const session::Lever* lever = session::find_lever(app.session.levers(), path);
  if (!lever || !lever->numeric) return outcome(app, "no numeric lever " + path, "");
  app.session.set_lever(path, value);
  app.ui.reveal_lever = path;
  const std::string problem = app.session.problem_at(path);
  const std::string label = session::lever_label(*lever);
  std::string done = "set " + label;
  if (app.session.current_stale()) done += "; the run shown is now out of date: press Run";
  return outcome(app, problem.empty() ? "" : label + ": " + problem, done);
}

bool save_scenario(App& app, const std::filesystem::path& file) {
  return outcome(app, app.session.save_scenario(file), "saved " + file.string());
}

bool save_results(App& app, const std::filesystem::path& file) {
  return outcome(app, app.session.save_results(file), "saved " + file.string());
}

bool open_results(App& app, const std::filesystem::path& file) {
  const auto sweep_before = app.session.sweep();
  const bool ok = outcome(app, app.session.open_results(file), "opened " + file.string());
  const auto sweep = app.session.sweep();
  if (ok && sweep && sweep != sweep_before) {  // a new sweep opens on the phase it is about
    app.ui.sweep_phase = sweep->default_phase;
    app.ui.sweep_parameter = app.ui.sweep_summary = 0;
  }
  if (ok) show_tab(app, sweep != sweep_before ? Tab::results : Tab::charts);
  return ok;
}

bool export_table(App& app, const std::filesystem::path& file) {
  const auto pinned = app.session.pinned(), current = app.session.current();
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << session::comparison_csv(app.session.comparison(), pinned ? pinned->label : "pinned",
                                 current ? current->label : "current");
  out.close();
  return outcome(app, out ? "" : file.string() + ": cannot write", "saved " + file.string());
}

bool export_png(App& app, const std::string& chart, const std::filesystem::path& file) {
  app.ui.capture_error.clear();
  if (chart.empty()) {
    app.ui.captures.push_back({chart, file});
    return true;  // a screenshot shows the last message, not its own
  }
  const auto named = session::chart_named(chart);
  if (!named) return outcome(app, "no chart '" + chart + "'", "");
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const int w = app.ui.export_width, h = app.ui.export_height;
  if (w < 200 || h < 120 || static_cast<float>(w) > display.x || static_cast<float>(h) > display.y)
    return outcome(app,
                   "a chart exports at 200x120 up to the window's size (" + std::to_string(int(display.x)) +
                       "x" + std::to_string(int(display.y)) + "), not " + std::to_string(w) + "x" +
                       std::to_string(h),
                   "");
  if (!app.session.current() && !app.session.pinned()) return outcome(app, "no run to chart", "");
  app.ui.export_request = UiState::Capture{session::info(*named).name, file, w, h};
  return outcome(app, "", "saving " + file.string());
}

void show_tab(App& app, Tab tab) {
  app.ui.tab = tab;
  app.ui.tab_requested = true;
}

}  // namespace score::viewer
