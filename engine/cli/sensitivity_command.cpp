// score sensitivity: Sobol' indices (saltelli sweeps) or Morris statistics
// (morris sweeps) of every outcome, from the mean over each point's
// replications; printed as a table and stored in the results file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/sweep_commands.hpp"
#include "output/sweep_reader.hpp"
#include "sweep/sweep_analysis.hpp"

namespace score::cli {
namespace {

bool wanted(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

// Fixed three decimals (indices, shares) or four significant digits (effects in outcome units).
std::string number(double v, int width, bool fixed) {
  char buffer[48];
  if (std::isnan(v))
    std::snprintf(buffer, sizeof buffer, "%*s", width, "nan");
  else if (fixed)
    std::snprintf(buffer, sizeof buffer, "%*.3f", width, v);
  else
    std::snprintf(buffer, sizeof buffer, "%*.4g", width, v);
  return buffer;
}

// One row per (phase, summary, parameter); outcomes whose indices are all
// undefined (no variation across the points) are counted, not printed.
void print_table(const output::SweepFileInfo& info, const sweep::SensitivityTable& t, const SensitivityArgs& args) {
  const bool sobol = t.method == sweep::Method::saltelli;
  std::size_t width = 9;
  for (const auto& p : info.parameters) width = std::max(width, p.size());
  if (sobol)
    std::printf("Sobol' indices of %s (saltelli, n = %d, %d parameters; %g %% bootstrap intervals, %d resamples)\n",
                info.name.c_str(), info.saltelli.n, t.parameters, t.confidence * 100, t.bootstrap);
  else
    std::printf("Morris elementary effects of %s (%d trajectories, %d parameters; per unit-cube step)\n",
                info.name.c_str(), info.morris.trajectories, t.parameters);
  std::printf("%-6s %-24s %-*s %s\n", "phase", "summary", static_cast<int>(width), "parameter",
              sobol ? "   first [interval]               total [interval]" : "        mu*        sigma           mu");
  int flat = 0;
  for (int ph = 0; ph < t.phases; ++ph) {
    const std::string& phase = info.phases[static_cast<std::size_t>(ph)];
    for (int s = 0; s < sim::kSummaries; ++s) {
      const std::string summary = sim::summary_catalogue()[static_cast<std::size_t>(s)].name;
      if (!wanted(args.phases, phase) || !wanted(args.summaries, summary)) continue;
      const std::vector<double>& key = sobol ? t.first : t.mu_star;
      bool defined = false;
      for (int j = 0; j < t.parameters; ++j) defined = defined || !std::isnan(key[t.index(ph, s, j)]);
      if (!defined) {
        ++flat;
        continue;
      }
      for (int j = 0; j < t.parameters; ++j) {
        const std::size_t i = t.index(ph, s, j);
        std::string cells;
        if (sobol)
          cells = number(t.first[i], 8, true) + " [" + number(t.first_lo[i], 6, true) + ", " +
                  number(t.first_hi[i], 6, true) + "]  " + number(t.total[i], 8, true) + " [" +
                  number(t.total_lo[i], 6, true) + ", " + number(t.total_hi[i], 6, true) + "]";
        else
          cells = number(t.mu_star[i], 11, false) + "  " + number(t.sigma[i], 11, false) + "  " + number(t.mu[i], 11, false);
        std::printf("%-6s %-24s %-*s %s\n", phase.c_str(), summary.c_str(), static_cast<int>(width),
                    info.parameters[static_cast<std::size_t>(j)].c_str(), cells.c_str());
      }
    }
  }
  if (flat > 0) std::printf("(%d outcome(s) without variation across the points left out)\n", flat);
}

}  // namespace

int sensitivity_command(const SensitivityArgs& args) {
  output::SweepFileInfo info;
  sweep::OutcomeTable means;
  try {
    const output::SweepFile file(args.file);
    info = file.info();
    means = file.statistic(sweep::Statistic::mean);
  } catch (const std::exception& e) {
    std::cerr << "score sensitivity: " << e.what() << "\n";
    return kBadInput;
  }
  if (!sweep::supports_sensitivity(info.method)) {
    std::cerr << "score sensitivity: " << args.file << " comes from a " << sweep::method_name(info.method)
              << " design; sensitivity indices need a saltelli design (Sobol' first-order and total indices) or a "
                 "morris design (Morris mu*, sigma)\n";
    return kBadInput;
  }
  try {
    const sweep::SensitivityTable table = sweep::sensitivity_table(
        info.method, means, static_cast<int>(info.parameters.size()), info.saltelli, info.morris, args.bootstrap,
        args.confidence, info.seed);
    output::write_sensitivity(args.file, table);
    print_table(info, table, args);
    std::printf("stored in %s as sensitivity_* (phase, summary, parameter)\n", args.file.c_str());
    return kOk;
  } catch (const std::exception& e) {
    std::cerr << "score sensitivity: error: " << e.what() << "\n";
    return kInternal;
  }
}

}  // namespace score::cli
