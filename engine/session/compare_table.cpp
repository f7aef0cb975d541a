#include "session/compare_table.hpp"

#include <algorithm>

namespace score::session {
namespace {

std::string title(const MatchedPhase& phase, std::span<const ComparedRun> runs) {
  std::string text = "Phase " + phase.id + ": " + phase.name;
  for (std::size_t k = 0; k < runs.size(); ++k)
    if (phase.index[k] >= 0) {
      const MonthRange& m = phase.months[k];
      text += " (" + format_year_month(m.first) + " to " + format_year_month(m.last) + ")";
      break;
    }
  if (phase.months_differ) text += ", months differ between runs";
  if (phase.missing) text += ", not in every run";
  return text;
}

std::vector<TableCell> cells(const ComparedRow& row) {
  const sim::SummaryInfo& info = sim::summary_catalogue()[static_cast<std::size_t>(row.summary)];
  std::vector<TableCell> out{{info.long_name, Judgement::unknown}};
  for (double m : row.means) out.push_back({readable_value(m, row.summary), Judgement::unknown});
  for (std::size_t k = 1; k < row.differences.size(); ++k) {
    const Difference& d = row.differences[k];
    const Judgement j = judge(d, row.summary);
    std::string text = readable_difference(d.mean, row.summary);
    if (const std::string i = readable_interval(d, row.summary); !i.empty()) text += " " + i;
    if (j != Judgement::unknown) text += std::string(" ") + judgement_name(j);
    out.push_back({text, j});
  }
  return out;
}

}  // namespace

std::vector<CompareTable> compare_tables(const Comparison& c, std::span<const ComparedRun> runs) {
  std::vector<std::string> header{"summary"};
  header.insert(header.end(), c.labels.begin(), c.labels.end());
  for (std::size_t k = 1; k < c.labels.size(); ++k) header.push_back(c.labels[k] + " - " + c.labels[0]);
  std::vector<CompareTable> tables;
  for (const MatchedPhase& phase : c.phases) tables.push_back({phase.id, title(phase, runs), header, {}});
  tables.push_back({kProgramme, "Programme (all phases; flows summed, stocks at the end)", header, {}});
  for (const ComparedRow& row : c.rows) {
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const CompareTable& t) { return t.phase == row.phase; });
    if (it != tables.end()) it->rows.push_back(cells(row));
  }
  return tables;
}

std::vector<std::string> pairing_notes(const Comparison& c, std::span<const ComparedRun> runs) {
  std::vector<std::string> notes;
  const std::string level = grouped(100 * c.confidence, 0) + "% intervals";
  for (std::size_t k = 1; k < runs.size(); ++k) {
    std::string text = runs[k].label + " against " + runs[0].label + ": ";
    switch (c.pairing[k]) {
      case Pairing::paired:
        text += "paired differences (same seed " + std::to_string(*runs[k].seed) + " and " +
                std::to_string(runs[k].summaries.size()) +
                " replications: replication i against replication i), " + level;
        break;
      case Pairing::welch:
        text += "Welch intervals (independent runs: different seeds or replication counts), " + level;
        break;
      case Pairing::none:
        text += "no intervals (a run has fewer than 2 replications)";
        break;
    }
    notes.push_back(text);
  }
  return notes;
}

}  // namespace score::session
