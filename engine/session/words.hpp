#pragma once
// What the viewer says, in a planner's words rather than the file's: levers
// by label ("Subsidy share, Phase III"), errors without the override's
// "--set:1:26:" position, phases with their names and dates, and a results
// file opened as a scenario recognised as such.
#include <filesystem>
#include <string>

#include "core/calendar.hpp"
#include "scenario/diagnostic.hpp"
#include "session/levers.hpp"
#include "session/snapshot.hpp"

namespace score::session {

// "subsidy_share" -> "Subsidy share"; a trailing "_usd" goes (the unit says it).
std::string humanise_key(const std::string& key);
// Where a lever sits: "phases.II.country.GHA.modules" -> "Phase II, GHA, modules".
std::string table_label(const std::string& table);
// "Subsidy share (Phase III)".
std::string lever_label(const Lever& lever);
// The lever at a dotted path, by label when it is a known lever.
std::string path_label(const std::vector<Lever>& levers, const std::string& path);

// A diagnostic for a person: an edit's problem names the lever by label and
// drops the position inside the override text; a file's keeps file and line.
std::string person_message(const scenario::Diagnostic& d, const std::vector<Lever>& levers);

// True when `file` starts with the HDF5 signature: a results file, not a scenario.
bool is_hdf5(const std::filesystem::path& file);

// "Phase III: buyers and licensing, 2017-10 to 2021-11": the phase as the
// charts and tables name it.
std::string phase_title(const PhaseSpan& phase, YearMonth start);

// Whether a lever is a share in [0, 1], shown as a percent slider.
bool is_share(const Lever& lever);

}  // namespace score::session
