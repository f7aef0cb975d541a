// score validate, info, export, diff, schema: commands that check or read
// files without running anything. Each takes scenario and sweep files, run
// and sweep results files alike.
#include <fstream>
#include <iostream>
#include <regex>

#include "calibrate/calibration.hpp"
#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "output/csv_export.hpp"
#include "output/diff.hpp"
#include "output/info.hpp"
#include "output/results_reader.hpp"
#include "scenario/build.hpp"
#include "scenario/document.hpp"
#include "scenario/reference.hpp"
#include "sweep/sweep.hpp"
#include "sweep_output/sweep_export.hpp"
#include "sweep_output/sweep_info.hpp"

namespace score::cli {
namespace {
// These commands only read the files they are given: whatever goes wrong is
// taken for bad input.
constexpr const char* kPrefix = "score: ";

// What a TOML input is, by its top table: a sweep file has a [sweep] table
// (docs/experiments.md), a calibration file a [calibration] table
// (docs/calibration.md); a scenario has neither. Only a regular file of an
// input's size is looked into: anything else (a device, a directory, a huge
// file) goes to the scenario loader, which says what is wrong with it.
enum class InputKind { scenario, sweep, calibration };

InputKind input_kind(const std::string& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return InputKind::scenario;
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  if (error || size > scenario::kMaxInputBytes) return InputKind::scenario;
  std::ifstream in(file);
  const std::regex header(R"(^\s*\[\s*(sweep|calibration)\s*\]\s*(#.*)?$)");
  std::smatch table;
  for (std::string line; std::getline(in, line);)
    if (std::regex_match(line, table, header))
      return table[1] == "sweep" ? InputKind::sweep : InputKind::calibration;
  return InputKind::scenario;
}

bool refuse_overrides(const std::string& file, const std::vector<std::string>& overrides, const char* kind) {
  if (overrides.empty()) return false;
  std::cerr << kPrefix << file << ": --set applies to scenario files; a " << kind
            << " file sets its values itself\n";
  return true;
}

// A sweep file as `score sweep` checks it before running: the file, its base
// scenario and the scenario of every point.
int validate_sweep(const std::string& file, const std::vector<std::string>& overrides) {
  if (refuse_overrides(file, overrides, "sweep")) return kBadInput;
  const sweep::Sweep sw = sweep::load_sweep(file);
  sweep::check_points(sw, 0);
  std::cout << file << ": ok (sweep " << sw.spec.name << ", " << sweep::method_name(sw.spec.method) << ", "
            << sw.points() << " points x " << sw.spec.replications << " replications, "
            << sw.spec.parameters.size() << " parameters, over " << sw.base.model.name << ")\n";
  return kOk;
}

// A calibration file as `score calibrate` checks it before running: the file,
// its scenario, its targets and that the scenario gives every target.
int validate_calibration(const std::string& file, const std::vector<std::string>& overrides) {
  if (refuse_overrides(file, overrides, "calibration")) return kBadInput;
  const calibrate::Calibration c = calibrate::load_calibration(file);
  std::cout << file << ": ok (calibration " << c.spec.name << ", " << c.spec.parameters.size()
            << " free parameters, " << c.spec.targets.targets.size() << " targets, budget " << c.spec.budget
            << " runs, over " << c.sweep.base.model.name << ")\n";
  return kOk;
}
}  // namespace

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& overrides,
                     bool strict) {
  int worst = kOk;
  for (const std::string& file : files) {
    const int code = guarded(
        [&] {
          switch (input_kind(file)) {
            case InputKind::sweep:
              return validate_sweep(file, overrides);
            case InputKind::calibration:
              return validate_calibration(file, overrides);
            case InputKind::scenario:
              break;
          }
          const scenario::Scenario sc = scenario::load_scenario(file, overrides);
          const std::size_t warnings = print_warnings(sc);
          if (strict && warnings > 0) {
            std::cerr << file << ": " << warnings << " warning(s), refused by --strict\n";
            return kBadInput;
          }
          std::cout << file << ": ok (" << sc.model.name << ", " << sc.model.steps << " months, "
                    << sc.model.countries.size() << " countries, " << sc.model.phases.size() << " phases)\n";
          return kOk;
        },
        kPrefix, kBadInput);
    worst = std::max(worst, code);
  }
  return worst;
}

int info_command(const std::string& file, const std::string& by) {
  return guarded(
      [&] {
        if (by == "year") {
          if (output::is_sweep_results(file)) {
            std::cerr << kPrefix << file << ": --by year reads a run's results file, not a sweep's\n";
            return kBadInput;
          }
          const output::ResultsFile results(file);
          std::cout << output::describe_years(results.results(), output::yearly_summaries(results));
          return kOk;
        }
        if (output::is_sweep_results(file))
          std::cout << output::describe(output::SweepFile(file));
        else
          std::cout << output::describe(output::read_results(file));
        return kOk;
      },
      kPrefix, kBadInput);
}

int export_command(const std::string& file, const std::string& dir) {
  return guarded(
      [&] {
        if (output::is_sweep_results(file)) {
          output::export_sweep_csv(file, dir);
          std::cout << "wrote " << (std::filesystem::path(dir) / "sweep.csv").string() << "\n";
          return kOk;
        }
        const std::vector<std::string> written = output::export_csv(file, dir);
        std::cout << "wrote into " << dir << ":";
        for (std::size_t i = 0; i < written.size(); ++i) std::cout << (i == 0 ? " " : ", ") << written[i];
        std::cout << "\n";
        return kOk;
      },
      kPrefix, kBadInput);
}

int diff_command(const std::string& a, const std::string& b) {
  return guarded(
      [&] {
        const std::vector<std::string> differences = output::diff_files(a, b);
        std::string ignored;
        for (const auto& name : output::provenance_attributes())
          ignored += (ignored.empty() ? "" : ", ") + name;
        if (differences.empty()) {
          std::cout << a << " and " << b << " hold the same data (provenance left out: " << ignored << ")\n";
          return kOk;
        }
        for (const auto& line : differences) std::cout << line << "\n";
        std::cout << a << " and " << b << " differ in " << differences.size() << " place"
                  << (differences.size() == 1 ? "" : "s") << " (provenance left out: " << ignored << ")\n";
        return kDiffer;
      },
      kPrefix, kBadInput);
}

int schema_command() {
  std::cout << scenario::schema_reference_markdown();
  return kOk;
}

}  // namespace score::cli
