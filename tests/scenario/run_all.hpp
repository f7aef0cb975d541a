#pragma once
// Runs every replication of a scenario's model on two threads and keeps each
// one's series and phase summaries, in replication order.
#include <vector>

#include "model/description.hpp"
#include "sim/runner.hpp"
#include "sim/summary.hpp"

namespace score::scenario::runs {

inline void run_all(const model::Description& model, std::vector<sim::Series>& series,
                    std::vector<sim::PhaseSummary>& summaries) {
  const int countries = static_cast<int>(model.countries.size());
  series.assign(static_cast<std::size_t>(model.replications), sim::Series(model.steps, countries));
  summaries.assign(static_cast<std::size_t>(model.replications),
                   sim::PhaseSummary(static_cast<int>(model.phases.size()), countries));
  sim::RunOptions options;
  options.threads = 2;
  // Each replication writes its own slot: no two threads share one.
  options.on_replication = [&](int r, const sim::Series& s, const sim::PhaseSummary& sum) {
    series[static_cast<std::size_t>(r)] = s;
    summaries[static_cast<std::size_t>(r)] = sum;
  };
  sim::run_replications(model, options);
}

}  // namespace score::scenario::runs
