#include "chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "axis_range.hpp"
#include "session/readable.hpp"
#include "session/words.hpp"

namespace score::viewer {
namespace {

constexpr float kLeft = 58, kRight = 10, kTop = 22, kBottom = 34;
bool hover_on = true;

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

// The value range (axis_range.hpp) with headroom for the labels and a nice
// top; on a log axis (values already log10) whole decades, nothing cut.
void y_range(const std::vector<Line>& lines, bool robust, bool log, double& lo, double& hi, bool& cut) {
  std::vector<RangeSeries> series;
  for (const Line& l : lines) series.push_back({&l.mid, &l.lo, &l.hi});
  if (log) {
    lo = INFINITY, hi = -INFINITY, cut = false;
    for (const Line& l : lines)
      for (const auto* v : {&l.mid, &l.hi, &l.lo})
        for (double x : *v)
          if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    if (!std::isfinite(lo)) lo = 0, hi = 1;
    lo = std::floor(lo), hi = std::max(std::ceil(hi + 0.05), lo + 1);
    return;
  }
  const ValueRange r = value_range(series, robust);
  lo = r.lo, hi = r.hi, cut = r.cut;
  if (hi <= lo) hi = lo + 1;
  hi += 0.08 * (hi - lo);  // headroom for the phase labels and the legend
  const double step = nice_step(hi - lo, 5);
  hi = std::ceil(hi / step) * step;
}

// log10 of every value, non-positive ones left as gaps.
std::vector<Line> in_log10(std::vector<Line> lines) {
  for (Line& l : lines)
    for (auto* v : {&l.mid, &l.lo, &l.hi})
      for (double& x : *v) x = x > 0 ? std::log10(x) : NAN;
  return lines;
}

ImU32 gray(int v, int alpha = 255) { return IM_COL32(v, v, v, alpha); }

void y_axis(ImDrawList* dl, const Frame& f, bool log = false) {
  const double step = log ? 1.0 : nice_step(f.y1 - f.y0, 5);
  if (!(step > 0) || !std::isfinite(step)) return;
  for (double y = std::ceil(f.y0 / step) * step; y <= f.y1 + step * 1e-9; y += step) {
    const ImVec2 p = f.at(f.x0, y);
    dl->AddLine({f.min.x, p.y}, {f.max.x, p.y}, gray(90, 90));
    const std::string text = short_number(log ? std::pow(10.0, y) : y);
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
    // The phase's name where it fits ("III Scale-up"), else its id.
    const std::string named = p.name.empty() || p.name == p.id ? p.id
                              : p.name.starts_with("Phase ")   ? p.id + p.name.substr(6 + p.id.size())
                                                               : p.id + " " + p.name;
    const float room = std::min(b.x, f.max.x) - std::max(a.x, f.min.x) - 6;
    const std::string& text = ImGui::CalcTextSize(named.c_str()).x <= room ? named : p.id;
    dl->AddText({std::max(a.x, f.min.x) + 3, f.min.y + 2}, gray(160), text.c_str());
  }
}

// A band: a light fill and, so that two runs' bands do not blend into one
// grey, thin edges in the run's colour.
void draw_band(ImDrawList* dl, const Frame& f, const Line& l) {
  const ImU32 fill = (l.color & 0x00FFFFFFu) | (static_cast<ImU32>(l.fill_alpha) << 24);
  const ImU32 edge = (l.color & 0x00FFFFFFu) | (170u << 24);
  const std::size_t n = std::min(l.lo.size(), l.hi.size());
  for (std::size_t s = 1; s < n; ++s) {
    if (!std::isfinite(l.lo[s - 1] + l.hi[s - 1] + l.lo[s] + l.hi[s])) continue;
    const double a = static_cast<double>(s - 1), b = static_cast<double>(s);
    dl->AddQuadFilled(f.at(a, l.lo[s - 1]), f.at(a, l.hi[s - 1]), f.at(b, l.hi[s]), f.at(b, l.lo[s]), fill);
    if (!l.band_edges) continue;
    dl->AddLine(f.at(a, l.lo[s - 1]), f.at(b, l.lo[s]), edge, 1.0f);
    dl->AddLine(f.at(a, l.hi[s - 1]), f.at(b, l.hi[s]), edge, 1.0f);
  }
}

void draw_line(ImDrawList* dl, const Frame& f, const Line& l) {
  std::vector<ImVec2> run;
  auto flush = [&] {
    if (l.dashed)
      for (std::size_t i = 1; i < run.size(); i += 2) dl->AddLine(run[i - 1], run[i], l.color, 2.0f);
    else if (run.size() > 1)
      dl->AddPolyline(run.data(), static_cast<int>(run.size()), l.color, 0, 2.0f);
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
  if (!hover_on || !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (m.x < f.min.x || m.x > f.max.x || m.y < f.min.y || m.y > f.max.y) return;
  const int s = static_cast<int>(std::lround(f.x0 + (m.x - f.min.x) / (f.max.x - f.min.x) * (f.x1 - f.x0)));
  if (s < 0 || s >= axis.steps) return;
  ImGui::GetWindowDrawList()->AddLine({f.at(s, 0).x, f.min.y}, {f.at(s, 0).x, f.max.y}, gray(220, 120));
  ImGui::BeginTooltip();
  ImGui::Text("%s", format_year_month(axis.start.plus(s)).c_str());
  for (const auto& p : axis.phases)
    if (s >= p.first_step && s <= p.last_step)
      ImGui::TextDisabled("%s", session::phase_title(p, axis.start).c_str());
  for (const Line& l : lines) {
    if (static_cast<std::size_t>(s) >= l.mid.size()) continue;
    const auto number = [](double v) { return session::grouped(v, std::fabs(v) < 100 ? 2 : 0); };
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(l.color), "%s: %s %s", l.label.c_str(),
                       number(l.mid[s]).c_str(), units);
    if (static_cast<std::size_t>(s) < l.lo.size() && l.band_edges)
      ImGui::Text("    5-95%%: %s to %s", number(l.lo[s]).c_str(), number(l.hi[s]).c_str());
  }
  ImGui::EndTooltip();
}

// Reserves the chart's rectangle and draws its frame; returns the plot area.
Frame begin_chart(const char* title, ImVec2 size, ImVec4& rect, float extra_bottom = 0) {
  size = {std::max(size.x, 200.0f), std::max(size.y, 120.0f)};  // ImGui refuses empty items
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, IM_COL32(28, 30, 36, 255));
  dl->AddText({origin.x + 6, origin.y + 3}, gray(240), title);
  rect = {origin.x, origin.y, origin.x + size.x, origin.y + size.y};
  Frame f;
  f.min = {origin.x + kLeft, origin.y + kTop};
  f.max = {origin.x + size.x - kRight, origin.y + size.y - kBottom - extra_bottom};
  return f;
}

}  // namespace

void set_chart_hover(bool on) { hover_on = on; }

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

ChartDrawn draw_time_chart(const char* title, const char* units, const TimeAxis& axis,
                           const std::vector<Line>& given, ImVec2 size, const ChartOptions& options) {
  ChartDrawn out;
  const float caption = options.caption.empty() ? 0 : ImGui::CalcTextSize(options.caption.c_str()).y + 4;
  Frame f = begin_chart(title, size, out.rect, caption);
  const std::vector<Line> lines = options.log ? in_log10(given) : given;
  f.x0 = -0.5;
  f.x1 = std::max(axis.steps, 1) - 0.5;
  y_range(lines, options.robust, options.log, f.y0, f.y1, out.cut);
  out.y_max = options.log ? std::pow(10.0, f.y1) : f.y1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  shade_phases(dl, f, axis);
  y_axis(dl, f, options.log);
  x_axis_months(dl, f, axis);
  const ImVec4& rect = out.rect;
  std::string corner = std::string(units) + (options.log ? ", log axis" : "");
  if (out.cut) corner += "; a spike above " + short_number(f.y1) + " is off the axis (log axis shows it)";
  dl->AddText({rect.x + 6, rect.w - caption - ImGui::GetTextLineHeight() - 2},
              out.cut ? IM_COL32(240, 200, 120, 255) : gray(150), corner.c_str());
  if (caption > 0) dl->AddText({rect.x + 6, rect.w - caption}, gray(210), options.caption.c_str());
  dl->PushClipRect(f.min, f.max, true);
  for (const Line& l : lines) draw_band(dl, f, l);
  for (const Line& l : lines) draw_line(dl, f, l);
  dl->PopClipRect();
  legend(dl, f, lines);
  hover(f, axis, units, given);
  return out;
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
  // A margin, so points at the edges of the design are drawn whole.
  const double mx = 0.05 * (f.x1 - f.x0), my = 0.08 * (f.y1 - f.y0);
  f.x0 -= mx, f.x1 += mx, f.y0 -= my, f.y1 += my;
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

// Bars with their spread as whiskers; labels under the bars, on two
// staggered rows when they would run into each other, never cut.
void draw_bars(const char* title, const std::vector<Bar>& bars, ImVec2 size) {
  ImVec4 rect;
  const float line = ImGui::GetTextLineHeight();
  Frame f = begin_chart(title, size, rect, line + 4);
  f.x0 = 0;
  f.x1 = static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  f.y0 = 0;
  f.y1 = 0;
  for (const Bar& b : bars)
    if (std::isfinite(b.value))
      f.y0 = std::min(f.y0, b.value), f.y1 = std::max(f.y1, b.value + std::max(b.spread, 0.0));
  if (f.y1 <= f.y0) f.y1 = f.y0 + 1;
  f.y1 += 0.08 * (f.y1 - f.y0);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  y_axis(dl, f);
  const float slot = (f.max.x - f.min.x) / static_cast<float>(std::max<std::size_t>(bars.size(), 1));
  bool stagger = false;
  for (const Bar& b : bars) stagger = stagger || ImGui::CalcTextSize(b.label.c_str()).x > slot - 4;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double x = static_cast<double>(i);
    const double v = std::isfinite(bars[i].value) ? bars[i].value : 0;
    dl->AddRectFilled(f.at(x + 0.15, std::max(v, 0.0)), f.at(x + 0.85, std::min(v, 0.0)),
                      palette(static_cast<int>(i)));
    if (bars[i].spread > 0) {
      const ImVec2 lo = f.at(x + 0.5, v - bars[i].spread), hi = f.at(x + 0.5, v + bars[i].spread);
      dl->AddLine(lo, hi, gray(235), 1.5f);
      dl->AddLine({lo.x - 5, lo.y}, {lo.x + 5, lo.y}, gray(235), 1.5f);
      dl->AddLine({hi.x - 5, hi.y}, {hi.x + 5, hi.y}, gray(235), 1.5f);
    }
    const float w = ImGui::CalcTextSize(bars[i].label.c_str()).x;
    const float cx = f.at(x + 0.5, f.y0).x;
    const float tx = std::clamp(cx - w / 2, rect.x + 2, rect.z - w - 2);
    const float ty = f.max.y + 4 + (stagger && i % 2 ? line : 0);
    dl->AddText({tx, ty}, gray(200), bars[i].label.c_str());
  }
}

ImU32 source_colour(int i) {
  static const int colors[][3] = {{150, 110, 80},  {120, 150, 90},  {170, 160, 110},
                                  {110, 130, 160}, {160, 110, 150}, {200, 180, 150}};
  const auto& c = colors[static_cast<std::size_t>(i) % 6];
  return IM_COL32(c[0], c[1], c[2], 255);
}

}  // namespace score::viewer
