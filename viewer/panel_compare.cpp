// The comparison table for people: every run of the library against the
// first, phase by phase (named, with dates) and over the programme, in the
// readable text of `score compare` and `score report`: thousands
// separators, currency and percent, each difference with its interval
// (paired when the runs share seeds) and what it means, coloured better or
// worse by what the output is for. All countries, or one on request.
#include <algorithm>

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

// The widest piece of `text` that wrapping cannot break (a word).
float widest_word(const std::string& text) {
  float widest = 0;
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t space = std::min(text.find(' ', from), text.size());
    widest = std::max(widest, ImGui::CalcTextSize(text.data() + from, text.data() + space).x);
    from = space + 1;
  }
  return widest;
}

// Text in a colour, wrapped at spaces only (ImGui's wrapping would also
// break "1,308,240" after a comma); counts it in `cut` when a word is wider
// than the column.
void cell_text(const std::string& text, ImVec4 colour, int& cut) {
  const float width = ImGui::GetContentRegionAvail().x + 0.5f;
  if (widest_word(text) > width) ++cut;
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  std::size_t line = 0, end = 0;  // the line being filled: [line, end)
  while (end < text.size()) {
    const std::size_t next = std::min(text.find(' ', end + 1), text.size());
    if (end > line && ImGui::CalcTextSize(text.data() + line, text.data() + next).x > width) {
      ImGui::TextUnformatted(text.data() + line, text.data() + end);
      line = end + 1;  // the space starts no line
    }
    end = next;
  }
  ImGui::TextUnformatted(text.data() + std::min(line, text.size()), text.data() + text.size());
  ImGui::PopStyleColor();
}

// Each column as wide as its widest word, the rest of the width shared in
// proportion, every cell wrapped: four runs fit at 1280x720 without
// scrolling (a difference's interval and verdict go under its value).
void setup_columns(const session::CompareTable& t) {
  std::vector<float> widest(t.header.size(), 0);
  for (std::size_t c = 0; c < t.header.size(); ++c) widest[c] = widest_word(t.header[c]);
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size() && c < widest.size(); ++c)
      widest[c] = std::max({widest[c], widest_word(row[c].text), widest_word(row[c].detail)});
  widest[0] *= 2;  // the summary's long name reads better on fewer lines
  for (std::size_t c = 0; c < t.header.size(); ++c)
    ImGui::TableSetupColumn(t.header[c].c_str(), ImGuiTableColumnFlags_WidthStretch, widest[c] + 8);
}

void draw_table(const session::CompareTable& t, int index, UiState& ui) {
  ImGui::TextColored({0.7f, 0.8f, 1, 1}, "%s", t.title.c_str());
  const int columns = static_cast<int>(t.header.size());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(("table" + std::to_string(index)).c_str(), columns, flags)) return;
  setup_columns(t);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (const std::string& h : t.header) {
    ImGui::TableNextColumn();
    cell_text(h, ImGui::GetStyleColorVec4(ImGuiCol_Text), ui.compare_cut);
  }
  for (const auto& row : t.rows) {
    ImGui::TableNextRow();
    for (const session::TableCell& cell : row) {
      ImGui::TableNextColumn();
      const ImVec4 c = colour(cell.judgement);
      cell_text(cell.text, c, ui.compare_cut);
      if (!cell.detail.empty()) cell_text(cell.detail, c, ui.compare_cut);
    }
  }
  ImGui::EndTable();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
  if (ImGui::GetItemRectMax().x <= right + 0.5f)
    ui.compare_columns_shown = std::max(ui.compare_columns_shown, columns);
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
  ImGui::BeginChild("tables", {0, 0}, false);  // no horizontal scrolling: the tables fit the width
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  for (const std::string& note : session::pairing_notes(comparison, compared))
    ImGui::TextWrapped("%s", note.c_str());
  ImGui::PopStyleColor();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1, 0.7f, 0.3f, 1});
  for (const std::string& w : comparison.warnings) ImGui::TextWrapped("%s", w.c_str());
  ImGui::PopStyleColor();
  const auto tables = session::compare_tables(comparison);
  view.ui.compare_cut = 0, view.ui.compare_columns_shown = 0;
  for (std::size_t i = 0; i < tables.size(); ++i) draw_table(tables[i], static_cast<int>(i), view.ui);
  ImGui::EndChild();
}

}  // namespace score::viewer
