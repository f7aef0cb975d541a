// Results files of runs, as `score info`, `score export`, `score compare` and
// the viewer read them: the metadata and phase summaries, the `info` text,
// every replication and statistic of every metric. A damaged file must be
// refused with std::runtime_error, never crash or hang: ResultsFile reads
// each file in a child process first (output/contained_read.hpp), so a
// crash or a hang inside HDF5 there is an error here, and anything this
// fuzzer reports is a finding, HDF5's or ours.
#include <cstdlib>
#include <stdexcept>

#include "fuzz_support.hpp"
#include "output/info.hpp"
#include "output/results_reader.hpp"

// The child's time limit well inside libFuzzer's -timeout (20 s in scripts/fuzz.sh).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("SCORE_READ_TIME_LIMIT", "5", 0);
  // A file whose check grows the child by more than this is refused, so the
  // fuzzer never reads it itself: its own memory stays far below -rss_limit_mb.
  setenv("SCORE_READ_MEMORY_LIMIT", "256", 0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = score::fuzz::write_input("fuzzed.h5", data, size);
  try {
    const score::output::ResultsFile file(path);
    const auto& results = file.results();
    (void)score::output::describe(results);
    for (const auto& metric : results.metrics) {
      for (int r = 0; r < results.info.replications && r < 4; ++r) (void)file.metric(metric.name, r);
      if (results.has_statistics)
        for (const score::Statistic s : score::output::kStoredStatistics)
          (void)file.metric_statistic(metric.name, s);
    }
  } catch (const std::runtime_error&) {
  }
  return 0;
}
