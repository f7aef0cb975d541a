#pragma once
// What a scenario from someone else may not do with its names
// (docs/reliability.md, "Threat model"): name a file outside results/, or put
// a formula in a CSV cell. Checked on every input the scenario fuzzers load;
// a broken promise aborts, which libFuzzer reports as a finding.
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/description.hpp"
#include "output/csv_export.hpp"
#include "output/output_name.hpp"

namespace score::fuzz {

inline void check_untrusted_names(const model::Description& m,
                                  const std::vector<std::string>& overrides = {}) {
  const std::filesystem::path path = output::default_results_path(m.name, overrides);
  const std::string stem = path.stem().string();
  bool ok = path.parent_path() == "results" && path.extension() == ".h5" && !stem.empty() &&
            stem.size() <= output::kMaxStem && stem.front() != '.' && stem.front() != '-';
  for (char c : stem)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) ||
                std::string_view("._-=").find(c) != std::string_view::npos);
  for (const auto& phase : m.phases) {
    const std::string cell = output::csv_text(phase.name);
    ok = ok && (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos);
  }
  if (!ok) std::abort();
}

}  // namespace score::fuzz
