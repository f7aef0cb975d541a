#pragma once
// The open objects of a results file being written, laid out as
// docs/output-format.md describes. ResultsWriter adds the policy around it
// (temporary name, locking, validation); this is where the layout lives.
// Call only with an h5::Lock held.
#include <array>
#include <filesystem>
#include <span>
#include <vector>

#include "output/funder_ledger_io.hpp"
#include "output/hdf5_handle.hpp"
#include "output/run_info.hpp"
#include "output/scale_attachments.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::output::detail {

struct ResultsLayout {
  h5::Id file;
  h5::Id time, country, replication, phase, statistic;  // dimension scales
  std::array<h5::Id, 4> axes;                           // by sim::Axis; [none] stays empty
  std::array<h5::Id, sim::kMetrics> metrics;
  std::array<h5::Id, sim::kSummaries> summaries, totals;
  // Their `*_stats` companions, made with the file when it has several
  // replications (so finishing it only fills them), else left empty.
  std::array<h5::Id, sim::kMetrics> metric_stats;
  std::array<h5::Id, sim::kSummaries> summary_stats, total_stats;
  std::vector<hsize_t> chunk_steps;  // time steps per chunk, per metric
  int deflate_level = 0;             // of the series and their statistics; 0: none
  // Values the statistics read back from the file at once, at most: metrics
  // are summarised a group of them at a time, in parallel; a metric larger
  // than this, a block at a time.
  hsize_t statistics_budget = 0;
  // Each named funder's money per phase; empty for a run without funders.
  FunderLedgerVariables funder_ledger;
  // The scales attached to the variables created so far, written into the
  // scales' reference lists at the end of each stage of writing.
  h5::ScaleAttachments attachments;

  // Creates the file with its metadata, coordinates and empty (NaN) variables.
  void create(const std::filesystem::path& path, const RunInfo& info);
  // One replication's values; the shapes must already match the file.
  void write_replication(int index, const sim::Series& series, const sim::PhaseSummary& summary);
  // Fills the `*_stats` variables from the replications read back from the file.
  void write_statistics();
  // Flushes and closes, reporting a failure.
  void close();

 private:
  hid_t axis(sim::Axis a) const { return axes[static_cast<std::size_t>(a)].get(); }
  void write_root_attributes(const RunInfo& info);
  void write_coordinates(const RunInfo& info);
  void create_metrics(const RunInfo& info);
  void create_summaries(const RunInfo& info);
  void create_statistics();
  void write_metric_statistics();
  void write_summary_statistics();
  void read_metric(std::size_t m, std::span<double> values) const;
  void write_row(hid_t dataset, hsize_t index, hsize_t chunk_rows, std::span<const double> row) const;
};

}  // namespace score::output::detail
