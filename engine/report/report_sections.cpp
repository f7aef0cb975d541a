#include "report/report_sections.hpp"

#include <string>
#include <vector>

#include "output/html_escape.hpp"
#include "report/scenario_levers.hpp"
#include "report/svg_chart.hpp"
#include "session/compare_table.hpp"

namespace score::report {
namespace {

using output::html_escape;

std::string swatch(std::size_t k) {
  return std::string("<span class=\"swatch\" style=\"background:") + run_colour(k) + "\"></span>";
}

std::string run_months(const ReportRun& r) {
  return format_year_month(r.info.start) + " to " + format_year_month(r.info.start.plus(r.info.steps - 1));
}

// A header row: a first cell, then each run's name with its colour.
void run_header(std::ostream& os, const std::string& first, std::span<const ReportRun> runs) {
  os << "<tr><th>" << first << "</th>";
  for (std::size_t k = 0; k < runs.size(); ++k)
    os << "<th>" << swatch(k) << html_escape(runs[k].info.scenario_name) << "</th>";
  os << "</tr>\n";
}

void phases_table(std::ostream& os, std::span<const ReportRun> runs, const session::Comparison& c) {
  os << "<h3>Phases</h3><table class=\"phases\">";
  run_header(os, "phase", runs);
  for (const session::MatchedPhase& p : c.phases) {
    os << "<tr><td>" << html_escape(p.id) << ": " << html_escape(p.name) << "</td>";
    for (std::size_t k = 0; k < runs.size(); ++k) {
      if (p.index[k] < 0) {
        os << "<td class=\"warning\">(not in this run)</td>";
        continue;
      }
      const session::MonthRange& m = p.months[k];
      os << "<td" << (p.months_differ ? " class=\"warning\"" : "") << ">" << format_year_month(m.first)
         << " to " << format_year_month(m.last) << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</table>\n";
}

std::vector<session::ComparedRun> compared_runs(std::span<const ReportRun> runs) {
  std::vector<session::ComparedRun> out;
  for (const ReportRun& r : runs) {
    out.push_back(session::compared_run(*r.run));
    out.back().label = r.info.scenario_name;
  }
  return out;
}

// The style class of a difference cell: its meaning, one word.
const char* judgement_class(session::Judgement j) {
  switch (j) {
    case session::Judgement::better:
      return "num better";
    case session::Judgement::worse:
      return "num worse";
    case session::Judgement::within_noise:
      return "num within_noise";
    default:
      return "num";
  }
}

void compare_table(std::ostream& os, const session::CompareTable& t, std::size_t runs) {
  os << "<h3>" << html_escape(t.title) << "</h3><table class=\"comparison\" data-phase=\""
     << html_escape(t.phase) << "\"><tr>";
  for (std::size_t i = 0; i < t.header.size(); ++i)
    os << "<th>" << (i >= 1 && i <= runs ? swatch(i - 1) : "") << html_escape(t.header[i]) << "</th>";
  os << "</tr>\n";
  for (const auto& row : t.rows) {
    os << "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const char* cls = i == 0 ? "" : i <= runs ? "num" : judgement_class(row[i].judgement);
      os << "<td class=\"" << cls << "\">" << html_escape(row[i].text);
      if (!row[i].detail.empty()) os << "<br><small>" << html_escape(row[i].detail) << "</small>";
      os << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</table>\n";
}

}  // namespace

void scenarios_section(std::ostream& os, std::span<const ReportRun> runs) {
  os << "<h2>Scenarios</h2><table class=\"scenarios\"><tr><th>scenario</th><th>question</th><th>file</th>"
     << "<th>replications</th><th>seed</th><th>months</th></tr>\n";
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const ReportRun& r = runs[k];
    const std::string question = scenario_text(r.info.scenario_toml, "scenario.question");
    const std::string description = scenario_text(r.info.scenario_toml, "scenario.description");
    os << "<tr><td>" << swatch(k) << "<strong>" << html_escape(r.info.scenario_name) << "</strong></td><td>"
       << html_escape(description);
    if (!question.empty()) os << "<br><em>" << html_escape(question) << "</em>";
    os << "</td><td>" << html_escape(r.file) << "</td><td class=\"num\">" << r.info.replications
       << "</td><td class=\"num\">" << r.info.seed << "</td><td>" << run_months(r) << "</td></tr>\n";
  }
  os << "</table>\n";
}

void levers_section(std::ostream& os, std::span<const ReportRun> runs) {
  os << "<h2>What differs between the runs</h2>\n";
  if (runs.size() < 2) {
    os << "<p class=\"note\">One run: nothing to compare it with.</p>\n";
    return;
  }
  std::vector<std::string> tomls;
  for (const ReportRun& r : runs) tomls.push_back(r.info.scenario_toml);
  const std::vector<LeverDifference> levers = differing_levers(tomls);
  if (levers.empty()) {
    os << "<p class=\"note\">The runs' scenarios set every lever alike.</p>\n";
  } else {
    os << "<table class=\"levers\">";
    run_header(os, "lever", runs);
    for (const LeverDifference& d : levers) {
      os << "<tr><td><code>" << html_escape(d.key) << "</code></td>";
      for (const std::string& v : d.values) os << "<td>" << html_escape(v) << "</td>";
      os << "</tr>\n";
    }
    os << "</table>\n";
  }
}

void comparison_section(std::ostream& os, std::span<const ReportRun> runs, double confidence) {
  const std::vector<session::ComparedRun> compared = compared_runs(runs);
  const session::Comparison c =
      session::compare_runs(compared, {session::compared_summaries(), "", confidence});
  os << "<h2>Phases and results</h2>\n";
  phases_table(os, runs, c);
  os << "<ul class=\"note\">";
  for (const std::string& note : session::pairing_notes(c, compared))
    os << "<li>" << html_escape(note) << "</li>";
  for (const std::string& w : c.warnings)
    os << "<li class=\"warning\">Warning: " << html_escape(w) << "</li>";
  os << "<li>Differences are against " << html_escape(runs[0].info.scenario_name)
     << "; <q>better</q> and <q>worse</q> follow each summary's direction (more enterprises is better, a "
        "higher "
        "donor cost per firm worse), and only where the interval excludes zero.</li></ul>\n";
  for (const session::CompareTable& t : session::compare_tables(c)) compare_table(os, t, runs.size());
}

void charts_section(std::ostream& os, std::span<const ReportRun> runs) {
  using session::Chart;
  static const Chart charts[] = {Chart::firms_trained_total, Chart::workers_reached,    Chart::trainers,
                                 Chart::providers_active,    Chart::delivery_cost,      Chart::donor_spend,
                                 Chart::cost_recovery,       Chart::donor_cost_per_firm};
  os << "<h2>Charts</h2><p class=\"note\">All countries, month by month: the line is the median across "
        "replications, the shaded band the 5th to 95th percentile (a 90% band).</p><div class=\"charts\">\n";
  for (Chart chart : charts) {
    const session::ChartInfo& info = session::info(chart);
    ChartSpec spec{info.name, info.title, info.units, 0};
    // Donor cost per firm over the first years' few firms spikes (USD 1.5 M
    // per firm in 2009): the axis is set by the months after the first three
    // years, and the spike runs off the top.
    const bool spike = chart == Chart::donor_cost_per_firm;
    if (spike) spec.skip_months = 36;
    std::vector<ChartRun> lines;
    for (const ReportRun& r : runs)
      lines.push_back(
          {r.info.scenario_name, r.run->start, r.run->charts.band(chart, r.run->charts.countries())});
    os << "<figure><figcaption>" << html_escape(info.title) << " (" << html_escape(info.units)
       << ")</figcaption>" << svg_chart(spec, lines) << "</figure>\n";
  }
  os << "</div>\n";
}

}  // namespace score::report
