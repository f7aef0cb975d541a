// The top rows: which scenario, the one-step "Compare with...", and the run
// controls (run, pause, step one month, reset, replications, threads, pin).
#include <algorithm>
#include <cstdio>

#include "panels.hpp"
#include "session/memory.hpp"

namespace score::viewer {
namespace {

// Next item on the same line if `width` more pixels fit, else on a new line:
// the top rows wrap in a small window instead of running off it.
void same_line_if_fits(float width, float spacing = -1) {
  const float right = ImGui::GetItemRectMax().x + (spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing);
  if (right + width <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::SameLine(0, spacing);
}

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
  same_line_if_fits(260);
  ImGui::SetNextItemWidth(220);
  ImGui::InputTextWithHint("##path", "or any scenario file", app.ui.scenario_path,
                           sizeof app.ui.scenario_path);
  ImGui::SameLine();
  if (ImGui::Button("Open")) open_scenario(app, app.ui.scenario_path);
  same_line_if_fits(170, 30);
  if (const auto* file = scenario_picker(app, "##compare", "Compare with...")) compare_with(app, *file);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Keeps the current run in the library, opens the scenario picked and runs it: all show on the "
        "charts.");
}

void status_line(App& app) {
  const session::SnapshotPtr snap = app.session.current();
  const session::RunStatus status = app.session.status();
  same_line_if_fits(340, 20);
  if (!snap) {
    ImGui::TextDisabled("no run");
    return;
  }
  char overlay[128];
  float done = 0;
  const int built = app.session.setup_done();
  if (snap->months_done == 0 && built < snap->replications && status != session::RunStatus::finished) {
    // Before the first month: building each replication's firms and networks.
    done = static_cast<float>(built) / static_cast<float>(std::max(snap->replications, 1));
    std::snprintf(overlay, sizeof overlay, "%s, setting up: %d/%d replications", session::status_name(status),
                  built, snap->replications);
  } else {
    done = snap->steps > 0 ? static_cast<float>(snap->months_done) / static_cast<float>(snap->steps) : 0.0f;
    std::snprintf(overlay, sizeof overlay, "%s: %d/%d months, %d replication(s)",
                  session::status_name(status), snap->months_done, snap->steps, snap->replications);
  }
  ImGui::ProgressBar(done, {320, 0}, overlay);
  if (app.session.current_stale()) {
    ImGui::SameLine();
    ImGui::TextColored({1, 0.7f, 0.3f, 1}, "out of date");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The levers changed since this run: press Run.");
  }
}

void run_buttons(App& app) {
  const session::RunStatus status = app.session.status();
  if (ImGui::Button("Run")) start_run(app);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A finished run stays in the run library.");
  // Pause while running, Resume while paused; a finished run has neither.
  if (status == session::RunStatus::running) {
    ImGui::SameLine();
    if (ImGui::Button("Pause")) pause_run(app);
  } else if (status == session::RunStatus::paused) {
    ImGui::SameLine();
    if (ImGui::Button("Resume")) resume_run(app);
  }
  ImGui::SameLine();
  if (ImGui::Button("Step 1 month")) step_month(app);
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset_run(app);
}

void run_settings(App& app) {
  same_line_if_fits(330, 20);
  int reps =
      app.session.replications() > 0 ? app.session.replications() : app.session.scenario_replications();
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("replications", &reps) && reps >= 1) app.session.set_replications(reps);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Needs about %s of memory here; a run the machine cannot hold is refused.",
                      session::format_bytes(app.session.memory_estimate()).c_str());
  ImGui::SameLine();
  int threads = app.session.threads();
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("threads", &threads)) app.session.set_threads(std::max(threads, 0));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("0: all cores; results do not depend on it.");
  ImGui::SameLine();
  ImGui::TextDisabled("~%s", session::format_bytes(app.session.memory_estimate()).c_str());
}

void pin_buttons(App& app) {
  same_line_if_fits(120, 20);
  if (ImGui::Button("Keep")) pin_run(app);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Keep this run in the library, on the charts and in the table, to compare the next ones with it.");
  if (app.session.can_undo()) {
    ImGui::SameLine();
    if (ImGui::Button("Undo edit")) undo_edit(app);
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
