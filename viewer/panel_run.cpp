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

// "buyer_led", or "phase_v/lean" for an option in the Phase V folder.
std::string option_name(const std::filesystem::path& file) {
  const std::string folder = file.parent_path().filename().string();
  return (folder == "phase_v" ? folder + "/" : "") + file.stem().string();
}

// A combo of the shipped scenarios; returns the one picked this frame, if any.
const std::filesystem::path* scenario_picker(const View& view, const char* label, const char* preview) {
  const std::filesystem::path* picked = nullptr;
  ImGui::SetNextItemWidth(170);
  if (ImGui::BeginCombo(label, preview)) {
    for (const auto& file : view.scenario_files)
      if (ImGui::Selectable(option_name(file).c_str())) picked = &file;
    ImGui::EndCombo();
  }
  return picked;
}

void scenario_row(const View& view) {
  const std::string name = view.session.has_scenario() ? view.session.file().stem().string() : "(none)";
  if (const auto* file = scenario_picker(view, "Scenario", name.c_str()))
    request(view.ui, "open", {file->string()});
  same_line_if_fits(260);
  ImGui::SetNextItemWidth(220);
  ImGui::InputTextWithHint("##path", "or any scenario file", view.ui.scenario_path,
                           sizeof view.ui.scenario_path);
  ImGui::SameLine();
  if (ImGui::Button("Open")) request(view.ui, "open", {view.ui.scenario_path});
  same_line_if_fits(170, 30);
  if (const auto* file = scenario_picker(view, "##compare", "Compare with..."))
    request(view.ui, "compare-with", {file->string()});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Keeps the current run in the library, opens the scenario picked and runs it: all show on the "
        "charts.");
}

void status_line(const View& view) {
  const session::SnapshotPtr snap = view.session.current();
  const session::RunStatus status = view.session.status();
  same_line_if_fits(340, 20);
  if (!snap) {
    ImGui::TextDisabled("no run");
    return;
  }
  char overlay[128];
  float done = 0;
  const int built = view.session.setup_done();
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
  if (view.session.current_stale()) {
    ImGui::SameLine();
    ImGui::TextColored({1, 0.7f, 0.3f, 1}, "out of date");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The levers changed since this run: press Run.");
  }
}

void run_buttons(const View& view) {
  const session::RunStatus status = view.session.status();
  if (ImGui::Button("Run")) request(view.ui, "run");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A finished run stays in the run library.");
  // Pause while running, Resume while paused; a finished run has neither.
  if (status == session::RunStatus::running) {
    ImGui::SameLine();
    if (ImGui::Button("Pause")) request(view.ui, "pause");
  } else if (status == session::RunStatus::paused) {
    ImGui::SameLine();
    if (ImGui::Button("Resume")) request(view.ui, "resume");
  }
  ImGui::SameLine();
  if (ImGui::Button("Step 1 month")) request(view.ui, "step");
  ImGui::SameLine();
  if (ImGui::Button("Reset")) request(view.ui, "reset");
}

void run_settings(const View& view) {
  same_line_if_fits(330, 20);
  int reps =
      view.session.replications() > 0 ? view.session.replications() : view.session.scenario_replications();
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("replications", &reps) && reps >= 1)
    request(view.ui, "replications", {std::to_string(reps)});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Needs about %s of memory here; a run the machine cannot hold is refused.",
                      session::format_bytes(view.session.memory_estimate()).c_str());
  ImGui::SameLine();
  int threads = view.session.threads();
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("threads", &threads))
    request(view.ui, "threads", {std::to_string(std::max(threads, 0))});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("0: all cores; results do not depend on it.");
  ImGui::SameLine();
  ImGui::TextDisabled("~%s", session::format_bytes(view.session.memory_estimate()).c_str());
}

void pin_buttons(const View& view) {
  same_line_if_fits(120, 20);
  if (ImGui::Button("Keep")) request(view.ui, "pin");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Keep this run in the library, on the charts and in the table, to compare the next ones with it.");
  if (view.session.can_undo()) {
    ImGui::SameLine();
    if (ImGui::Button("Undo edit")) request(view.ui, "undo");
  }
}

}  // namespace

void draw_run_controls(const View& view) {
  scenario_row(view);
  run_buttons(view);
  run_settings(view);
  status_line(view);
  pin_buttons(view);
}

}  // namespace score::viewer
