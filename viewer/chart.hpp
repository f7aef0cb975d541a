#pragma once
// Line charts over months, drawn with ImGui's draw lists: axes with ticks
// and labels, shaded phases, bands, stacked areas, a legend and a hover
// read-out of the exact value and date. Plus the scatter and bar charts of
// the sweep panel. Pure drawing: the data comes ready from the session.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "session/snapshot.hpp"

namespace score::viewer {

struct Line {
  std::string label;
  ImU32 color = 0;
  std::vector<double> mid;     // one value per month; NaN leaves a gap
  std::vector<double> lo, hi;  // a band filled between them, when not empty
};

struct TimeAxis {
  YearMonth start;
  int steps = 0;
  std::vector<session::PhaseSpan> phases;
};

// Draws a chart filling `size` at the cursor; returns its screen rectangle
// (min x, min y, max x, max y) for PNG export.
ImVec4 draw_time_chart(const char* title, const char* units, const TimeAxis& axis,
                       const std::vector<Line>& lines, ImVec2 size);

struct Point {
  double x, y;
};
void draw_scatter(const char* title, const char* x_label, const char* y_label,
                  const std::vector<Point>& points, ImVec2 size);

struct Bar {
  std::string label;
  double value;
};
void draw_bars(const char* title, const std::vector<Bar>& bars, ImVec2 size);

// "12.3k", "4.5M", "0.42": short numbers for ticks and read-outs.
std::string short_number(double v);

// Distinct colours for series, in order.
ImU32 palette(int i, int alpha = 255);

}  // namespace score::viewer
