#include "chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace score::viewer {
namespace {

constexpr float kLeft = 58, kRight = 10, kTop = 22, kBottom = 34;

// The plotting area inside a chart's rectangle, and the value range it maps.
struct Frame {
  ImVec2 min, max;  // plot area, screen coordinates
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  ImVec2 at(double x, double y) const {
    const double fx = (x - x0) / (x1 - x0), fy = (y - y0) / (y1 - y0);
    return {min.x + static_cast<float>(fx) * (max.x - min.x),
            max.y - static_cast<float>(fy) * (max.y - min.y)};
  }
};

// A "nice" step (1, 2 or 5 times a power of ten) giving about `count` ticks.
double nice_step(double span, int count) {
  const double raw = span / std::max(count, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power) return m * power;
  return 10 * power;
}

void y_range(const std::vector<Line>& lines, double& lo, double& hi) {
  lo = 0;
  hi = 0;
  for (const Line& l : lines)
    for (const auto* v : {&l.mid, &l.hi})
      for (double x : *v)
        if (std::isfinite(x)) {
          lo = std::min(lo, x);
          hi = std::max(hi, x);
        }
  if (hi <= lo) hi = lo + 1;
  hi += 0.08 * (hi - lo);  // headroom for the phase labels and the legend
  const double step = nice_step(hi - lo, 5);
  hi = std::ceil(hi / step) * step;
}

ImU32 gray(int v, int alpha = 255) { return IM_COL32(v, v, v, alpha); }

void y_axis(ImDrawList* dl, const Frame& f) {
  const double step = nice_step(f.y1 - f.y0, 5);
  if (!(step > 0) || !std::isfinite(step)) return;
  for (double y = std::ceil(f.y0 / step) * step; y <= f.y1 + step * 1e-9; y += step) {
    const ImVec2 p = f.at(f.x0, y);
    dl->AddLine({f.min.x, p.y}, {f.max.x, p.y}, gray(90, 90));
    const std::string text = short_number(y);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    dl->AddText({f.min.x - ts.x - 6, p.y - ts.y / 2}, gray(200), text.c_str());
  }
}

void x_axis_months(ImDrawList* dl, const Frame& f, const TimeAxis& axis) {
  const int years = std::max(1, axis.steps / 12);
  const int every = std::max(
      1, static_cast<int>(nice_step(years, std::max(2, static_cast<int>((f.max.x - f.min.x) / 70)))));
  for (int s = 0; s < axis.steps; ++s) {
    const YearMonth ym = axis.start.plus(s);
    if (ym.month != 1 || ym.year % every != 0) continue;
    const ImVec2 p = f.at(s, f.y0);
    dl->AddLine({p.x, f.max.y}, {p.x, f.max.y + 4}, gray(200));
    const std::string text = std::to_string(ym.year);
    dl->AddText({p.x - ImGui::CalcTextSize(text.c_str()).x / 2, f.max.y + 6}, gray(200), text.c_str());
  }
}

void shade_phases(ImDrawList* dl, const Frame& f, const TimeAxis& axis) {
  for (std::size_t i = 0; i < axis.phases.size(); ++i) {
    const auto& p = axis.phases[i];
    const ImVec2 a = f.at(p.first_step - 0.5, f.y1), b = f.at(p.last_step + 0.5, f.y0);
    dl->AddRectFilled({std::max(a.x, f.min.x), f.min.y}, {std::min(b.x, f.max.x), f.max.y},
                      i % 2 ? IM_COL32(255, 255, 255, 10) : IM_COL32(120, 160, 255, 22));
    dl->AddText({std::max(a.x, f.min.x) + 3, f.min.y + 2}, gray(160), p.id.c_str());
  }
}

void draw_band(ImDrawList* dl, const Frame& f, const Line& l) {
  const ImU32 fill = (l.color & 0x00FFFFFFu) | (60u << 24);
  const std::size_t n = std::min(l.lo.size(), l.hi.size());
  for (std::size_t s = 1; s < n; ++s) {
    if (!std::isfinite(l.lo[s - 1] + l.hi[s - 1] + l.lo[s] + l.hi[s])) continue;
    const double a = static_cast<double>(s - 1), b = static_cast<double>(s);
    dl->AddQuadFilled(f.at(a, l.lo[s - 1]), f.at(a, l.hi[s - 1]), f.at(b, l.hi[s]), f.at(b, l.lo[s]), fill);
  }
}

void draw_line(ImDrawList* dl, const Frame& f, const Line& l) {
  std::vector<ImVec2> run;
  auto flush = [&] {
    if (run.size() > 1) dl->AddPolyline(run.data(), static_cast<int>(run.size()), l.color, 0, 2.0f);
    run.clear();
  };
  for (std::size_t s = 0; s < l.mid.size(); ++s) {
    if (std::isfinite(l.mid[s]))
      run.push_back(f.at(static_cast<double>(s), l.mid[s]));
    else
      flush();
  }
  flush();
}

void legend(ImDrawList* dl, const Frame& f, const std::vector<Line>& lines) {
  float x = f.min.x + 30, y = f.min.y + ImGui::GetTextLineHeight() + 4;  // below the phase labels
  for (const Line& l : lines) {
    const float w = ImGui::CalcTextSize(l.label.c_str()).x;
    if (x + w + 20 > f.max.x) {
      x = f.min.x + 30;
      y += ImGui::GetTextLineHeight();
    }
    dl->AddRectFilled({x, y + 4}, {x + 10, y + 12}, l.color);
    dl->AddText({x + 14, y}, gray(230), l.label.c_str());
    x += w + 28;
  }
}

void hover(const Frame& f, const TimeAxis& axis, const char* units, const std::vector<Line>& lines) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (m.x < f.min.x || m.x > f.max.x || m.y < f.min.y || m.y > f.max.y) return;
  const int s = static_cast<int>(std::lround(f.x0 + (m.x - f.min.x) / (f.max.x - f.min.x) * (f.x1 - f.x0)));
  if (s < 0 || s >= axis.steps) return;
  ImGui::GetWindowDrawList()->AddLine({f.at(s, 0).x, f.min.y}, {f.at(s, 0).x, f.max.y}, gray(220, 120));
  ImGui::BeginTooltip();
  ImGui::Text("%s", format_year_month(axis.start.plus(s)).c_str());
  for (const Line& l : lines) {
    if (static_cast<std::size_t>(s) >= l.mid.size()) continue;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(l.color), "%s: %.6g %s", l.label.c_str(), l.mid[s],
                       units);
    if (static_cast<std::size_t>(s) < l.lo.size()) ImGui::Text("    5-95%%: %.6g to %.6g", l.lo[s], l.hi[s]);
  }
  ImGui::EndTooltip();
}

