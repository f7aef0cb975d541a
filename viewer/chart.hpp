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
  bool band_edges = true;      // outline the band, so overlapping bands stay apart
  bool dashed = false;         // a total drawn over another run's stacked layers
  int fill_alpha = 40;         // a band's fill; stacked layers are filled solid
};

// Hover read-outs on or off (off for scripts and exports: the pointer of a
// virtual display must not leave a tooltip in a screenshot).
void set_chart_hover(bool on);

struct ChartOptions {
  bool log = false;     // log10 axis (non-positive values leave gaps)
  bool robust = true;   // cut a spike that would flatten the rest (see note)
  std::string caption;  // drawn under the plot (exports); may hold line breaks
};

struct ChartDrawn {
  ImVec4 rect;       // (min x, min y, max x, max y) for PNG export
  double y_max = 0;  // the top of the value axis as drawn
  bool cut = false;  // values above y_max exist (a spike left off the range)
};

struct TimeAxis {
  YearMonth start;
  int steps = 0;
  std::vector<session::PhaseSpan> phases;
};

// Draws a chart filling `size` at the cursor; returns its screen rectangle
// (min x, min y, max x, max y) for PNG export.
ChartDrawn draw_time_chart(const char* title, const char* units, const TimeAxis& axis,
                           const std::vector<Line>& lines, ImVec2 size, const ChartOptions& options = {});

struct Point {
  double x, y;
};
void draw_scatter(const char* title, const char* x_label, const char* y_label,
                  const std::vector<Point>& points, ImVec2 size);

struct Bar {
  std::string label;
  double value;
  double spread = 0;  // drawn as a whisker (+- spread) when positive
};
void draw_bars(const char* title, const std::vector<Bar>& bars, ImVec2 size);

// "12.3k", "4.5M", "0.42": short numbers for ticks and read-outs.
std::string short_number(double v);

// Distinct colours for series, in order.
ImU32 palette(int i, int alpha = 255);
// Muted colours for the revenue sources, apart from the runs' palette.
ImU32 source_colour(int i);

}  // namespace score::viewer
