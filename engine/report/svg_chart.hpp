#pragma once
// A line chart as inline SVG: per run, the median across replications month
// by month and its 5-95 % band, on a calendar axis. Self-contained markup
// (no script, no external font or style), so an HTML report shows and prints
// it anywhere.
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "session/charts.hpp"

namespace score::report {

struct ChartRun {
  std::string label;
  YearMonth start;     // of the band's first value
  session::Band band;  // p05, p50, p95 per month
};

struct ChartSpec {
  std::string id;            // unique within the document (names the chart's clip path)
  std::string title, units;  // units as the chart catalogue gives them ("USD", "share", "firms")
  // The y range ignores the first `skip_months` of each run (a start-up
  // spike that would flatten the rest); the lines are clipped, not dropped.
  int skip_months = 0;
};

// The colour of run `index` in every chart and table of a report: the
// Okabe-Ito palette, told apart by people with colour-blindness.
const char* run_colour(std::size_t index);

// The chart; text from files goes through output::html_escape.
std::string svg_chart(const ChartSpec& spec, const std::vector<ChartRun>& runs);

// An axis label: "1.2 M", "350 k", "57%" (share), "12".
std::string axis_label(double value, const std::string& units);

}  // namespace score::report
