// Saving: the edited scenario as TOML (an `extends` of the original), the
// finished run as HDF5 (the format of `score run`).
#include "panels.hpp"

namespace score::viewer {

void draw_files(const View& view) {
  ImGui::SetNextItemWidth(200);
  ImGui::InputText("##save_scenario", view.ui.save_scenario_path, sizeof view.ui.save_scenario_path);
  ImGui::SameLine();
  if (ImGui::Button("Save scenario (TOML)")) request(view.ui, "save-scenario", {view.ui.save_scenario_path});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A file that extends the open scenario and holds only the levers you changed.");
  ImGui::SameLine(0, 20);
  ImGui::SetNextItemWidth(200);
  ImGui::InputText("##save_results", view.ui.save_results_path, sizeof view.ui.save_results_path);
  ImGui::SameLine();
  if (ImGui::Button("Save run (HDF5)")) request(view.ui, "save-results", {view.ui.save_results_path});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The finished run, in the format `score run` writes.");
}

}  // namespace score::viewer
