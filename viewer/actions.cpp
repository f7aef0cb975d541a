// The commands of the viewer, shared by the buttons and the script runner so
// that a script exercises exactly what a person clicks.
#include <algorithm>
#include <fstream>

#include "app.hpp"

namespace score::viewer {
namespace {

bool report(App& app, const std::string& error, const std::string& success) {
  app.ui.message = error.empty() ? success : error;
  app.ui.message_is_error = !error.empty();
  return error.empty();
}

}  // namespace

std::vector<std::filesystem::path> find_scenarios() {
  std::filesystem::path dir = "scenarios";
  if (!std::filesystem::is_directory(dir)) dir = SCORE_SCENARIO_DIR;
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool open_scenario(App& app, const std::filesystem::path& file) {
  const bool ok = report(app, app.session.open(file), "opened " + file.string());
  if (ok && !app.session.valid()) report(app, "the scenario has problems; see the levers marked in red", "");
  return ok;
}

bool compare_with(App& app, const std::filesystem::path& file) {
  show_tab(app, Tab::charts);
  return report(app, app.session.compare_with(file), "comparing with " + file.filename().string());
}

bool start_run(App& app, bool paused) { return report(app, app.session.start(paused), "running"); }

bool step_month(App& app) {
  const session::RunStatus status = app.session.status();
  const bool going = status == session::RunStatus::running || status == session::RunStatus::paused;
  if (!going && !start_run(app, true)) return false;
  app.session.step();
  return report(app, "", "one month");
}

bool pin_run(App& app) {
  return report(app, app.session.pin() ? "" : "nothing to pin: run a scenario first",
                "pinned; change levers and run again");
}

bool set_lever(App& app, const std::string& path, double value) {
  const session::Lever* lever = session::find_lever(app.session.levers(), path);
  if (!lever || !lever->numeric) return report(app, "no numeric lever " + path, "");
  app.session.set_lever(path, value);
  app.ui.reveal_lever = path;
  const std::string problem = app.session.problem_at(path);
  return report(app, problem.empty() ? "" : path + ": " + problem, "set " + path);
}

bool save_scenario(App& app, const std::filesystem::path& file) {
  return report(app, app.session.save_scenario(file), "saved " + file.string());
}

bool save_results(App& app, const std::filesystem::path& file) {
  return report(app, app.session.save_results(file), "saved " + file.string());
}

bool open_results(App& app, const std::filesystem::path& file) {
  const auto sweep_before = app.session.sweep();
  const bool ok = report(app, app.session.open_results(file), "opened " + file.string());
  if (ok) show_tab(app, app.session.sweep() != sweep_before ? Tab::results : Tab::charts);
  return ok;
}

bool export_table(App& app, const std::filesystem::path& file) {
  const auto pinned = app.session.pinned(), current = app.session.current();
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << session::comparison_csv(app.session.comparison(), pinned ? pinned->label : "pinned",
                                 current ? current->label : "current");
  out.close();
  return report(app, out ? "" : file.string() + ": cannot write", "saved " + file.string());
}

bool export_png(App& app, const std::string& chart, const std::filesystem::path& file) {
  if (!chart.empty() && !app.ui.chart_rects.contains(chart))
    return report(app, "no chart '" + chart + "' on screen: show the charts tab first", "");
  app.ui.captures.push_back({chart, file});
  if (chart.empty()) return true;  // a screenshot shows the last message, not its own
  return report(app, "", "saving " + file.string());
}

void show_tab(App& app, Tab tab) {
  app.ui.tab = tab;
  app.ui.tab_requested = true;
}

}  // namespace score::viewer
