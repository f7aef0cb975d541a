// Results files of runs, as `score info`, `score export` and `score compare`
// read them: the metadata and phase summaries, the `info` text, then one
// replication and one statistic of the first metric. A damaged file must be
// refused with std::runtime_error.
#include <stdexcept>

#include "fuzz_support.hpp"
#include "output/info.hpp"
#include "output/results_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = score::fuzz::write_input("fuzzed.h5", data, size);
  try {
    const score::output::ResultsFile file(path);
    (void)score::output::describe(file.results());
    if (!file.results().metrics.empty()) {
      const auto& name = file.results().metrics.front().name;
      (void)file.metric(name, 0);
      if (file.results().has_statistics) (void)file.metric_statistic(name, score::output::Statistic::p50);
    }
  } catch (const std::runtime_error&) {
  }
  return 0;
}
