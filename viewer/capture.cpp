#include "capture.hpp"

#include <GLFW/glfw3.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace score::viewer {
namespace {

// Writes the framebuffer rectangle [x0, x1) x [y0, y1) (top-left origin) as a PNG.
bool write_png(const std::filesystem::path& file, int x0, int y0, int x1, int y1, int height) {
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return false;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x0, height - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows run bottom-up; PNG's top-down.
  const std::size_t row = static_cast<std::size_t>(w) * 4;
  std::vector<std::uint8_t> flipped(pixels.size());
  for (int y = 0; y < h; ++y)
    std::copy_n(pixels.data() + static_cast<std::size_t>(h - 1 - y) * row, row,
                flipped.data() + static_cast<std::size_t>(y) * row);
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // opaque, whatever the clear alpha
  return stbi_write_png(file.string().c_str(), w, h, 4, flipped.data(), static_cast<int>(row)) != 0;
}

int scaled(float v, float scale) { return static_cast<int>(std::lround(v * scale)); }

}  // namespace

void take_captures(App& app) {
  if (app.ui.captures.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const int width = scaled(io.DisplaySize.x, sx), height = scaled(io.DisplaySize.y, sy);
  for (const UiState::Capture& c : app.ui.captures) {
    ImVec4 r{0, 0, io.DisplaySize.x, io.DisplaySize.y};
    if (!c.chart.empty()) {
      const auto it = app.ui.chart_rects.find(c.chart);
      if (it == app.ui.chart_rects.end()) {
        app.ui.message = app.ui.capture_error = "no chart '" + c.chart + "' drawn to export";
        app.ui.message_is_error = true;
        continue;
      }
      r = it->second;
    }
    const int x0 = std::clamp(scaled(r.x, sx), 0, width), y0 = std::clamp(scaled(r.y, sy), 0, height);
    const int x1 = std::clamp(scaled(r.z, sx), 0, width), y1 = std::clamp(scaled(r.w, sy), 0, height);
    if (!write_png(c.file, x0, y0, x1, y1, height)) {
      app.ui.message = app.ui.capture_error = c.file.string() + ": cannot write the PNG";
      app.ui.message_is_error = true;
      app.ui.message_follows_run = false;
    } else if (!c.chart.empty()) {
      app.ui.message =
          "saved " + c.file.string() + " (" + std::to_string(x1 - x0) + "x" + std::to_string(y1 - y0) + ")";
      app.ui.message_is_error = false;
      app.ui.message_follows_run = false;
    }
  }
  app.ui.captures.clear();
}

}  // namespace score::viewer
