// score validate, info, export, schema: commands that check or read files
// without running anything.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "output/csv_export.hpp"
#include "output/info.hpp"
#include "output/results_reader.hpp"
#include "scenario/build.hpp"
#include "scenario/reference.hpp"

namespace score::cli {
namespace {
// These commands only read the files they are given: whatever goes wrong is
// taken for bad input.
constexpr const char* kPrefix = "score: ";
}  // namespace

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& overrides,
                     bool strict) {
  int worst = kOk;
  for (const std::string& file : files) {
    const int code = guarded([&] {
      const scenario::Scenario sc = scenario::load_scenario(file, overrides);
      const std::size_t warnings = print_warnings(sc);
      if (strict && warnings > 0) {
        std::cerr << file << ": " << warnings << " warning(s), refused by --strict\n";
        return kBadInput;
      }
      std::cout << file << ": ok (" << sc.model.name << ", " << sc.model.steps << " months, "
                << sc.model.countries.size() << " countries, " << sc.model.phases.size() << " phases)\n";
      return kOk;
    }, kPrefix, kBadInput);
    worst = std::max(worst, code);
  }
  return worst;
}

int info_command(const std::string& file) {
  return guarded([&] {
    std::cout << output::describe(output::read_results(file));
    return kOk;
  }, kPrefix, kBadInput);
}

int export_command(const std::string& file, const std::string& dir) {
  return guarded([&] {
    output::export_csv(file, dir);
    std::cout << "wrote " << dir << "/phase_summary.csv and " << dir << "/timeseries.csv\n";
    return kOk;
  }, kPrefix, kBadInput);
}

int schema_command() {
  std::cout << scenario::schema_reference_markdown();
  return kOk;
}

}  // namespace score::cli
