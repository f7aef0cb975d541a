// The levers, grouped as the scenario file groups them, each with its unit,
// bounds, source and meaning; edited values stand out, invalid ones carry
// the validation message before anything runs.
#include <cmath>
#include <cstdio>

#include "panels.hpp"
#include "session/words.hpp"

namespace score::viewer {
namespace {

const ImVec4 kEdited{1.0f, 0.85f, 0.3f, 1.0f};
const ImVec4 kProblem{1.0f, 0.4f, 0.4f, 1.0f};

void lever_tooltip(const session::Lever& lever) {
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(420);
  ImGui::Text("%s", session::lever_label(lever).c_str());
  ImGui::TextDisabled("key: %s", lever.path.c_str());
  ImGui::TextUnformatted(std::string(lever.spec->doc).c_str());
  if (std::isfinite(lever.spec->min) || std::isfinite(lever.spec->max))
    ImGui::Text("allowed: %g to %g %s", lever.spec->min, lever.spec->max,
                std::string(lever.spec->unit).c_str());
  if (lever.range) ImGui::Text("plausible range: %g to %g", lever.range->first, lever.range->second);
  if (!lever.source.empty()) ImGui::Text("source: %s", lever.source.c_str());
  if (!lever.note.empty()) ImGui::Text("note: %s", lever.note.c_str());
  if (lever.is_default) ImGui::TextDisabled("not in the file: the model's default");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// The value box: a share as a percent slider, anything else typed.
bool value_box(const session::Lever& lever, double& value) {
  if (session::is_share(lever)) {
    float percent = static_cast<float>(100 * value);
    ImGui::SliderFloat("##v", &percent, 0, 100, "%.1f %%");
    value = std::round(10.0 * percent) / 1000.0;  // tenths of a percent, no float residue
    return ImGui::IsItemDeactivatedAfterEdit();
  }
  ImGui::InputDouble("##v", &value, 0, 0, lever.integer() ? "%.0f" : "%.6g");
  return ImGui::IsItemDeactivatedAfterEdit();
}

// A value as text that reads back to the same double (an action's argument).
std::string exact(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

void numeric_lever(const View& view, const session::Lever& lever) {
  const bool edited = view.session.edits().contains(lever.path);
  double value = edited ? view.session.edits().value(lever.path) : lever.value;
  ImGui::PushID(lever.path.c_str());
  if (edited) ImGui::PushStyleColor(ImGuiCol_Text, kEdited);
  ImGui::SetNextItemWidth(120);
  if (value_box(lever, value)) request(view.ui, "set", {lever.path, exact(value)});
  lever_tooltip(lever);
  ImGui::SameLine();
  ImGui::Text("%s%s", session::humanise_key(lever.key).c_str(), edited ? " (edited)" : "");
  if (edited) ImGui::PopStyleColor();
  lever_tooltip(lever);
  ImGui::SameLine();
  const std::string unit = session::is_share(lever) ? "" : std::string(lever.spec->unit);
  ImGui::TextDisabled("%s%s", unit.c_str(), lever.source.empty() ? "" : " *");
  if (edited) {
    ImGui::SameLine();
    if (ImGui::SmallButton("reset")) request(view.ui, "reset-lever", {lever.path});
  }
  if (const std::string problem = view.session.problem_at(lever.path); !problem.empty())
    ImGui::TextColored(kProblem, "  %s", problem.c_str());
  ImGui::PopID();
}

void lever_row(const View& view, const session::Lever& lever) {
  if (lever.numeric) return numeric_lever(view, lever);
  ImGui::TextDisabled("%s: %s", session::humanise_key(lever.key).c_str(), lever.text.c_str());
  lever_tooltip(lever);
}

// The levers of one group, under one tree node per table of the file.
void group(const View& view, const std::string& name) {
  const auto& levers = view.session.levers();
  std::size_t count = 0;
  for (const auto& l : levers) count += l.group == name;
  if (count == 0) return;
  const std::string header = name + " (" + std::to_string(count) + ")###" + name;  // the id stays put
  const session::Lever* reveal = session::find_lever(levers, view.ui.reveal_lever);
  if (reveal && reveal->group == name) ImGui::SetNextItemOpen(true);
  if (!ImGui::CollapsingHeader(header.c_str(), name == "phases" ? ImGuiTreeNodeFlags_DefaultOpen : 0)) return;
  std::string open_table;
  bool open = false;
  for (const auto& lever : levers) {
    if (lever.group != name) continue;
    if (lever.table != open_table) {
      if (open) ImGui::TreePop();
      open_table = lever.table;
      if (reveal && reveal->table == open_table) ImGui::SetNextItemOpen(true);
      open = ImGui::TreeNode((name + "/" + lever.table).c_str(), "%s",
                             session::table_label(lever.table).c_str());
    }
    if (open) lever_row(view, lever);
  }
  if (open) ImGui::TreePop();
}

void problems(const View& view) {
  if (view.session.valid()) return;
  ImGui::PushTextWrapPos(0);
  for (const auto& d : view.session.diagnostics())
    ImGui::TextColored(kProblem, "%s", session::person_message(d, view.session.levers()).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

}  // namespace

void draw_levers(const View& view) {
  if (!view.session.has_scenario()) {
    ImGui::TextWrapped(
        "Open a scenario (top left) to see its levers. 'Compare with...' pins a run and runs another "
        "scenario beside it.");
    return;
  }
  ImGui::TextWrapped("%s", view.session.label().c_str());
  if (const std::string d = view.session.description(); !d.empty()) ImGui::TextWrapped("%s", d.c_str());
  if (const std::string q = view.session.question(); !q.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Question: %s", q.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::TextDisabled("%zu levers; hover for unit, bounds and source (*)", view.session.levers().size());
  if (!view.session.edits().empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton("reset all")) request(view.ui, "reset-edits");
  }
  if (view.session.can_undo()) {
    ImGui::SameLine();
    if (ImGui::SmallButton("undo")) request(view.ui, "undo");
  }
  problems(view);
  for (const std::string& name : session::lever_groups()) group(view, name);
  view.ui.reveal_lever.clear();
}

}  // namespace score::viewer
