#include "provenance/run_info.hpp"

#include "core/version.hpp"
#include "scenario/resolved.hpp"

namespace score::provenance {

output::RunInfo run_info(const scenario::Scenario& sc) {
  output::RunInfo info = output::run_shape(sc.model);
  info.scenario_toml = scenario::to_toml(sc.document);
  info.scenario_sha256 = sc.document.sha256;
  info.scenario_overrides = sc.document.overrides;
  info.engine_version = SCORE_VERSION;
  return info;
}

}  // namespace score::provenance
