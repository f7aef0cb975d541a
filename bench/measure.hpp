#pragma once
// What score-bench measures, as functions the micro-benchmarks and the
// tests can share: runs on a given number of threads, result fingerprints,
// memory, and the machine's memory bandwidth.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "model/description.hpp"
#include "output/run_info.hpp"
#include "profile.hpp"
#include "sim/metrics.hpp"
#include "sim/state.hpp"
#include "sim/summary.hpp"

namespace score::bench {

// ------------------------------------------------------------------ runs

struct RunResult {
  sim::Series series{0, 0};
  sim::PhaseSummary summary{0, 0};
  double setup_s = 0;  // population and networks
  double step_s = 0;   // the months
  double wall_s() const { return setup_s + step_s; }
  double peer_degree = 0;                      // mean out-degree of the peer network
  std::array<std::int64_t, 4> final_states{};  // firms unaware, aware, training, done at the end
  std::int64_t trained = 0;                    // firms that completed at least one module
  std::int64_t state_bytes = 0;                // see state_bytes()
  std::int64_t listed_firm_months = 0;         // sum over months of the waiting and returning lists' sizes
};

// One replication on a oneTBB arena of `threads`; with `profile`, process by
// process (timed_step), adding the times to it.
RunResult run_single(const model::Description& model, std::uint32_t replication, int threads,
                     ProcessTimes* profile = nullptr);

struct BatchResult {
  double wall_s = 0;    // run_replications, plus the writer's finish when writing
  double output_s = 0;  // time in the results writer: construction (on its own thread, beside the
                        // first replications, as in `score run`), write() calls, finish()
  std::int64_t peak_rss_bytes = 0;
  std::uintmax_t file_bytes = 0;            // the results file's size, when writing
  std::vector<std::uint64_t> fingerprints;  // per replication
};

// model.replications replications through sim::run_replications on
// `threads` workers; with `results`, each replication is streamed to an HDF5
// results file there as `score run` does, the file created on a thread of
// its own (the file is removed afterwards).
BatchResult run_batch(const model::Description& model, int threads,
                      const std::optional<std::filesystem::path>& results, const output::RunInfo& info);

// The least writing `bytes` to disk can cost on this machine: a file of that
// size written in 2 MiB blocks with plain write(2), fsync'd, closed and
// removed, as a batch's results file is (seconds). What a results file's
// writer costs beyond it is the format's; the floor is the bytes'.
double plain_write_s(const std::filesystem::path& file, std::uintmax_t bytes);

// What a results file says about a hand-built model.
output::RunInfo run_info_for(const model::Description& model, const std::string& scenario_text = "");

// Time to write one replication's results file (construction, write, finish).
double write_results_once(const std::filesystem::path& file, const output::RunInfo& info,
                          const sim::Series& series, const sim::PhaseSummary& summary);

// -------------------------------------------------------- fingerprints

// FNV-1a over the bits of every value of the series and the summary.
std::uint64_t fingerprint(const sim::Series& series, const sim::PhaseSummary& summary);
bool bit_identical(const sim::Series& a, const sim::Series& b);

// ---------------------------------------------------------------- memory

std::int64_t peak_rss_bytes();     // getrusage(RUSAGE_SELF).ru_maxrss
std::int64_t current_rss_bytes();  // /proc/self/statm

// Bytes a run moves, at least: the firm arrays and networks written once at
// set-up, and each month the id lists of the active set (read and written
// when they are merged: 8 bytes per entry). The random reads of the firms an
// event touches are not counted; they cost latency, not bandwidth. See
// docs/performance.md ("Bytes moved").
double model_bytes(const RunResult& run);

// Bytes of state a replication keeps for its firms: the SoA vectors and
// the CSR networks, as allocated. The floor the peak memory can reach.
std::int64_t state_bytes(const sim::State& state);

// ---------------------------------------------------------------- STREAM

struct StreamResult {
  double triad_bytes_per_s = 0;  // best of the trials, STREAM's count: 24 bytes per element
  std::size_t array_bytes = 0;
  int threads = 0;
};

// a[i] = b[i] + q * c[i] over three arrays of `array_bytes` each, on `threads`
// workers, each thread always on the same slice (first touch included).
StreamResult stream_triad(int threads, std::size_t array_bytes, int trials);

// -------------------------------------------------------------- helpers

double median(std::vector<double> values);

}  // namespace score::bench
