// score-viewer: open a scenario, change its levers, run it in the background
// and compare runs on charts (docs/viewer.md).
//
//   score-viewer [SCENARIO] [--script FILE] [--screenshot OUT.png] [--size WxH]
//   score-viewer --commands   (the actions a script can call, one a line)
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "action_table.hpp"
#include "app.hpp"
#include "capture.hpp"
#include "chart.hpp"
#include "script.hpp"

namespace {

struct Options {
  std::string scenario, script, screenshot;
  int width = 1600, height = 1000;
  bool list_commands = false;
};

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--script" && has_value)
      o.script = argv[++i];
    else if (arg == "--screenshot" && has_value)
      o.screenshot = argv[++i];
    else if (arg == "--size" && has_value && std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) == 2)
      continue;
    else if (arg == "--commands")
      o.list_commands = true;
    else if (!arg.starts_with("-") && o.scenario.empty())
      o.scenario = arg;
    else
      return std::nullopt;
  }
  return o;
}

GLFWwindow* open_window(const Options& o) {
  glfwSetErrorCallback(
      [](int code, const char* text) { std::fprintf(stderr, "score-viewer: GLFW %d: %s\n", code, text); });
  if (!glfwInit()) return nullptr;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(o.width, o.height, "score-viewer", nullptr, nullptr);
  if (!window) return nullptr;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(o.script.empty() ? 1 : 0);  // scripts run as fast as frames render
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  return window;
}

void render(GLFWwindow* window, score::viewer::App& app) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  score::viewer::draw_frame(app);
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.08f, 0.08f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  score::viewer::take_captures(app);
  glfwSwapBuffers(window);
}

// Draws at most 30 frames a second while a run grows the charts, so the UI
// leaves the cores to the engine; otherwise sleeps until input, or, under a
// script, goes straight on.
void wait_for_events(const score::viewer::App& app, bool scripted) {
  const bool busy =
      app.session.status() == score::session::RunStatus::running ||
      (app.session.pinned() && app.session.pinned()->status == score::session::RunStatus::running);
  if (busy)
    glfwWaitEventsTimeout(1.0 / 30);
  else if (scripted)
    glfwPollEvents();
  else
    glfwWaitEventsTimeout(0.5);
}

int loop(GLFWwindow* window, score::viewer::App& app, const Options& o) {
  std::unique_ptr<score::viewer::ScriptRunner> script;
  if (!o.script.empty()) script = std::make_unique<score::viewer::ScriptRunner>(o.script);
  score::viewer::set_chart_hover(script == nullptr);
  while (!glfwWindowShouldClose(window)) {
    wait_for_events(app, script != nullptr);
    render(window, app);
    if (script && !script->advance(app)) break;
  }
  if (!o.screenshot.empty()) {
    score::viewer::export_png(app, "", o.screenshot);
    render(window, app);
    render(window, app);  // the first frame after a script may still lay out
  }
  return script ? script->exit_code() : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse(argc, argv);
  if (!options) {
    std::fprintf(stderr,
                 "usage: score-viewer [SCENARIO] [--script FILE] [--screenshot OUT.png] [--size WxH]\n"
                 "       score-viewer --commands\n");
    return 2;
  }
  if (options->list_commands) {  // no window: for the docs check
    for (const auto& action : score::viewer::actions())
      std::printf("%.*s\n", static_cast<int>(action.name.size()), action.name.data());
    return 0;
  }
  GLFWwindow* window = open_window(*options);
  if (!window) {
    std::fprintf(stderr, "score-viewer: cannot open a window (is there a display?)\n");
    return 1;
  }
  int code = 0;
  {
    score::viewer::App app;
    app.scenario_files = score::viewer::find_scenarios();
    app.session.watch_network(0);
    if (!options->scenario.empty()) score::viewer::open_scenario(app, options->scenario);
    try {
      code = loop(window, app, *options);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "score-viewer: %s\n", e.what());
      code = 1;
    }
  }  // the session's runs stop here, before the window goes
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return code;
}
