// Scenario files: TOML parsing, `extends` (bases are the shipped scenarios,
// copied next to the input), validation against the schema, the model
// builder's cross-key checks and the resolved TOML. Every problem must come
// out as a ScenarioError, and a loaded scenario's names must make a safe
// default output name and CSV cells; anything else (a crash, another exception, a
// sanitizer report) is a finding.
#include "fuzz_support.hpp"
#include "scenario/build.hpp"
#include "scenario/resolved.hpp"
#include "untrusted_names.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = score::fuzz::write_input("fuzzed.toml", data, size);
  try {
    const score::scenario::Scenario sc = score::scenario::load_scenario(path);
    (void)score::scenario::to_toml(sc.document);
    score::fuzz::check_untrusted_names(sc.model);
  } catch (const score::scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) (void)d.format();
  }
  return 0;
}
