#pragma once
// Reads results files (docs/output-format.md) back: the metadata and the phase
// summaries of every replication at once (they are small), time series one
// metric and replication at a time (they are not).
//
// Anything wrong with a file (missing, not HDF5, not a score results file,
// truncated, shapes that disagree with its metadata or are absurd) is reported
// as std::runtime_error whose message names the file and the problem.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "output/format.hpp"
#include "output/run_info.hpp"
#include "sim/summary.hpp"

namespace score::output {

// A time-series variable of the file, dims (replication, time, country[, axis]).
struct MetricEntry {
  std::string name, long_name, units;
  std::string kind;  // "flow", "stock" or "ratio"
  std::string axis;  // the extra dimension ("module", "source", "indicator"); empty if none
  std::vector<std::string> axis_labels;
  int axis_length() const { return axis.empty() ? 1 : static_cast<int>(axis_labels.size()); }
};

struct Results {
  std::filesystem::path path;
  RunInfo info;
  std::vector<MetricEntry> metrics;  // in file order
  // One per replication; country index == countries is the all-country total.
  // NaN for a summary of the engine's catalogue that the file lacks.
  std::vector<sim::PhaseSummary> phase_summaries;
  bool has_statistics = false;  // the file has `*_stats` variables (more than one replication)
  // The statistics of the phase summaries, indexed by Statistic; empty without statistics.
  std::vector<sim::PhaseSummary> phase_statistics;
  std::vector<std::string> variables;  // every variable of the file, coordinates included
  // Each replication's funder ledger (sim/funder_ledger.hpp), funders as in
  // info.funders; nullopt for a file written before results recorded it.
  std::optional<std::vector<sim::FunderLedger>> funder_ledgers;

  // The metric `name`, also when one of the names is a metric's old name
  // (sim/metric_names.hpp): the entry keeps the name the file gives it.
  const MetricEntry* find_metric(std::string_view name) const;
};

// An open results file, for reading many series without reopening it.
class ResultsFile {
 public:
  // Opens and reads the metadata and phase summaries. The file is first read
  // in a child process with a time limit (output/contained_read.hpp): the
  // metadata, the summaries and the time series (all of them, or the first
  // and last replication of each when the file holds more than 2^24
  // values), so that a damaged file on which HDF5 crashes or hangs is an
  // error, not the end of the process.
  explicit ResultsFile(const std::filesystem::path& path);
  ~ResultsFile();
  ResultsFile(ResultsFile&&) noexcept;
  ResultsFile& operator=(ResultsFile&&) noexcept;

  const Results& results() const { return results_; }
  const std::filesystem::path& path() const { return results_.path; }
  // One replication of a metric, laid out [time][country][axis].
  std::vector<double> metric(std::string_view name, int replication) const;
  // One statistic across replications of a metric, laid out [time][country][axis].
  std::vector<double> metric_statistic(std::string_view name, Statistic statistic) const;

 private:
  struct Unchecked {};
  ResultsFile(const std::filesystem::path& path, Unchecked);
  // What the child process reads (see the constructor).
  static void read_everything(const std::filesystem::path& path);

  struct Handle;
  std::unique_ptr<Handle> handle_;
  Results results_;
};

Results read_results(const std::filesystem::path& path);
std::vector<double> read_metric(const std::filesystem::path& path, std::string_view name, int replication);

}  // namespace score::output