// Reserves the chart's rectangle and draws its frame; returns the plot area.
Frame begin_chart(const char* title, ImVec2 size, ImVec4& rect) {
  size = {std::max(size.x, 200.0f), std::max(size.y, 120.0f)};  // ImGui refuses empty items
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, IM_COL32(28, 30, 36, 255));
  dl->AddText({origin.x + 6, origin.y + 3}, gray(240), title);
  rect = {origin.x, origin.y, origin.x + size.x, origin.y + size.y};
  Frame f;
  f.min = {origin.x + kLeft, origin.y + kTop};
  f.max = {origin.x + size.x - kRight, origin.y + size.y - kBottom};
  return f;
}

}  // namespace

std::string short_number(double v) {
  char buf[32];
  const double a = std::fabs(v);
  if (a >= 1e9)
    std::snprintf(buf, sizeof buf, "%.3gG", v / 1e9);
  else if (a >= 1e6)
    std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
  else if (a >= 1e4)
    std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.4g", v);  // 2000, not 2e+03
  return buf;
}

ImU32 palette(int i, int alpha) {
  static const int colors[][3] = {{90, 170, 255},  {255, 150, 60}, {110, 210, 120}, {235, 90, 110},
                                  {190, 140, 255}, {240, 220, 90}, {90, 220, 220},  {200, 200, 200}};
  const auto& c = colors[static_cast<std::size_t>(i) % 8];
  return IM_COL32(c[0], c[1], c[2], alpha);
}

