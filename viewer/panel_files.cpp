// Saving: the edited scenario as TOML (an `extends` of the original), the
// finished run as HDF5 (the format of `score run`).
#include "panels.hpp"

namespace score::viewer {

void draw_files(App& app) {
  ImGui::SetNextItemWidth(200);
  ImGui::InputText("##save_scenario", app.ui.save_scenario_path, sizeof app.ui.save_scenario_path);
  ImGui::SameLine();
  if (ImGui::Button("Save scenario (TOML)")) save_scenario(app, app.ui.save_scenario_path);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A file that extends the open scenario and holds only the levers you changed.");
  ImGui::SameLine(0, 20);
  ImGui::SetNextItemWidth(200);
  ImGui::InputText("##save_results", app.ui.save_results_path, sizeof app.ui.save_results_path);
  ImGui::SameLine();
  if (ImGui::Button("Save run (HDF5)")) save_results(app, app.ui.save_results_path);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The finished run, in the format `score run` writes.");
}

}  // namespace score::viewer
