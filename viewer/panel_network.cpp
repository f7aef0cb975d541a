// One country's buyer -> supplier and association -> member graphs, from the
// first replication as the run goes: hubs on a circle, their members around
// them, firms coloured by state.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "panels.hpp"

namespace score::viewer {
namespace {

constexpr float kPi = 3.14159265f;

ImU32 state_color(session::NodeState s) {
  switch (s) {
    case session::NodeState::unaware:
      return IM_COL32(120, 120, 130, 255);
    case session::NodeState::aware:
      return IM_COL32(240, 190, 60, 255);
    case session::NodeState::trained:
      return IM_COL32(90, 210, 110, 255);
  }
  return 0;
}

// Where each hub sits: on a circle, buyers on one half, associations on the other.
std::vector<ImVec2> hub_positions(const session::NetworkView& net, ImVec2 centre, float radius) {
  std::vector<ImVec2> out;
  const auto n = static_cast<float>(std::max<std::size_t>(net.hubs.size(), 1));
  for (std::size_t h = 0; h < net.hubs.size(); ++h) {
    const float a = 2 * kPi * static_cast<float>(h) / n;
    out.push_back({centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)});
  }
  return out;
}

// A firm sits next to the first hub it belongs to, on a small spiral.
std::vector<ImVec2> firm_positions(const session::NetworkView& net, const std::vector<ImVec2>& hubs,
                                   ImVec2 centre) {
  std::vector<ImVec2> out(net.firms.size(), centre);
  std::vector<bool> placed(net.firms.size(), false);
  for (std::size_t h = 0; h < net.hubs.size(); ++h) {
    int k = 0;
    for (std::uint32_t f : net.hubs[h].members) {
      if (placed[f]) continue;
      placed[f] = true;
      const float a = 2.39996f * static_cast<float>(k), r = 14.0f + 5.0f * std::sqrt(static_cast<float>(k));
      ++k;
      out[f] = {hubs[h].x + r * std::cos(a) * 1.1f, hubs[h].y + r * std::sin(a)};
    }
  }
  return out;
}

void legend(const session::NetworkView& net) {
  const char* names[] = {"unaware", "aware", "trained"};
  for (int s = 0; s < 3; ++s) {
    ImGui::SameLine(0, 20);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_color(static_cast<session::NodeState>(s))),
                       "* %s: %d", names[s], net.counts[s]);
  }
  ImGui::SameLine(0, 20);
  ImGui::TextDisabled("squares: buyers, circles: associations (filled: partner / heard of SCORE)");
}

void draw_graph(const session::NetworkView& net, ImVec2 size) {
  size = {std::max(size.x, 200.0f), std::max(size.y, 200.0f)};  // ImGui refuses empty items
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("network", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, IM_COL32(28, 30, 36, 255));
  const ImVec2 centre{origin.x + size.x / 2, origin.y + size.y / 2};
  const auto hubs = hub_positions(net, centre, std::min(size.x, size.y) * 0.36f);
  const auto firms = firm_positions(net, hubs, centre);
  for (std::size_t h = 0; h < net.hubs.size(); ++h)
    for (std::uint32_t f : net.hubs[h].members) dl->AddLine(hubs[h], firms[f], IM_COL32(150, 150, 170, 40));
  for (std::size_t f = 0; f < firms.size(); ++f) dl->AddCircleFilled(firms[f], 3, state_color(net.firms[f]));
  for (std::size_t h = 0; h < net.hubs.size(); ++h) {
    const auto& hub = net.hubs[h];
    const ImU32 color = hub.buyer ? IM_COL32(90, 170, 255, 255) : IM_COL32(190, 140, 255, 255);
    const ImVec2 p = hubs[h];
    if (hub.buyer)
      hub.partner ? dl->AddRectFilled({p.x - 6, p.y - 6}, {p.x + 6, p.y + 6}, color)
                  : dl->AddRect({p.x - 6, p.y - 6}, {p.x + 6, p.y + 6}, color, 0, 0, 2);
    else
      hub.partner ? dl->AddCircleFilled(p, 6, color) : dl->AddCircle(p, 6, color, 0, 2);
  }
}

}  // namespace

void draw_network(const View& view) {
  const session::SnapshotPtr snap = view.session.current();
  if (!snap || snap->country_names.empty()) return ImGui::TextDisabled("Run a scenario to see its networks.");
  UiState& ui = view.ui;
  ImGui::SetNextItemWidth(180);
  const int shown = std::clamp(ui.network_country, 0, static_cast<int>(snap->country_names.size()) - 1);
  if (ImGui::BeginCombo("Country", snap->country_names[static_cast<std::size_t>(shown)].c_str())) {
    for (std::size_t c = 0; c < snap->country_names.size(); ++c)
      if (ImGui::Selectable(snap->country_names[c].c_str(), static_cast<int>(c) == shown)) {
        request(ui, "network", {snap->country_ids[c]});
      }
    ImGui::EndCombo();
  }
  const session::NetworkView& net = snap->network;
  if (net.country != shown)
    return ImGui::TextDisabled(
        "No network copied for this country yet: it comes with the next month simulated.");
  ImGui::SameLine(0, 20);
  ImGui::Text("month %d, replication 1", net.month);
  legend(net);
  draw_graph(net, ImGui::GetContentRegionAvail());
}

}  // namespace score::viewer
