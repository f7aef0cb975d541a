// The phase-summary table: the pinned run, the current one and their
// difference, per phase; exported as CSV.
#include <cmath>

#include "chart.hpp"
#include "panels.hpp"

namespace score::viewer {
namespace {

void number_cell(double v) {
  ImGui::TableNextColumn();
  if (std::isnan(v))
    ImGui::TextDisabled("-");
  else
    ImGui::Text("%.6g", v);
}

void difference_cell(const session::ComparisonRow& row) {
  ImGui::TableNextColumn();
  if (std::isnan(row.difference)) return ImGui::TextDisabled("-");
  // Blue up, orange down: whether more is better depends on the row.
  const ImVec4 color = row.difference > 0   ? ImVec4(0.45f, 0.7f, 1, 1)
                       : row.difference < 0 ? ImVec4(1, 0.55f, 0.45f, 1)
                                            : ImVec4(0.8f, 0.8f, 0.8f, 1);
  if (std::isnan(row.relative))
    ImGui::TextColored(color, "%+.6g", row.difference);
  else
    ImGui::TextColored(color, "%+.6g (%+.1f%%)", row.difference, 100 * row.relative);
}

void table(const App& app, const std::vector<session::ComparisonRow>& rows) {
  const auto pinned = app.session.pinned(), current = app.session.current();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("comparison", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("phase / summary");
  ImGui::TableSetupColumn(pinned ? ("pinned: " + pinned->label).c_str() : "pinned: (none)");
  ImGui::TableSetupColumn(current ? current->label.c_str() : "current: (none)");
  ImGui::TableSetupColumn("difference");
  ImGui::TableSetupColumn("units");
  ImGui::TableHeadersRow();
  for (const auto& row : rows) {
    const auto& info = sim::summary_catalogue()[static_cast<std::size_t>(row.summary)];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%s  %s", row.phase.c_str(), info.long_name);
    number_cell(row.pinned);
    number_cell(row.current);
    difference_cell(row);
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", info.units);
  }
  ImGui::EndTable();
}

}  // namespace

void draw_compare(App& app) {
  ImGui::SetNextItemWidth(240);
  ImGui::InputText("##csv", app.ui.csv_path, sizeof app.ui.csv_path);
  ImGui::SameLine();
  if (ImGui::Button("Export table as CSV")) export_table(app, app.ui.csv_path);
  if (!app.session.pinned())
    ImGui::TextDisabled(
        "Pin a run (or use 'Compare with...') to see two runs side by side. Means over replications, all "
        "countries.");
  else
    ImGui::TextDisabled(
        "Means over replications, all countries; a phase shows once both runs have finished.");
  table(app, app.session.comparison());
}

}  // namespace score::viewer
