#pragma once
// `score compare` (runs side by side, differences with intervals) and
// `score report` (the same as one self-contained HTML file with charts).
// Exit codes as in cli/commands.hpp.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace score::cli {

enum class CompareFormat { text, csv, markdown };

struct CompareArgs {
  std::vector<std::string> files;  // results files; differences against the first
  std::string country;             // a country id; empty: all countries
  CompareFormat format = CompareFormat::text;
  double confidence = 0.95;
};

struct ReportArgs {
  std::vector<std::string> files;
  std::string output;  // the HTML file
  double confidence = 0.95;
};

int compare_command(const CompareArgs& args);
int report_command(const ReportArgs& args);

// Adds both subcommands; `code` receives the exit code of the one run.
void add_compare_commands(CLI::App& app, int& code);

}  // namespace score::cli
