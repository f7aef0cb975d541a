// Sweep files: parsing and checking against a loaded base scenario (the
// small sweep-test scenario, so that range = "scenario" resolves), then the
// design of a sweep small enough to build quickly. Only ScenarioError may
// come out.
#include <algorithm>

#include "fuzz_support.hpp"
#include "scenario/document.hpp"
#include "sweep/sweep_design.hpp"
#include "sweep/sweep_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const score::scenario::Document base =
      score::scenario::load_document(score::fuzz::scratch_dir() / "small.toml");
  const auto path = score::fuzz::write_input("fuzzed_sweep.toml", data, size);
  try {
    const score::sweep::SweepSpec spec = score::sweep::parse_sweep_file(path, &base);
    // Designs of up to a million points are legal but slow to build; the
    // fuzzer builds the small ones, where the mapping to ranges is the same.
    const double k = static_cast<double>(spec.parameters.size());
    double points = 1;
    switch (spec.method) {
      case score::sweep::Method::grid:
        for (const auto& p : spec.parameters)
          points *= p.factor.levels.empty() ? std::max(spec.levels, 1)
                                            : static_cast<double>(p.factor.levels.size());
        break;
      case score::sweep::Method::lhs:
      case score::sweep::Method::sobol:
        points = spec.points;
        break;
      case score::sweep::Method::saltelli:
        points = spec.n * (k + 2);
        break;
      case score::sweep::Method::morris:
        points = spec.trajectories * (k + 1);
        break;
    }
    if (points <= 4096) (void)score::sweep::make_design(spec);
  } catch (const score::scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) (void)d.format();
  }
  return 0;
}
