// The comparison table for people: every run of the library side by side,
// the first as the baseline, each other with its difference from it; values
// with thousands separators, currency and percent; differences coloured
// better or worse by what each output is for, rounding noise shown as no
// change; phases by name and dates, then the programme's totals.
#include <cmath>

#include "chart.hpp"
#include "panels.hpp"
#include "session/format.hpp"
#include "session/totals.hpp"
#include "session/words.hpp"

namespace score::viewer {
namespace {

using Runs = std::vector<session::Session::RunView>;

const ImVec4 kBetter{0.45f, 0.85f, 0.45f, 1}, kWorse{1, 0.45f, 0.4f, 1}, kNeutral{0.8f, 0.8f, 0.8f, 1};

void value_cell(double v, session::Kind kind) {
  ImGui::TableNextColumn();
  if (std::isnan(v))
    ImGui::TextDisabled("-");
  else
    ImGui::TextUnformatted(session::format_value(v, kind).c_str());
}

void difference_cell(sim::Summary s, double base, double value) {
  ImGui::TableNextColumn();
  if (std::isnan(base) || std::isnan(value)) return ImGui::TextDisabled("-");
  const bool noise = session::is_noise(base, value);
  if (noise) return ImGui::TextDisabled("no change");
  const double d = value - base, rel = base != 0 ? d / std::fabs(base) : NAN;
  const int j = session::judgement(s, d, noise);
  ImGui::TextColored(j > 0   ? kBetter
                     : j < 0 ? kWorse
                             : kNeutral,
                     "%s", session::format_difference(d, rel, session::kind_of(s)).c_str());
}

void headers(const Runs& runs) {
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("output", ImGuiTableColumnFlags_WidthFixed, 260);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::string name = runs[i].snapshot->label + (i == 0 ? " (baseline)" : "");
    ImGui::TableSetupColumn(name.c_str());
    if (i > 0) ImGui::TableSetupColumn(("vs baseline##" + std::to_string(i)).c_str());
  }
  ImGui::TableHeadersRow();
}

// One output's row: the value of every run and each one's difference.
void row(const Runs& runs, sim::Summary s, const std::vector<double>& values) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(sim::summary_catalogue()[static_cast<std::size_t>(s)].long_name);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    value_cell(values[i], session::kind_of(s));
    if (i > 0) difference_cell(s, values[0], values[i]);
  }
}

void heading_row(const std::string& text) {
  ImGui::TableNextRow(ImGuiTableRowFlags_None);
  ImGui::TableNextColumn();
  ImGui::TextColored({0.7f, 0.8f, 1, 1}, "%s", text.c_str());
}

double phase_mean(const session::Snapshot& s, const std::string& phase, sim::Summary which) {
  for (std::size_t p = 0; p < s.phases.size(); ++p) {
    if (s.phases[p].id != phase || s.summaries.empty()) continue;
    double sum = 0;
    for (const auto& ps : s.summaries) sum += ps.total(static_cast<int>(p), which);
    return sum / static_cast<double>(s.summaries.size());
  }
  return NAN;
}

void table(const Runs& runs) {
  const int columns = 1 + static_cast<int>(2 * runs.size() - 1);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("comparison", columns, flags)) return;
  headers(runs);
  const session::Snapshot& shape = *runs.back().snapshot;
  for (const session::PhaseSpan& phase : shape.phases) {
    heading_row(session::phase_title(phase, shape.start));
    for (sim::Summary s : session::compared_summaries()) {
      std::vector<double> values;
      for (const auto& r : runs) values.push_back(phase_mean(*r.snapshot, phase.id, s));
      row(runs, s, values);
    }
  }
  heading_row("Programme totals, all phases");
  for (sim::Summary s : session::compared_summaries()) {
    if (s == sim::Summary::firms_trained_total) continue;  // the same as firms trained over the programme
    std::vector<double> values;
    for (const auto& r : runs) values.push_back(session::mean_programme_total(*r.snapshot, s));
    row(runs, s, values);
  }
  ImGui::EndTable();
}

}  // namespace

void draw_compare(App& app) {
  ImGui::SetNextItemWidth(240);
  ImGui::InputText("##csv", app.ui.csv_path, sizeof app.ui.csv_path);
  ImGui::SameLine();
  if (ImGui::Button("Export table as CSV")) export_table(app, app.ui.csv_path);
  const Runs runs = app.session.runs();
  if (runs.size() < 2) ImGui::TextDisabled("Keep a run (or use 'Compare with...') to see runs side by side.");
  ImGui::TextDisabled(
      "Means over replications, all countries; green better, red worse for what each output is for; a run's "
      "phases fill in once it has finished.");
  if (!runs.empty()) table(runs);
}

}  // namespace score::viewer
