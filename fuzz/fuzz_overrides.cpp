// `--set KEY.PATH=VALUE` overrides: each line of the input is one override,
// applied to the small sweep-test scenario (a complete, valid programme), then
// validated and built. Only ScenarioError may come out, and the run's default
// results name must stay a safe file name under results/.
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "scenario/build.hpp"
#include "untrusted_names.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> overrides;
  std::string line;
  for (std::size_t i = 0; i < size; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c != '\n') {
      line.push_back(c);
      continue;
    }
    overrides.push_back(std::move(line));
    line.clear();
  }
  overrides.push_back(std::move(line));
  try {
    const auto sc = score::scenario::load_scenario(score::fuzz::scratch_dir() / "small.toml", overrides);
    score::fuzz::check_untrusted_names(sc.model, overrides);  // a changed run's own results name
  } catch (const score::scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) (void)d.format();
  }
  return 0;
}
