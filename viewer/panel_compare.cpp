// The comparison table for people: every run of the library against the
// first, phase by phase (named, with dates) and over the programme, in the
// readable text of `score compare` and `score report`: thousands
// separators, currency and percent, each difference with its interval
// (paired when the runs share seeds) and what it means, coloured better or
// worse by what the output is for. All countries, or one on request.
#include "panels.hpp"
#include "session/compare_table.hpp"

namespace score::viewer {
namespace {

ImVec4 colour(session::Judgement j) {
  using J = session::Judgement;
  switch (j) {
    case J::better:
      return {0.45f, 0.85f, 0.45f, 1};
    case J::worse:
      return {1, 0.45f, 0.4f, 1};
    case J::within_noise:
    case J::identical:
      return {0.6f, 0.6f, 0.6f, 1};
    default:
      return {0.85f, 0.85f, 0.85f, 1};
  }
}

void draw_table(const session::CompareTable& t, int index) {
  ImGui::TextColored({0.7f, 0.8f, 1, 1}, "%s", t.title.c_str());
  const int columns = static_cast<int>(t.header.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  const float height = ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(t.rows.size()) + 2.5f);
  if (!ImGui::BeginTable(("table" + std::to_string(index)).c_str(), columns, flags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (const std::string& h : t.header) ImGui::TableSetupColumn(h.c_str());
  ImGui::TableHeadersRow();
  for (const auto& row : t.rows) {
    ImGui::TableNextRow();
    for (const session::TableCell& cell : row) {
      ImGui::TableNextColumn();
      const ImVec4 c = colour(cell.judgement);
      ImGui::TextColored(c, "%s", cell.text.c_str());
      if (!cell.detail.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(c, "%s", cell.detail.c_str());
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_compare(const View& view) {
  ImGui::SetNextItemWidth(240);
  ImGui::InputText("##csv", view.ui.csv_path, sizeof view.ui.csv_path);
  ImGui::SameLine();
  if (ImGui::Button("Export table as CSV")) request(view.ui, "export-table", {view.ui.csv_path});
  const auto runs = view.session.runs();
  std::vector<session::ComparedRun> compared;
  for (const auto& r : runs) compared.push_back(session::compared_run(*r.snapshot));
  session::CompareOptions options;
  const session::Snapshot* last = runs.empty() ? nullptr : runs.back().snapshot.get();
  if (last && view.ui.region >= 0 && view.ui.region < static_cast<int>(last->country_ids.size()))
    options.country = last->country_ids[static_cast<std::size_t>(view.ui.region)];
  ImGui::TextDisabled("%s; means over replications; the Region of the Charts tab picks a country.",
                      options.country.empty() ? "All countries" : options.country.c_str());
  if (runs.size() < 2) ImGui::TextDisabled("Keep a run (or use 'Compare with...') to see runs side by side.");
  if (runs.empty()) return;
  const session::Comparison comparison = session::compare_runs(compared, options);
  ImGui::BeginChild("tables", {0, 0}, false, ImGuiWindowFlags_HorizontalScrollbar);
  for (const std::string& note : session::pairing_notes(comparison, compared))
    ImGui::TextDisabled("%s", note.c_str());
  for (const std::string& w : comparison.warnings) ImGui::TextColored({1, 0.7f, 0.3f, 1}, "%s", w.c_str());
  const auto tables = session::compare_tables(comparison);
  for (std::size_t i = 0; i < tables.size(); ++i) draw_table(tables[i], static_cast<int>(i));
  ImGui::EndChild();
}

}  // namespace score::viewer
