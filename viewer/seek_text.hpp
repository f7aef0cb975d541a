#pragma once
// The printed result of `score seek` (saved with `score seek ... > FILE`,
// or `2>&1` to keep a "no answer"), read back for the viewer's Planning tab:
// the question, each lever value tried and the answer with its interval.
// `score seek` writes no results file; its output is stable text
// (engine/cli/seek_command.cpp), so this is the one place that reads it.
#include <filesystem>
#include <string>
#include <vector>

namespace score::viewer {

struct SeekProbe {
  std::string value, runs, met, probability, interval, verdict;
};

struct SeekText {
  std::string question;  // "score seek history: the smallest ... holds with probability >= 0.8"
  std::vector<SeekProbe> probes;
  bool answered = false;
  std::string lever, answer, interval_lo, interval_hi, confidence;  // when answered
  std::string no_answer;  // why there is none (the stderr line), when kept
  std::string runs;       // "runs: 120 replications at 6 values"
};

// Reads the text; throws std::runtime_error naming the file and line when it
// is not the output of `score seek`.
SeekText parse_seek_text(const std::string& text, const std::string& file);
SeekText read_seek_text(const std::filesystem::path& file);

}  // namespace score::viewer
