// The charts: every quantity of session::Chart for all countries or one, the
// current run's median and 5-95 % band, and the pinned run beside it.
#include <cmath>
#include <limits>

#include "chart.hpp"
#include "panels.hpp"

namespace score::viewer {
namespace {

using session::Chart;
using session::Snapshot;

// The snapshot's region for the country chosen in the UI (by id, so a pinned
// run of another scenario lines up); its total when absent.
int region_of(const Snapshot& s, const std::string& country_id) {
  for (std::size_t c = 0; c < s.country_ids.size(); ++c)
    if (s.country_ids[c] == country_id) return static_cast<int>(c);
  return s.charts.countries();
}

// Values moved to the current run's calendar (NaN before the other's start).
std::vector<double> aligned(const std::vector<double>& v, int offset) {
  if (offset <= 0)
    return {v.begin() + std::min<std::ptrdiff_t>(-offset, static_cast<std::ptrdiff_t>(v.size())), v.end()};
  std::vector<double> out(static_cast<std::size_t>(offset), std::numeric_limits<double>::quiet_NaN());
  out.insert(out.end(), v.begin(), v.end());
  return out;
}

Line band_line(const Snapshot& s, Chart chart, int region, ImU32 color, const std::string& label, bool band,
               int offset) {
  const session::Band& b = s.charts.band(chart, region);
  Line line{label, color, aligned(b.p50, offset), {}, {}};
  if (band && s.replications > 1) {
    line.lo = aligned(b.p05, offset);
    line.hi = aligned(b.p95, offset);
  }
  return line;
}

// Revenue by source: the medians stacked, each layer filled over the last.
void stacked_lines(const Snapshot& s, Chart chart, int region, std::vector<Line>& out) {
  const auto labels = session::layer_labels(chart);
  std::vector<double> below(static_cast<std::size_t>(s.charts.months()), 0.0);
  for (int k = 0; k < session::chart_layers(chart); ++k) {
    const auto& p50 = s.charts.band(chart, region, k).p50;
    Line line{labels[static_cast<std::size_t>(k)], palette(k + 2), {}, below, {}};
    for (std::size_t m = 0; m < below.size(); ++m) below[m] += std::isfinite(p50[m]) ? p50[m] : 0;
    line.mid = line.hi = below;
    out.push_back(std::move(line));
  }
}

// The sum of the layers' medians: how a stacked chart compares two runs.
Line total_line(const Snapshot& s, Chart chart, int region, ImU32 color, const std::string& label,
                int offset) {
  std::vector<double> sum(static_cast<std::size_t>(s.charts.months()), 0.0);
  for (int k = 0; k < session::chart_layers(chart); ++k) {
    const auto& p50 = s.charts.band(chart, region, k).p50;
    for (std::size_t m = 0; m < sum.size(); ++m) sum[m] += p50[m];
  }
  return Line{label + " (all sources)", color, aligned(sum, offset), {}, {}};
}

std::vector<Line> lines_of(const App& app, Chart chart, const Snapshot* current, const Snapshot* pinned) {
  std::vector<Line> lines;
  const std::string id =
      current && app.ui.region >= 0 && app.ui.region < static_cast<int>(current->country_ids.size())
          ? current->country_ids[static_cast<std::size_t>(app.ui.region)]
          : "";
  const bool stacked = session::info(chart).stacked;
  if (pinned) {
    const int offset = current ? pinned->start.ordinal() - current->start.ordinal() : 0;
    const int region = region_of(*pinned, id);
    const std::string label = "pinned: " + pinned->label;
    lines.push_back(stacked ? total_line(*pinned, chart, region, palette(1), label, offset)
                            : band_line(*pinned, chart, region, palette(1), label, app.ui.bands, offset));
  }
  if (!current) return lines;
  const int region = region_of(*current, id);
  if (stacked && pinned)
    lines.push_back(total_line(*current, chart, region, palette(0), current->label, 0));
  else if (stacked)
    stacked_lines(*current, chart, region, lines);
  else
    lines.push_back(band_line(*current, chart, region, palette(0), current->label, app.ui.bands, 0));
  return lines;
}

void controls(App& app, const Snapshot* s) {
  const char* preview = s && app.ui.region >= 0 && app.ui.region < static_cast<int>(s->country_names.size())
                            ? s->country_names[static_cast<std::size_t>(app.ui.region)].c_str()
                            : "All countries";
  ImGui::SetNextItemWidth(180);
  if (ImGui::BeginCombo("Region", preview)) {
    if (ImGui::Selectable("All countries", app.ui.region < 0)) app.ui.region = -1;
    for (std::size_t c = 0; s && c < s->country_names.size(); ++c)
      if (ImGui::Selectable(s->country_names[c].c_str(), app.ui.region == static_cast<int>(c)))
        app.ui.region = static_cast<int>(c);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Checkbox("5-95% bands", &app.ui.bands);
  ImGui::SameLine(0, 30);
  const auto& chosen = session::info(static_cast<Chart>(app.ui.export_chart));
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo("##chart", chosen.title)) {
    for (int c = 0; c < session::kCharts; ++c)
      if (ImGui::Selectable(session::info(static_cast<Chart>(c)).title, c == app.ui.export_chart))
        app.ui.export_chart = c;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(160);
  ImGui::InputText("##png", app.ui.export_path, sizeof app.ui.export_path);
  ImGui::SameLine();
  if (ImGui::Button("Export PNG")) export_png(app, chosen.name, app.ui.export_path);
}

}  // namespace

void draw_charts(App& app) {
  const session::SnapshotPtr current = app.session.current(), pinned = app.session.pinned();
  controls(app, current.get());
  const Snapshot* axis_source = current ? current.get() : pinned.get();
  if (!axis_source) {
    ImGui::TextWrapped("Run a scenario to see its charts grow month by month.");
    return;
  }
  const TimeAxis axis{axis_source->start, axis_source->steps, axis_source->phases};
  ImGui::BeginChild("chart_grid", {0, 0}, false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
  const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  for (int c = 0; c < session::kCharts; ++c) {
    const auto chart = static_cast<Chart>(c);
    const auto& info = session::info(chart);
    const std::vector<Line> lines = lines_of(app, chart, current.get(), pinned.get());
    app.ui.chart_rects[info.name] = draw_time_chart(info.title, info.units, axis, lines, {width, 250});
    if (c % 2 == 0) ImGui::SameLine();
  }
  ImGui::EndChild();
}

}  // namespace score::viewer
