// The run library: every kept run and the current one, each in the colour
// it keeps on every chart, with its scenario's description and question;
// and the levers in which the runs differ, by label, with each run's value.
#include "chart.hpp"
#include "panels.hpp"
#include "session/words.hpp"

namespace score::viewer {
namespace {

void run_row(const View& view, const session::Session::RunView& r) {
  ImGui::PushID(r.record->id);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + 2}, {p.x + h, p.y + h - 2},
                                            palette(r.record->colour));
  ImGui::Dummy({h, h});
  ImGui::SameLine();
  ImGui::Text("%d. %s", r.record->id, r.snapshot->label.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s%s)", session::status_name(r.snapshot->status), r.current ? ", current" : "");
  if (!r.current) {
    ImGui::SameLine();
    if (ImGui::SmallButton("remove")) request(view.ui, "remove-run", {std::to_string(r.record->id)});
  }
  ImGui::Indent(h + 8);
  ImGui::PushTextWrapPos(0);
  if (!r.record->description.empty()) ImGui::TextUnformatted(r.record->description.c_str());
  if (!r.record->question.empty()) ImGui::TextDisabled("Question: %s", r.record->question.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Unindent(h + 8);
  ImGui::PopID();
}

void differences(const View& view, const std::vector<session::Session::RunView>& runs) {
  const auto diffs = view.session.differences();
  ImGui::Text("Levers in which the runs differ: %zu", diffs.size());
  if (diffs.empty() || runs.size() < 2) return;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("differences", 1 + static_cast<int>(runs.size()), flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("lever", ImGuiTableColumnFlags_WidthFixed, 300);
  for (const auto& r : runs)
    ImGui::TableSetupColumn((std::to_string(r.record->id) + ". " + r.snapshot->label).c_str());
  ImGui::TableHeadersRow();
  for (const auto& d : diffs) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(session::path_label(view.session.levers(), d.path).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.path.c_str());
    for (const std::string& v : d.values) {
      ImGui::TableNextColumn();
      if (v.empty())
        ImGui::TextDisabled("(not set)");
      else
        ImGui::TextUnformatted(v.c_str());
    }
  }
  ImGui::EndTable();
}

// One HTML file of every run listed, as `score report` writes for results files.
void report_controls(const View& view) {
  ImGui::SetNextItemWidth(240);
  ImGui::InputText("##report", view.ui.report_path, sizeof view.ui.report_path);
  ImGui::SameLine();
  if (ImGui::Button("Report (HTML)")) request(view.ui, "report", {view.ui.report_path});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Every finished run listed here in one self-contained HTML file: questions, differing levers, phase "
        "table, comparison with intervals and charts with bands; prints to PDF.");
}

}  // namespace

void draw_runs(const View& view) {
  const auto runs = view.session.runs();
  if (runs.empty()) {
    ImGui::TextWrapped("No runs yet. Every run you make stays here until you remove it.");
    return;
  }
  report_controls(view);
  for (const auto& r : runs) run_row(view, r);
  ImGui::Separator();
  differences(view, runs);
}

}  // namespace score::viewer
