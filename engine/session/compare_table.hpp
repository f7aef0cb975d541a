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
  std::string detail;  // of a difference: its interval and meaning ("[+1,200, +1,540] better")
  Judgement judgement = Judgement::unknown;  // for colouring a difference; unknown elsewhere
};

struct CompareTable {
  std::string phase;                // a phase id or kProgramme
  std::string title;                // "Phase I: Launch (2009-01 to 2011-12)", "Programme (all phases)"
  std::vector<std::string> header;  // "summary", run labels, "B - A" columns
  std::vector<std::vector<TableCell>> rows;
};

// A summary's row label: its long name, worded for the whole programme in
// programme rows ("in the phase" becomes "over the programme").
std::string summary_label(sim::Summary summary, bool programme);

// A table's title: "Phase I: ILO-led pilots (2009-01 to 2013-09)".
std::string phase_title(const MatchedPhase& phase);

// One table per matched phase, then the programme's.
std::vector<CompareTable> compare_tables(const Comparison& comparison);

// What the differences are and how they were estimated, one sentence per
// run after the first ("buyer_led against history: paired (same seed 1 and 20
// replications), 95% intervals").
std::vector<std::string> pairing_notes(const Comparison& comparison, std::span<const ComparedRun> runs);

}  // namespace score::session
