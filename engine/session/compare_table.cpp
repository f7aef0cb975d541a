#include "session/compare_table.hpp"

#include <algorithm>
#include <string_view>

namespace score::session {
namespace {

void replace(std::string& text, std::string_view from, std::string_view to) {
  if (const std::size_t at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
}

}  // namespace

std::string summary_label(sim::Summary summary, bool programme) {
  std::string text = sim::summary_catalogue()[static_cast<std::size_t>(summary)].long_name;
  if (programme) {
    replace(text, "in the phase", "over the programme");
    replace(text, "phase end", "programme end");
    replace(text, "phase's end", "programme's end");
  }
  return text;
}

std::string phase_title(const MatchedPhase& phase) {
  // Phase names often begin with their id ("Phase I: ILO-led pilots").
  std::string text =
      phase.name.rfind("Phase " + phase.id, 0) == 0 ? phase.name : "Phase " + phase.id + ": " + phase.name;
  for (std::size_t k = 0; k < phase.index.size(); ++k)
    if (phase.index[k] >= 0) {
      const MonthRange& m = phase.months[k];
      text += " (" + format_year_month(m.first) + " to " + format_year_month(m.last) + ")";
      break;
    }
  if (phase.months_differ) text += ", months differ between runs";
  if (phase.missing) text += ", not in every run";
  return text;
}

namespace {

std::vector<TableCell> cells(const ComparedRow& row) {
  std::vector<TableCell> out{{summary_label(row.summary, row.phase == kProgramme), "", Judgement::unknown}};
  for (double m : row.means) out.push_back({readable_value(m, row.summary), "", Judgement::unknown});
  for (std::size_t k = 1; k < row.differences.size(); ++k) {
    const Difference& d = row.differences[k];
    const Judgement j = judge(d, row.summary);
    if (j == Judgement::identical) {
      out.push_back({judgement_name(j), "", j});
      continue;
    }
    std::string detail = readable_interval(d, row.summary);
    if (j != Judgement::unknown) detail.append(detail.empty() ? "" : " ").append(judgement_name(j));
    out.push_back({readable_difference(d.mean, row.summary), detail, j});
  }
  return out;
}

}  // namespace

std::vector<CompareTable> compare_tables(const Comparison& c) {
  std::vector<std::string> header{"summary"};
  header.insert(header.end(), c.labels.begin(), c.labels.end());
  for (std::size_t k = 1; k < c.labels.size(); ++k) header.push_back(c.labels[k] + " - " + c.labels[0]);
  std::vector<CompareTable> tables;
  for (const MatchedPhase& phase : c.phases) tables.push_back({phase.id, phase_title(phase), header, {}});
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
