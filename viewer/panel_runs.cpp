// The run library: every kept run and the current one, each in the colour
// it keeps on every chart, with its scenario's description and question;
// and the levers in which the runs differ, by label, with each run's value.
#include "chart.hpp"
#include "panels.hpp"
#include "session/words.hpp"

namespace score::viewer {
namespace {

void run_row(App& app, const session::Session::RunView& r) {
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
    if (ImGui::SmallButton("remove")) remove_run(app, r.record->id);
  }
  ImGui::Indent(h + 8);
  ImGui::PushTextWrapPos(0);
  if (!r.record->description.empty()) ImGui::TextUnformatted(r.record->description.c_str());
  if (!r.record->question.empty()) ImGui::TextDisabled("Question: %s", r.record->question.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Unindent(h + 8);
  ImGui::PopID();
}

void differences(const App& app, const std::vector<session::Session::RunView>& runs) {
  const auto diffs = app.session.differences();
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
    ImGui::TextUnformatted(session::path_label(app.session.levers(), d.path).c_str());
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

}  // namespace

void draw_runs(App& app) {
  const auto runs = app.session.runs();
  if (runs.empty()) {
    ImGui::TextWrapped("No runs yet. Every run you make stays here until you remove it.");
    return;
  }
  for (const auto& r : runs) run_row(app, r);
  ImGui::Separator();
  differences(app, runs);
}

}  // namespace score::viewer
