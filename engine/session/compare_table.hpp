#pragma once
// A Comparison laid out as tables of readable text, one per phase and one
// for the programme: a row per summary, a column per run's mean, then a
// column per run's difference from the first (with its interval and what it
// means). Markdown (`score compare --markdown`) and HTML (`score report`)
// render the same cells.
#include <string>
#include <vector>

#include "session/compare.hpp"
#include "session/readable.hpp"

namespace score::session {

struct TableCell {
  std::string text;
  Judgement judgement = Judgement::unknown;  // for colouring a difference; unknown elsewhere
};

struct CompareTable {
  std::string phase;                // a phase id or kProgramme
  std::string title;                // "Phase I: Launch (2009-01 to 2011-12)", "Programme (all phases)"
  std::vector<std::string> header;  // "summary", run labels, "B - A" columns
  std::vector<std::vector<TableCell>> rows;
};

// One table per matched phase, then the programme's; `runs` as given to compare_runs.
std::vector<CompareTable> compare_tables(const Comparison& comparison, std::span<const ComparedRun> runs);

// What the differences are and how they were estimated, one sentence per
// run after the first ("buyer_led against history: paired (same seed 1 and 20
// replications), 95% intervals").
std::vector<std::string> pairing_notes(const Comparison& comparison, std::span<const ComparedRun> runs);

}  // namespace score::session
