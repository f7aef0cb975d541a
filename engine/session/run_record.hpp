#pragma once
// What the run library knows of each run besides its numbers: a stable id
// and colour, a name made of the scenario's name and its edits, every
// lever's value (to list the levers in which runs differ), and the
// scenario's description and question.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "session/edits.hpp"
#include "session/levers.hpp"

namespace score::session {

struct RunRecord {
  int id = 0;      // 1, 2, ... in the order runs were made; never reused
  int colour = 0;  // palette index, fixed for the run's life
  std::string label;
  std::filesystem::path file;                 // the scenario (or results file) it came from
  std::vector<std::string> overrides;         // the edits and settings it ran with
  std::map<std::string, std::string> levers;  // every lever's value as text, edits applied
  std::string description, question;
};

// "buyer_led, Subsidy share (Phase III) 20 %": the scenario's name and up to
// two edits by label; more edits are counted.
std::string run_label(const std::string& name, const std::vector<Lever>& levers, const Edits& edits);

// Every lever's value as text, the edits applied.
std::map<std::string, std::string> lever_values(const std::vector<Lever>& levers, const Edits& edits);

// The "Question..." paragraph of a scenario file's leading comment, or "".
std::string question_of(const std::filesystem::path& scenario_file);

// A lever whose value is not the same in every run (absent: "").
struct LeverDifference {
  std::string path;
  std::vector<std::string> values;  // one per run, in the order given
};
std::vector<LeverDifference> differing_levers(const std::vector<const RunRecord*>& runs);

}  // namespace score::session
