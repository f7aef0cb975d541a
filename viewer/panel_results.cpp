// Results files from `score run` (shown on the charts as the current run) and
// `score sweep`: a scatter of any parameter against any outcome, and the
// sensitivity indices as bars when the file holds them.
#include <algorithm>

#include "chart.hpp"
#include "panels.hpp"
#include "session/words.hpp"

namespace score::viewer {
namespace {

void file_picker(const View& view) {
  ImGui::SetNextItemWidth(360);
  ImGui::InputTextWithHint("##results", "a .h5 file from score run or score sweep", view.ui.results_path,
                           sizeof view.ui.results_path);
  ImGui::SameLine();
  if (ImGui::Button("Open results")) request(view.ui, "open-results", {view.ui.results_path});
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("results", ec)) {
    if (entry.path().extension() != ".h5") continue;
    if (ImGui::SmallButton(entry.path().filename().string().c_str()))
      request(view.ui, "open-results", {entry.path().string()});
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

// A choice among `items`; picking one asks for the action `command` with it.
void combo(const View& view, const char* label, const char* command, int index,
           const std::vector<std::string>& items, const std::vector<std::string>& shown) {
  index = std::clamp(index, 0, std::max(0, static_cast<int>(items.size()) - 1));
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo(label, shown.empty() ? "" : shown[static_cast<std::size_t>(index)].c_str())) {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (ImGui::Selectable(shown[i].c_str(), static_cast<int>(i) == index))
        request(view.ui, command, {items[i]});
    ImGui::EndCombo();
  }
}

std::vector<std::string> summary_names() {
  std::vector<std::string> out;
  for (const auto& s : sim::summary_catalogue()) out.emplace_back(s.name);
  return out;
}

void sweep_view(const View& view, const session::SweepView& sweep) {
  ImGui::Text("%s: %s design over %s, %d points, %zu parameters", sweep.label.c_str(), sweep.method.c_str(),
              sweep.scenario_name.c_str(), sweep.points, sweep.parameters.size());
  const UiState& ui = view.ui;
  combo(view, "parameter", "sweep-parameter", ui.sweep_parameter, sweep.parameters, sweep.parameters);
  ImGui::SameLine();
  combo(view, "outcome", "sweep-outcome", ui.sweep_summary, summary_names(), summary_names());
  ImGui::SameLine();
  std::vector<std::string> phase_labels = sweep.phases;
  for (std::size_t p = 0; p < phase_labels.size() && p < sweep.phase_names.size(); ++p)
    if (!sweep.phase_names[p].empty() && sweep.phase_names[p] != sweep.phases[p])
      phase_labels[p] += " " + sweep.phase_names[p];
  combo(view, "phase", "sweep-phase", ui.sweep_phase, sweep.phases, phase_labels);
  if (sweep.parameters.empty() || sweep.phases.empty()) return;
  std::vector<Point> points;
  for (int p = 0; p < sweep.points; ++p)
    points.push_back(
        {sweep.parameter(p, ui.sweep_parameter), sweep.means.at(p, ui.sweep_phase, ui.sweep_summary)});
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string& parameter = sweep.parameters[static_cast<std::size_t>(ui.sweep_parameter)];
  const char* outcome = sim::summary_catalogue()[static_cast<std::size_t>(ui.sweep_summary)].name;
  draw_scatter("Outcome (mean over replications) against the parameter", parameter.c_str(), outcome, points,
               {width, 330});
  if (sweep.index_name.empty())
    return ImGui::TextDisabled("No sensitivity indices in this file (`score sensitivity` adds them).");
  std::vector<Bar> bars;
  for (std::size_t k = 0; k < sweep.parameters.size(); ++k)
    bars.push_back({session::path_label({}, sweep.parameters[k]),
                    sweep.index(ui.sweep_phase, ui.sweep_summary, static_cast<int>(k)),
                    sweep.spread(ui.sweep_phase, ui.sweep_summary, static_cast<int>(k))});
  const char* index = sweep.index_name == "mu_star" ? "Morris mu*, whiskers +- sigma"
                      : sweep.index_name == "total" ? "Sobol' total index, whiskers its interval"
                                                    : "Sobol' first-order index, whiskers its interval";
  const std::string title = std::string("Sensitivity (") + index + ") of " + outcome + " to each parameter";
  draw_bars(title.c_str(), bars, {width, 260});
}

}  // namespace

void draw_results(const View& view) {
  file_picker(view);
  ImGui::TextDisabled(
      "A run's file shows on the Charts tab as the current run (pin it to compare); a sweep's shows here.");
  ImGui::Separator();
  if (const auto sweep = view.session.sweep())
    sweep_view(view, *sweep);
  else
    ImGui::TextDisabled("No sweep file open.");
}

}  // namespace score::viewer
