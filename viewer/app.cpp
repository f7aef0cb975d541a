#include "app.hpp"

#include <algorithm>

#include "panels.hpp"

namespace score::viewer {
namespace {

void draw_message(App& app) {
  if (app.ui.message_follows_run) app.ui.message = run_message(app);
  if (app.ui.message.empty()) return;
  const bool stale = app.ui.message_follows_run && app.session.current_stale();
  const ImVec4 color = app.ui.message_is_error ? ImVec4(1.0f, 0.4f, 0.4f, 1.0f)
                       : stale                 ? ImVec4(1.0f, 0.7f, 0.3f, 1.0f)
                                               : ImVec4(0.6f, 0.9f, 0.6f, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", app.ui.message.c_str());
  ImGui::PopStyleColor();
}

void tab(const View& view, const char* label, Tab which, void (*draw)(const View&)) {
  const ImGuiTabItemFlags flags =
      view.ui.tab_requested && view.ui.tab == which ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label, nullptr, flags)) {
    if (!view.ui.tab_requested) view.ui.tab = which;
    draw(view);
    ImGui::EndTabItem();
  }
}

void draw_tabs(const View& view) {
  if (!ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  tab(view, "Charts", Tab::charts, draw_charts);
  tab(view, "Compare", Tab::compare, draw_compare);
  tab(view, "Runs", Tab::runs, draw_runs);
  tab(view, "Results files", Tab::results, draw_results);
  tab(view, "Planning", Tab::planning, draw_planning);
  tab(view, "Network", Tab::network, draw_network);
  tab(view, "Files", Tab::files, draw_browser);
  view.ui.tab_requested = false;
  ImGui::EndTabBar();
}

// A thin bar between the levers and the tabs: drag it to resize the levers.
void splitter(App& app) {
  ImGui::SameLine(0, 0);
  ImGui::Button("##splitter", {6, -1});
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive()) app.ui.lever_width += ImGui::GetIO().MouseDelta.x;
  ImGui::SameLine(0, 0);
}

}  // namespace

void draw_frame(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("score-viewer", nullptr, flags);
  app.ui.chart_rects.clear();
  const View view{app.session, app.ui, app.scenario_files};
  draw_run_controls(view);
  draw_files(view);
  draw_message(app);
  ImGui::Separator();
  // The levers take at most 45 % of a small window, so the tabs stay usable.
  const float most = std::max(200.0f, 0.45f * io.DisplaySize.x);
  app.ui.lever_width = std::clamp(app.ui.lever_width, 180.0f, most);
  ImGui::BeginChild("levers", {app.ui.lever_width, 0}, true, ImGuiWindowFlags_HorizontalScrollbar);
  draw_levers(view);
  ImGui::EndChild();
  splitter(app);
  ImGui::BeginChild("main", {0, 0}, false);
  draw_tabs(view);
  ImGui::EndChild();
  ImGui::End();
  run_requests(app);  // what was clicked, once the frame that showed it is drawn
  draw_chart_export(view);
}

}  // namespace score::viewer
