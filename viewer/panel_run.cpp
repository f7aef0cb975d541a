// The top rows: which scenario, the one-step "Compare with...", and the run
// controls (run, pause, step one month, reset, replications, threads, pin).
#include <algorithm>
#include <cstdio>

#include "panels.hpp"

namespace score::viewer {
namespace {

// A combo of the shipped scenarios; returns the one picked this frame, if any.
const std::filesystem::path* scenario_picker(const App& app, const char* label, const char* preview) {
  const std::filesystem::path* picked = nullptr;
  ImGui::SetNextItemWidth(170);
  if (ImGui::BeginCombo(label, preview)) {
    for (const auto& file : app.scenario_files)
      if (ImGui::Selectable(file.stem().string().c_str())) picked = &file;
    ImGui::EndCombo();
  }
  return picked;
}

void scenario_row(App& app) {
  const std::string name = app.session.has_scenario() ? app.session.file().stem().string() : "(none)";
  if (const auto* file = scenario_picker(app, "Scenario", name.c_str())) open_scenario(app, *file);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260);
  ImGui::InputTextWithHint("##path", "or any scenario file", app.ui.scenario_path,
                           sizeof app.ui.scenario_path);
  ImGui::SameLine();
  if (ImGui::Button("Open")) open_scenario(app, app.ui.scenario_path);
  ImGui::SameLine(0, 30);
  if (const auto* file = scenario_picker(app, "##compare", "Compare with...")) compare_with(app, *file);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Pins the current run, opens the scenario picked and runs it: both show on the charts.");
}

void status_line(App& app) {
  const session::SnapshotPtr snap = app.session.current();
  const session::RunStatus status = app.session.status();
  ImGui::SameLine(0, 20);
  if (!snap) {
    ImGui::TextDisabled("no run");
    return;
  }
  const float done =
      snap->steps > 0 ? static_cast<float>(snap->months_done) / static_cast<float>(snap->steps) : 0.0f;
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "%s: %d/%d months, %d replication(s)", session::status_name(status),
                snap->months_done, snap->steps, snap->replications);
  ImGui::ProgressBar(done, {320, 0}, overlay);
}

void run_buttons(App& app) {
  const session::RunStatus status = app.session.status();
  const bool running = status == session::RunStatus::running;
  if (ImGui::Button("Run")) start_run(app);
  ImGui::SameLine();
  if (running ? ImGui::Button("Pause") : ImGui::Button("Resume"))
    running ? app.session.pause() : app.session.resume();
  ImGui::SameLine();
  if (ImGui::Button("Step 1 month")) step_month(app);
  ImGui::SameLine();
  if (ImGui::Button("Reset")) app.session.reset();
}

void run_settings(App& app) {
  ImGui::SameLine(0, 20);
  int reps =
      app.session.replications() > 0 ? app.session.replications() : app.session.scenario_replications();
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("replications", &reps) && reps >= 1)
    app.session.set_replications(std::min(reps, 10000));
  ImGui::SameLine();
  int threads = app.session.threads();
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("threads (0: all)", &threads)) app.session.set_threads(std::max(threads, 0));
}

void pin_buttons(App& app) {
  ImGui::SameLine(0, 20);
  if (ImGui::Button("Pin")) pin_run(app);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Keep this run on the charts to compare the next one with it.");
  if (const session::SnapshotPtr pinned = app.session.pinned()) {
    ImGui::SameLine();
    if (ImGui::Button("Unpin")) app.session.unpin();
    ImGui::SameLine();
    ImGui::TextDisabled("pinned: %s", pinned->label.c_str());
  }
}

}  // namespace

void draw_run_controls(App& app) {
  scenario_row(app);
  run_buttons(app);
  run_settings(app);
  status_line(app);
  pin_buttons(app);
}

}  // namespace score::viewer
