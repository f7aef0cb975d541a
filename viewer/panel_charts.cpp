// The charts: every quantity of session::Chart for all countries or one,
// each run of the library in its own colour with its median and 5-95 %
// band. Charts can be hidden, enlarged and put on a log axis; an export is
// drawn in a window of its own at the size asked, with a caption.
#include <cmath>
#include <ctime>
#include <limits>

#include "chart.hpp"
#include "panels.hpp"

namespace score::viewer {
namespace {

using session::Chart;
using session::Snapshot;
using Runs = std::vector<session::Session::RunView>;

// The snapshot's region for the country chosen in the UI (by id, so a run of
// another scenario lines up); its total when absent.
int region_of(const Snapshot& s, const std::string& country_id) {
  for (std::size_t c = 0; c < s.country_ids.size(); ++c)
    if (s.country_ids[c] == country_id) return static_cast<int>(c);
  return s.charts.countries();
}

// Values moved to the axis's calendar (NaN before the run's start).
std::vector<double> aligned(const std::vector<double>& v, int offset) {
  if (offset <= 0)
    return {v.begin() + std::min<std::ptrdiff_t>(-offset, static_cast<std::ptrdiff_t>(v.size())), v.end()};
  std::vector<double> out(static_cast<std::size_t>(offset), std::numeric_limits<double>::quiet_NaN());
  out.insert(out.end(), v.begin(), v.end());
  return out;
}

struct Where {
  std::string country_id;  // "" for all countries
  YearMonth start;         // the axis's first month
};

Line band_line(const Snapshot& s, Chart chart, const Where& w, ImU32 color, bool band) {
  const int region = region_of(s, w.country_id), offset = s.start.ordinal() - w.start.ordinal();
  const session::Band& b = s.charts.band(chart, region);
  Line line{s.label, color, aligned(b.p50, offset), {}, {}};
  if (band && s.replications > 1) {
    line.lo = aligned(b.p05, offset);
    line.hi = aligned(b.p95, offset);
  }
  return line;
}

// Revenue by source: one run's medians stacked, each layer over the last.
void stacked_lines(const Snapshot& s, Chart chart, const Where& w, std::vector<Line>& out) {
  const auto labels = session::layer_labels(chart);
  const int region = region_of(s, w.country_id), offset = s.start.ordinal() - w.start.ordinal();
  std::vector<double> below(static_cast<std::size_t>(s.charts.months()), 0.0);
  for (int k = 0; k < session::chart_layers(chart); ++k) {
    const auto& p50 = s.charts.band(chart, region, k).p50;
    Line line{labels[static_cast<std::size_t>(k)], source_colour(k), {}, aligned(below, offset), {}};
    for (std::size_t m = 0; m < below.size(); ++m) below[m] += std::isfinite(p50[m]) ? p50[m] : 0;
    line.mid = line.hi = aligned(below, offset);
    line.band_edges = false;
    line.fill_alpha = 170;
    out.push_back(std::move(line));
  }
}

// The sum of the layers' medians, dashed over the stacked run's sources.
Line total_line(const Snapshot& s, Chart chart, const Where& w, ImU32 color) {
  const int region = region_of(s, w.country_id), offset = s.start.ordinal() - w.start.ordinal();
  std::vector<double> sum(static_cast<std::size_t>(s.charts.months()), 0.0);
  for (int k = 0; k < session::chart_layers(chart); ++k) {
    const auto& p50 = s.charts.band(chart, region, k).p50;
    for (std::size_t m = 0; m < sum.size(); ++m) sum[m] += p50[m];
  }
  Line line{s.label + " (all sources)", color, aligned(sum, offset), {}, {}};
  line.dashed = true;
  return line;
}

std::vector<Line> lines_of(const View& view, Chart chart, const Runs& runs, const Where& w) {
  std::vector<Line> lines;
  if (session::info(chart).stacked) {
    // The last run's sources stacked; every other run as its total, so a
    // comparison keeps the sources instead of losing them.
    stacked_lines(*runs.back().snapshot, chart, w, lines);
    if (runs.size() > 1)
      for (const auto& r : runs)
        lines.push_back(total_line(*r.snapshot, chart, w, palette(r.record->colour)));
    return lines;
  }
  for (const auto& r : runs)
    lines.push_back(band_line(*r.snapshot, chart, w, palette(r.record->colour), view.ui.bands));
  return lines;
}

void region_picker(const View& view, const Snapshot* s) {
  const char* preview = s && view.ui.region >= 0 && view.ui.region < static_cast<int>(s->country_names.size())
                            ? s->country_names[static_cast<std::size_t>(view.ui.region)].c_str()
                            : "All countries";
  ImGui::SetNextItemWidth(160);
  if (ImGui::BeginCombo("Region", preview)) {
    if (ImGui::Selectable("All countries", view.ui.region < 0)) request(view.ui, "region", {"all"});
    for (std::size_t c = 0; s && c < s->country_names.size(); ++c)
      if (ImGui::Selectable(s->country_names[c].c_str(), view.ui.region == static_cast<int>(c)))
        request(view.ui, "region", {s->country_ids[c]});
    ImGui::EndCombo();
  }
}

void visibility_menu(const View& view) {
  if (ImGui::Button("Charts shown...")) ImGui::OpenPopup("charts_shown");
  if (!ImGui::BeginPopup("charts_shown")) return;
  for (int c = 0; c < session::kCharts; ++c) {
    const auto& info = session::info(static_cast<Chart>(c));
    bool shown = !view.ui.chart_hidden[static_cast<std::size_t>(c)];
    bool log = view.ui.chart_log[static_cast<std::size_t>(c)];
    ImGui::PushID(c);
    if (ImGui::Checkbox(info.title, &shown)) request(view.ui, "chart", {info.name, shown ? "show" : "hide"});
    ImGui::SameLine(260);
    if (ImGui::Checkbox("log axis", &log)) request(view.ui, "chart", {info.name, log ? "log" : "linear"});
    ImGui::PopID();
  }
  ImGui::EndPopup();
}

void export_controls(const View& view) {
  const auto& chosen = session::info(static_cast<Chart>(view.ui.export_chart));
  ImGui::SetNextItemWidth(190);
  if (ImGui::BeginCombo("##chart", chosen.title)) {
    for (int c = 0; c < session::kCharts; ++c)
      if (ImGui::Selectable(session::info(static_cast<Chart>(c)).title, c == view.ui.export_chart))
        request(view.ui, "export-choose", {session::info(static_cast<Chart>(c)).name});
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(130);
  ImGui::InputText("##png", view.ui.export_path, sizeof view.ui.export_path);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  int size[2] = {view.ui.export_width, view.ui.export_height};
  if (ImGui::InputInt2("##size", size))
    request(view.ui, "export-size", {std::to_string(size[0]) + "x" + std::to_string(size[1])});
  ImGui::SameLine();
  if (ImGui::Button("Export PNG")) request(view.ui, "export-chart", {chosen.name, view.ui.export_path});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("At the width x height given, with a caption, shown or not.");
}

void controls(const View& view, const Snapshot* s) {
  region_picker(view, s);
  ImGui::SameLine();
  if (bool bands = view.ui.bands; ImGui::Checkbox("5-95% bands", &bands))
    request(view.ui, "bands", {bands ? "on" : "off"});
  ImGui::SameLine();
  visibility_menu(view);
  if (ImGui::GetContentRegionAvail().x > 560) ImGui::SameLine(0, 20);
  export_controls(view);
}

Where where_of(const View& view, const Runs& runs) {
  const Snapshot& axis = *runs.back().snapshot;
  const bool one = view.ui.region >= 0 && view.ui.region < static_cast<int>(axis.country_ids.size());
  return {one ? axis.country_ids[static_cast<std::size_t>(view.ui.region)] : "", axis.start};
}

// A chart's header row: its toggles, then the chart.
ChartDrawn chart_cell(const View& view, const Runs& runs, Chart chart, ImVec2 size,
                      const std::string& caption = "") {
  const auto& info = session::info(chart);
  const Snapshot& axis_source = *runs.back().snapshot;
  const TimeAxis axis{axis_source.start, axis_source.steps, axis_source.phases};
  ChartOptions options;
  options.log = view.ui.chart_log[static_cast<std::size_t>(chart)];
  options.caption = caption;
  return draw_time_chart(info.title, info.units, axis, lines_of(view, chart, runs, where_of(view, runs)),
                         size, options);
}

void chart_buttons(const View& view, Chart chart) {
  const auto c = static_cast<std::size_t>(chart);
  ImGui::PushID(static_cast<int>(chart));
  const std::string name = session::info(chart).name;
  const bool enlarged = view.ui.chart_enlarged == static_cast<int>(chart);
  if (ImGui::SmallButton(enlarged ? "all charts" : "enlarge"))
    request(view.ui, "chart", {name, enlarged ? "all" : "enlarge"});
  ImGui::SameLine();
  if (ImGui::SmallButton(view.ui.chart_log[c] ? "linear" : "log"))
    request(view.ui, "chart", {name, view.ui.chart_log[c] ? "linear" : "log"});
  ImGui::SameLine();
  if (ImGui::SmallButton("hide")) request(view.ui, "chart", {name, "hide"});
  ImGui::PopID();
}

void record(const View& view, Chart chart, const ChartDrawn& drawn) {
  const char* name = session::info(chart).name;
  view.ui.chart_rects[name] = drawn.rect;
  view.ui.chart_y_max[name] = drawn.y_max;
}

}  // namespace

std::string chart_caption(const View& view, Chart chart) {
  const auto runs = view.session.runs();
  std::string names;
  for (const auto& r : runs) names += (names.empty() ? "" : " vs ") + r.snapshot->label;
  const Snapshot* s = runs.empty() ? nullptr : runs.back().snapshot.get();
  const bool one = s && view.ui.region >= 0 && view.ui.region < static_cast<int>(s->country_names.size());
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  const std::string sources = session::info(chart).stacked && s ? " (sources stacked: " + s->label + ")" : "";
  return std::string(session::info(chart).title) + ": " + names + sources + "\n" +
         (one ? s->country_names[static_cast<std::size_t>(view.ui.region)] : "All countries") +
         "; median and 5-95 % band over replications; made " + date + " with score-viewer";
}

void draw_charts(const View& view) {
  const Runs runs = view.session.runs();
  controls(view, runs.empty() ? nullptr : runs.back().snapshot.get());
  if (runs.empty()) {
    ImGui::TextWrapped("Run a scenario to see its charts grow month by month.");
    return;
  }
  if (view.session.current_stale())
    ImGui::TextColored({1, 0.7f, 0.3f, 1}, "Out of date: the levers changed since '%s' ran. Press Run.",
                       runs.back().snapshot->label.c_str());
  ImGui::BeginChild("chart_grid", {0, 0}, false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
  if (view.ui.chart_enlarged >= 0) {
    const auto chart = static_cast<Chart>(view.ui.chart_enlarged);
    chart_buttons(view, chart);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    record(view, chart, chart_cell(view, runs, chart, {avail.x, std::max(avail.y - 4, 240.0f)}));
    ImGui::EndChild();
    return;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const int columns = avail < 720 ? 1 : 2;
  const float width = (avail - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(columns - 1)) /
                      static_cast<float>(columns);
  int placed = 0;
  for (int c = 0; c < session::kCharts; ++c) {
    if (view.ui.chart_hidden[static_cast<std::size_t>(c)]) continue;
    const auto chart = static_cast<Chart>(c);
    if (placed % columns != 0) ImGui::SameLine();
    ImGui::BeginGroup();
    chart_buttons(view, chart);
    record(view, chart, chart_cell(view, runs, chart, {width, 240}));
    ImGui::EndGroup();
    ++placed;
  }
  ImGui::EndChild();
}

void draw_chart_export(const View& view) {
  if (!view.ui.export_request) return;
  const UiState::Capture request = *view.ui.export_request;
  view.ui.export_request.reset();
  const auto runs = view.session.runs();
  const Chart chart = session::chart_named(request.chart).value_or(Chart::count);
  if (runs.empty() || chart == Chart::count) return;
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize({static_cast<float>(request.width), static_cast<float>(request.height)});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::Begin("##export", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleVar();
  const ChartDrawn drawn =
      chart_cell(view, runs, chart, ImGui::GetContentRegionAvail(), chart_caption(view, chart));
  ImGui::End();
  view.ui.chart_rects["__export__"] = drawn.rect;
  view.ui.captures.push_back({"__export__", request.file, request.width, request.height});
}

}  // namespace score::viewer
