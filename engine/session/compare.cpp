#include "session/compare.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "core/statistics.hpp"
#include "output/csv_export.hpp"
#include "scenario/diagnostic.hpp"

namespace score::session {
namespace {

constexpr double kNoComparison = std::numeric_limits<double>::quiet_NaN();

int snapshot_phase(const Snapshot& s, const std::string& id) {
  for (std::size_t p = 0; p < s.phases.size(); ++p)
    if (s.phases[p].id == id) return static_cast<int>(p);
  return -1;
}

// Mean over replications of the all-country total; NaN when unavailable.
double snapshot_mean_total(const Snapshot* s, const std::string& phase, sim::Summary summary) {
  if (!s || s->summaries.empty()) return kNoComparison;
  const int p = snapshot_phase(*s, phase);
  if (p < 0) return kNoComparison;
  std::vector<double> values;
  for (const sim::PhaseSummary& ps : s->summaries) values.push_back(ps.total(p, summary));
  return mean(values);
}

std::string compare_csv_number(double v) { return std::isnan(v) ? "" : scenario::format_number(v); }

}  // namespace

const std::vector<sim::Summary>& compared_summaries() {
  static const std::vector<sim::Summary> which = sim::headline_summaries(sim::compare_table);
  return which;
}

std::vector<ComparisonRow> compare(const Snapshot* pinned, const Snapshot* current,
                                   const std::vector<sim::Summary>& which) {
  std::vector<ComparisonRow> rows;
  const Snapshot* phases = current ? current : pinned;
  if (!phases) return rows;
  for (const PhaseSpan& phase : phases->phases) {
    for (sim::Summary s : which) {
      ComparisonRow row{
          phase.id, s, snapshot_mean_total(pinned, phase.id, s), snapshot_mean_total(current, phase.id, s),
          0,        0};
      row.difference = row.current - row.pinned;
      row.relative = row.pinned != 0 ? row.difference / std::fabs(row.pinned) : kNoComparison;
      rows.push_back(row);
    }
  }
  return rows;
}

std::string comparison_csv(const std::vector<ComparisonRow>& rows, const std::string& pinned_label,
                           const std::string& current_label) {
  std::ostringstream os;
  // Labels are scenario or file names from someone else: one cell each, never a formula.
  os << "phase,summary," << output::csv_text(pinned_label) << "," << output::csv_text(current_label)
     << ",difference,relative\n";
  for (const ComparisonRow& r : rows)
    os << output::csv_text(r.phase) << "," << sim::info(r.summary).name << "," << compare_csv_number(r.pinned)
       << "," << compare_csv_number(r.current) << "," << compare_csv_number(r.difference) << ","
       << compare_csv_number(r.relative) << "\n";
  return os.str();
}

}  // namespace score::session
