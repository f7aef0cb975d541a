#include "app.hpp"

#include "panels.hpp"

namespace score::viewer {
namespace {

constexpr float kLeverWidth = 440;

void draw_message(const App& app) {
  if (app.ui.message.empty()) return;
  const ImVec4 color =
      app.ui.message_is_error ? ImVec4(1.0f, 0.4f, 0.4f, 1.0f) : ImVec4(0.6f, 0.9f, 0.6f, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", app.ui.message.c_str());
  ImGui::PopStyleColor();
}

void tab(App& app, const char* label, Tab which, void (*draw)(App&)) {
  const ImGuiTabItemFlags flags =
      app.ui.tab_requested && app.ui.tab == which ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label, nullptr, flags)) {
    if (!app.ui.tab_requested) app.ui.tab = which;
    draw(app);
    ImGui::EndTabItem();
  }
}

void draw_tabs(App& app) {
  if (!ImGui::BeginTabBar("tabs")) return;
  tab(app, "Charts", Tab::charts, draw_charts);
  tab(app, "Compare", Tab::compare, draw_compare);
  tab(app, "Results files", Tab::results, draw_results);
  tab(app, "Network", Tab::network, draw_network);
  app.ui.tab_requested = false;
  ImGui::EndTabBar();
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
  draw_run_controls(app);
  draw_files(app);
  draw_message(app);
  ImGui::Separator();
  ImGui::BeginChild("levers", {kLeverWidth, 0}, true);
  draw_levers(app);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("main", {0, 0}, false);
  draw_tabs(app);
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace score::viewer
