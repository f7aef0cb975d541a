// The Planning tab: the answer of a goal seek (`score seek`, saved to a
// file) with its interval and the lever values tried, and the decision
// table of a policies x uncertainties sweep: per criterion each option's
// spread over the uncertain points, its regret and the share of points
// meeting the threshold, the robust option marked.
#include <cmath>
#include <cstdio>

#include "panels.hpp"

namespace score::viewer {
namespace {

const ImVec4 kAnswer{0.45f, 0.85f, 0.45f, 1}, kNone{1, 0.7f, 0.3f, 1}, kTitle{0.7f, 0.8f, 1, 1};

void path_row(const char* id, char* path, std::size_t size, float width) {
  ImGui::SetNextItemWidth(width);
  ImGui::InputText(id, path, size);
  ImGui::SameLine();
}

void seek_panel(const SeekText& s) {
  ImGui::TextWrapped("%s", s.question.c_str());
  if (s.answered)
    ImGui::TextColored(kAnswer, "Answer: %s = %s   (%s%% interval [%s, %s])", s.lever.c_str(),
                       s.answer.c_str(), s.confidence.c_str(), s.interval_lo.c_str(), s.interval_hi.c_str());
  else
    ImGui::TextColored(kNone, "No answer%s%s", s.no_answer.empty() ? "" : ": ", s.no_answer.c_str());
  if (!s.runs.empty()) ImGui::TextDisabled("%s", s.runs.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (s.probes.empty() || !ImGui::BeginTable("probes", 6, flags)) return;
  for (const char* h : {"lever value", "runs", "met", "P(met)", "interval of P", "verdict"})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (const SeekProbe& p : s.probes) {
    ImGui::TableNextRow();
    for (const std::string* cell : {&p.value, &p.runs, &p.met, &p.probability, &p.interval, &p.verdict}) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(cell->c_str());
    }
  }
  ImGui::EndTable();
}

std::string number(double v) {
  if (std::isnan(v)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string percent(double share) {
  if (std::isnan(share)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * share);
  return buf;
}

void criterion_table(const sweep::DecisionTable& t, const sweep::CriterionScores& c, int index) {
  const sweep::Criterion& k = c.criterion;
  std::string title = k.summary + ", phase " + k.phase + " (" + (k.maximise ? "more" : "less") + " is better";
  if (k.threshold) title += "; threshold " + std::string(k.maximise ? ">= " : "<= ") + number(*k.threshold);
  ImGui::TextColored(kTitle, "%s)", title.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable(("criterion" + std::to_string(index)).c_str(), 8, flags)) return;
  for (const char* h :
       {"option", "mean", "p05", "p50", "p95", "mean regret", "max regret", "meets threshold"})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (std::size_t o = 0; o < t.options.size(); ++o) {
    const sweep::OptionScore& s = c.options[o];
    const bool robust = static_cast<int>(o) == c.least_max_regret;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (robust)
      ImGui::TextColored(kAnswer, "%s (least max regret)", t.options[o].c_str());
    else
      ImGui::TextUnformatted(t.options[o].c_str());
    for (double v : {s.mean, s.p05, s.p50, s.p95, s.mean_regret, s.max_regret}) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(number(v).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent(s.satisficing).c_str());
  }
  ImGui::EndTable();
}

void decision_panel(const sweep::DecisionTable& t) {
  ImGui::TextWrapped(
      "%zu policy options, each at the same %d uncertain points (means over replications). "
      "Regret: the shortfall against the best option at the same point.",
      t.options.size(), t.points);
  for (std::size_t i = 0; i < t.criteria.size(); ++i) criterion_table(t, t.criteria[i], static_cast<int>(i));
  if (t.most_satisficing < 0) return;
  std::string shares;
  for (std::size_t o = 0; o < t.options.size(); ++o)
    shares += (shares.empty() ? "" : ", ") + t.options[o] + " " + percent(t.all_met[o]);
  ImGui::TextWrapped("Share of the points where an option meets every threshold: %s", shares.c_str());
  const double best = t.all_met[static_cast<std::size_t>(t.most_satisficing)];
  if (best == 0) return ImGui::TextColored(kNone, "No option meets every threshold at any point.");
  ImGui::TextColored(kAnswer, "Robust option: %s (meets every threshold at %.0f%% of the points)",
                     t.options[static_cast<std::size_t>(t.most_satisficing)].c_str(), 100 * best);
}

}  // namespace

void draw_planning(const View& view) {
  UiState& ui = view.ui;
  path_row("##seek", ui.seek_path, sizeof ui.seek_path, 260);
  if (ImGui::Button("Open seek result")) request(ui, "open-seek", {ui.seek_path});
  ImGui::SameLine();
  ImGui::TextDisabled("(score seek ... > FILE)");
  path_row("##policy_sweep", ui.policy_sweep_path, sizeof ui.policy_sweep_path, 260);
  path_row("##policy_results", ui.policy_results_path, sizeof ui.policy_results_path, 220);
  if (ImGui::Button("Open policy sweep"))
    request(ui, "open-policies", {ui.policy_sweep_path, ui.policy_results_path});
  ImGui::Separator();
  ImGui::BeginChild("planning", {0, 0}, false);
  ImGui::TextColored(kTitle, "Goal seek%s%s", ui.seek_file.empty() ? "" : ": ", ui.seek_file.c_str());
  if (ui.seek)
    seek_panel(*ui.seek);
  else
    ImGui::TextDisabled("No seek result open.");
  ImGui::Separator();
  ImGui::TextColored(kTitle, "Policy decision table%s%s", ui.decision_file.empty() ? "" : ": ",
                     ui.decision_file.c_str());
  if (ui.decision)
    decision_panel(*ui.decision);
  else
    ImGui::TextDisabled("No policy sweep open.");
  ImGui::EndChild();
}

}  // namespace score::viewer
