#include "output/yearly.hpp"

#include <cmath>
#include <limits>

#include "output/statistics.hpp"

namespace score::output {

std::vector<sim::Period> calendar_years(const RunInfo& info, std::vector<int>& years) {
  std::vector<sim::Period> periods;
  years.clear();
  for (int t = 0; t < info.steps; ++t) {
    const int year = info.start.plus(t).year;
    if (years.empty() || years.back() != year) {
      years.push_back(year);
      periods.push_back({t, t});
    }
    periods.back().last_step = t;
  }
  return periods;
}

namespace {
// One replication's series as the simulation produced it, from the file.
sim::Series read_series(const ResultsFile& file, int replication) {
  const RunInfo& info = file.results().info;
  sim::Series series(info.steps, static_cast<int>(info.country_ids.size()));
  for (const sim::MetricInfo& m : sim::metric_catalogue()) {
    const auto into = series.values(m.id);
    if (!file.results().find_metric(m.name)) {
      std::fill(into.begin(), into.end(), std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    const std::vector<double> values = file.metric(m.name, replication);
    if (values.size() != into.size())
      throw std::runtime_error("'" + file.path().string() + "': variable '" + m.name +
                               "' is shaped unlike the engine's series");
    std::copy(values.begin(), values.end(), into.begin());
  }
  return series;
}

// The mean across replications of every cell; ratios with parts recomputed
// from their parts' means, as every other level of the catalogue does.
sim::PhaseSummary mean_of(const std::vector<sim::PhaseSummary>& runs) {
  const sim::PhaseSummary& first = runs.front();
  sim::PhaseSummary out(first.phases(), first.countries());
  for (int p = 0; p < first.phases(); ++p)
    for (int c = 0; c <= first.countries(); ++c) {
      for (int s = 0; s < sim::kSummaries; ++s) {
        const auto which = static_cast<sim::Summary>(s);
        std::vector<double> sample;
        for (const auto& run : runs) sample.push_back(run.at(p, c, which));
        out.at(p, c, which) = sample_statistics(sample)[stored_index(Statistic::mean)];
      }
      sim::fill_ratios(out, p, c);
    }
  return out;
}
}  // namespace

YearlySummaries yearly_summaries(const ResultsFile& file) {
  YearlySummaries out;
  out.periods = calendar_years(file.results().info, out.years);
  for (int r = 0; r < file.results().info.replications; ++r)
    out.replications.push_back(sim::summarise(read_series(file, r), out.periods));
  out.mean = mean_of(out.replications);
  return out;
}

}  // namespace score::output
