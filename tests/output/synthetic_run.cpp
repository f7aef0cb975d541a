#include "synthetic_run.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "model/description.hpp"
#include "output/results_writer.hpp"

namespace score::output::testing {

RunInfo small_run(int replications, int steps) {
  RunInfo info;
  info.scenario_name = "synthetic";
  info.scenario_toml = "name = \"synthetic\"\n[calendar]\nstart = \"2013-09\"\n";
  info.scenario_sha256 = std::string(64, 'a');
  info.engine_version = "0.1.0-test";
  info.seed = 18'446'744'073'709'551'557ULL;  // above 2^63: the attribute must be unsigned
  info.replications = replications;
  info.start = {2013, 9};
  info.steps = steps;
  info.country_ids = {"GH", "VN"};
  info.country_names = {"Ghana", "Viet Nam, Socialist Republic"};
  info.phases = {{"P1", "Pilot", 0, 5}, {"P2", "Scale-up, \"phase 2\"", 6, steps - 1}};
  return info;
}

sim::Series synthetic_series(const RunInfo& info, int replication) {
  sim::Series series(info.steps, static_cast<int>(info.country_ids.size()));
  for (int m = 0; m < sim::kMetrics; ++m) {
    const auto metric = static_cast<sim::Metric>(m);
    for (int t = 0; t < series.steps(); ++t)
      for (int c = 0; c < series.countries(); ++c)
        for (int k = 0; k < sim::axis_length(sim::info(metric).axis); ++k) {
          // Positive, uneven across replications so percentiles interpolate.
          const double noise = std::sin(replication * 12.9898 + t * 78.233 + c * 37.719 + m * 3.1 + k * 1.7);
          series.at(metric, t, c, k) = 100.0 * (m + 1) + 10.0 * t + c + 0.1 * k + 50.0 * (noise + 1);
        }
  }
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  for (int t = 0; t < series.steps(); ++t)
    for (int c = 0; c < series.countries(); ++c)
      if (t == 0 || (replication + t + c) % 3 == 0) series.at(sim::Metric::cost_recovery, t, c) = nan;
  return series;
}

sim::PhaseSummary synthetic_summary(const RunInfo& info, const sim::Series& series) {
  model::Description model;
  model.start = info.start;
  model.steps = info.steps;
  for (const auto& p : info.phases) {
    model::Phase phase;
    phase.id = p.id;
    phase.name = p.name;
    phase.first_step = p.first_step;
    phase.last_step = p.last_step;
    model.phases.push_back(phase);
  }
  return sim::summarise(series, model);
}

void write_run(const std::filesystem::path& path, const RunInfo& info, WriteOptions options) {
  ResultsWriter writer(path, info, options);
  for (int r = 0; r < info.replications; ++r) {
    const auto series = synthetic_series(info, r);
    writer.write(r, series, synthetic_summary(info, series));
  }
  writer.finish();
}

sim::FunderLedger numbered_ledger(int replication, int funders, int phases, double scale) {
  sim::FunderLedger l(funders, phases);
  for (int f = 0; f < funders; ++f)
    for (int p = 0; p < phases; ++p)
      for (int c = 0; c < sim::kLedgerColumns; ++c) {
        const auto column = static_cast<sim::LedgerColumn>(c);
        l.own_at(f, p, column) = 1000.0 * replication + 100.0 * f + 10.0 * p + c;
        l.usd_at(f, p, column) = scale * l.own_at(f, p, column);
      }
  return l;
}

RunInfo with_funders() {
  RunInfo info = small_run(2);
  info.funders = {{"SECO", "Swiss donor", "CHF"}, {"ILO", "International Labour Organization", "USD"}};
  return info;
}

void write_with_ledger(const std::filesystem::path& path, const RunInfo& info, bool ledger) {
  ResultsWriter writer(path, info);
  for (int r = 0; r < info.replications; ++r) {
    auto series = synthetic_series(info, r);
    if (ledger) series.funder_ledger = numbered_ledger(r, 2, 2, 1.1);
    writer.write(r, series, synthetic_summary(info, series));
  }
  writer.finish();
}

namespace {
// Directories this process made, removed when it exits (unless SCORE_KEEP_SCRATCH
// is set, to look at the files of a failing test).
struct Scratch {
  std::vector<std::filesystem::path> dirs;
  ~Scratch() {
    if (std::getenv("SCORE_KEEP_SCRATCH")) return;
    std::error_code ignored;
    for (const auto& dir : dirs) std::filesystem::remove_all(dir, ignored);
  }
};
}  // namespace

std::filesystem::path scratch_dir(const std::string& name) {
  static Scratch scratch;
  // The pid keeps test processes that ctest runs in parallel apart.
  const auto dir = std::filesystem::path(SCORE_BINARY_DIR) / "tests" / "output" / "scratch" /
                   (name + "." + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  scratch.dirs.push_back(dir);
  return dir;
}

}  // namespace score::output::testing
