// score validate, info, export, schema: commands that check or read files
// without running anything.
#include <iostream>

#include "cli/commands.hpp"
#include "output/csv_export.hpp"
#include "output/info.hpp"
#include "output/results_reader.hpp"
#include "scenario/build.hpp"
#include "scenario/reference.hpp"

namespace score::cli {
namespace {

// Runs a command body, turning exceptions into messages and exit codes.
template <class Body>
int guarded(Body&& body) {
  try {
    return body();
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "score: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& overrides) {
  int worst = kOk;
  for (const std::string& file : files) {
    const int code = guarded([&] {
      const scenario::Scenario sc = scenario::load_scenario(file, overrides);
      std::cout << file << ": ok (" << sc.model.name << ", " << sc.model.steps << " months, "
                << sc.model.countries.size() << " countries, " << sc.model.phases.size() << " phases)\n";
      return kOk;
    });
    worst = std::max(worst, code);
  }
  return worst;
}

int info_command(const std::string& file) {
  return guarded([&] {
    std::cout << output::describe(output::read_results(file));
    return kOk;
  });
}

int export_command(const std::string& file, const std::string& dir) {
  return guarded([&] {
    output::export_csv(file, dir);
    std::cout << "wrote " << dir << "/phase_summary.csv and " << dir << "/timeseries.csv\n";
    return kOk;
  });
}

int schema_command() {
  std::cout << scenario::schema_reference_markdown();
  return kOk;
}

}  // namespace score::cli
