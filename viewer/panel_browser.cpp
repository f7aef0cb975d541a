// A file browser in the window: folders to walk, scenarios (.toml) to open,
// results (.h5) to open as runs or sweeps.
#include <algorithm>

#include "panels.hpp"

namespace score::viewer {
namespace {

struct Entry {
  std::filesystem::path path;
  bool folder;
};

std::vector<Entry> list(const std::filesystem::path& dir) {
  std::vector<Entry> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const bool folder = e.is_directory(ec);
    const auto ext = e.path().extension();
    if (e.path().filename().string().starts_with(".")) continue;
    if (folder || ext == ".toml" || ext == ".h5") out.push_back({e.path(), folder});
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.folder != b.folder ? a.folder : a.path.filename() < b.path.filename();
  });
  return out;
}

void go_to(UiState& ui, const std::filesystem::path& dir) {
  const std::string text = dir.lexically_normal().string();
  std::snprintf(ui.browse_dir, sizeof ui.browse_dir, "%s", text.empty() ? "." : text.c_str());
}

}  // namespace

bool browse(App& app, const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return outcome(app, dir.string() + ": not a folder", "");
  go_to(app.ui, dir);
  show_tab(app, Tab::files);
  return true;
}

bool browse_open(App& app, const std::string& name) {
  for (const Entry& e : list(app.ui.browse_dir)) {
    if (e.path.filename() != name) continue;
    if (e.folder) return browse(app, e.path);
    return e.path.extension() == ".toml" ? open_scenario(app, e.path) : open_results(app, e.path);
  }
  return outcome(app, "no '" + name + "' listed in " + app.ui.browse_dir, "");
}

void draw_browser(const View& view) {
  ImGui::SetNextItemWidth(360);
  ImGui::InputText("folder", view.ui.browse_dir, sizeof view.ui.browse_dir);
  ImGui::SameLine();
  if (ImGui::Button("Up"))
    request(view.ui, "browse", {(std::filesystem::path(view.ui.browse_dir) / "..").string()});
  ImGui::TextDisabled("Scenarios (.toml) open with their levers; results (.h5) open as a run or a sweep.");
  ImGui::BeginChild("entries", {0, 0}, true);
  for (const Entry& e : list(view.ui.browse_dir)) {
    const std::string name = e.path.filename().string() + (e.folder ? "/" : "");
    if (ImGui::Selectable(name.c_str())) request(view.ui, "browse-open", {e.path.filename().string()});
  }
  ImGui::EndChild();
}

}  // namespace score::viewer