ImVec4 draw_time_chart(const char* title, const char* units, const TimeAxis& axis,
                       const std::vector<Line>& lines, ImVec2 size) {
  ImVec4 rect;
  Frame f = begin_chart(title, size, rect);
  f.x0 = -0.5;
  f.x1 = std::max(axis.steps, 1) - 0.5;
  y_range(lines, f.y0, f.y1);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  shade_phases(dl, f, axis);
  y_axis(dl, f);
  x_axis_months(dl, f, axis);
  dl->AddText({rect.x + 6, rect.w - ImGui::GetTextLineHeight() - 2}, gray(150), units);
  dl->PushClipRect(f.min, f.max, true);
  for (const Line& l : lines) draw_band(dl, f, l);
  for (const Line& l : lines) draw_line(dl, f, l);
  dl->PopClipRect();
  legend(dl, f, lines);
  hover(f, axis, units, lines);
  return rect;
}

void draw_scatter(const char* title, const char* x_label, const char* y_label,
                  const std::vector<Point>& points, ImVec2 size) {
  ImVec4 rect;
  Frame f = begin_chart(title, size, rect);
  f.x0 = f.y0 = INFINITY;
  f.x1 = f.y1 = -INFINITY;
  for (const Point& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    f.x0 = std::min(f.x0, p.x), f.x1 = std::max(f.x1, p.x);
    f.y0 = std::min(f.y0, p.y), f.y1 = std::max(f.y1, p.y);
  }
  if (!(f.x1 > f.x0)) f.x0 -= 1, f.x1 += 1;
  if (!(f.y1 > f.y0)) f.y0 -= 1, f.y1 += 1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  y_axis(dl, f);
  for (int i = 0; i <= 4; ++i) {
    const double x = f.x0 + (f.x1 - f.x0) * i / 4;
    const std::string text = short_number(x);
    dl->AddText({f.at(x, f.y0).x - ImGui::CalcTextSize(text.c_str()).x / 2, f.max.y + 4}, gray(200),
                text.c_str());
  }
  dl->AddText({f.min.x, rect.w - ImGui::GetTextLineHeight() - 2}, gray(170), x_label);
  dl->AddText({rect.x + 6, rect.y + 3 + ImGui::GetTextLineHeight()}, gray(170), y_label);
  for (const Point& p : points)
    if (std::isfinite(p.x) && std::isfinite(p.y)) dl->AddCircleFilled(f.at(p.x, p.y), 3, palette(0, 200));
}

void draw_bars(const char* title, const std::vector<Bar>& bars, ImVec2 size) {
  ImVec4 rect;
  Frame f = begin_chart(title, size, rect);
  f.x0 = 0;
  f.x1 = static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  f.y0 = 0;
  f.y1 = 0;
  for (const Bar& b : bars)
    if (std::isfinite(b.value)) f.y0 = std::min(f.y0, b.value), f.y1 = std::max(f.y1, b.value);
  if (f.y1 <= f.y0) f.y1 = f.y0 + 1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  y_axis(dl, f);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double x = static_cast<double>(i);
    const double v = std::isfinite(bars[i].value) ? bars[i].value : 0;
    dl->AddRectFilled(f.at(x + 0.15, std::max(v, 0.0)), f.at(x + 0.85, std::min(v, 0.0)),
                      palette(static_cast<int>(i)));
    const ImVec2 p = f.at(x + 0.15, f.y0);
    dl->PushClipRect({p.x, p.y}, {f.at(x + 1, f.y0).x, rect.w}, true);
    dl->AddText({p.x, p.y + 4}, gray(200), bars[i].label.c_str());
    dl->PopClipRect();
  }
}

}  // namespace score::viewer
