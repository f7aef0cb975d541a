// Sweep results files, as `score sensitivity`, `score sweep --ci-width` and
// the viewer read them: the sweep's description, every statistic of every
// point, the design and any stored indices. A damaged file must be refused
// with std::runtime_error, never crash or hang: SweepFile reads each file in
// a child process first (output/contained_read.hpp), so anything this
// fuzzer reports is a finding, HDF5's or ours.
#include <cstdlib>
#include <stdexcept>

#include "fuzz_support.hpp"
#include "sweep_output/sweep_reader.hpp"

// The child's time limit well inside libFuzzer's -timeout (20 s in scripts/fuzz.sh).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("SCORE_READ_TIME_LIMIT", "5", 0);
  // A file whose check grows the child by more than this is refused, so the
  // fuzzer never reads it itself: its own memory stays far below -rss_limit_mb.
  setenv("SCORE_READ_MEMORY_LIMIT", "256", 0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = score::fuzz::write_input("fuzzed_sweep.h5", data, size);
  try {
    const score::output::SweepFile file(path);
    for (int s = 0; s < score::sweep::kStatistics; ++s)
      (void)file.statistic(static_cast<score::sweep::Statistic>(s));
    (void)file.design();
    for (const char* index : {"first", "total", "mu_star"}) (void)file.sensitivity(index);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
