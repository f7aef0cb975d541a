// Sweep results files, as `score sensitivity` and `score sweep --ci-width`
// read them: the sweep's description and the means of every point. A
// damaged file must be refused with std::runtime_error.
#include <stdexcept>

#include "fuzz_support.hpp"
#include "output/sweep_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = score::fuzz::write_input("fuzzed_sweep.h5", data, size);
  try {
    const score::output::SweepFile file(path);
    (void)file.statistic(score::sweep::Statistic::mean);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
