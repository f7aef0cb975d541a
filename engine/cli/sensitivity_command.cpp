// score sensitivity: Sobol' indices (saltelli sweeps) or Morris statistics
// (morris sweeps) of every outcome, from the mean over each point's
// replications; printed as a table and stored in the results file. Sobol'
// indices are followed by their convergence over the base sample size.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/sweep_commands.hpp"
#include "sweep/sweep_analysis.hpp"
#include "sweep_output/sweep_reader.hpp"

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

struct Outcome {
  int phase, summary;
};

// The outcomes the --phase and --summary filters select, in table order,
// without those whose indices are all undefined: those are counted in
// `flat` (no variation across the points) or named in `one_run` (the
// variance rests on one base row).
std::vector<Outcome> shown_outcomes(const output::SweepFileInfo& info, const sweep::SensitivityTable& t,
                                    const SensitivityArgs& args, int& flat, std::string* one_run = nullptr) {
  const std::vector<double>& key = t.method == sweep::Method::saltelli ? t.first : t.mu_star;
  std::vector<Outcome> out;
  flat = 0;
  for (int ph = 0; ph < t.phases; ++ph)
    for (int s = 0; s < sim::kSummaries; ++s) {
      const std::string summary = sim::summary_catalogue()[static_cast<std::size_t>(s)].name;
      if (!wanted(args.phases, info.phases[static_cast<std::size_t>(ph)]) || !wanted(args.summaries, summary))
        continue;
      bool defined = false;
      for (int j = 0; j < t.parameters; ++j) defined = defined || !std::isnan(key[t.index(ph, s, j)]);
      const std::size_t cell = static_cast<std::size_t>(ph) * sim::kSummaries + s;
      if (defined)
        out.push_back({ph, s});
      else if (cell < t.one_row.size() && t.one_row[cell] != 0) {
        if (one_run) *one_run += " " + info.phases[static_cast<std::size_t>(ph)] + " " + summary;
      } else
        ++flat;
    }
  return out;
}

std::string row_label(const output::SweepFileInfo& info, Outcome o, int parameter, std::size_t width) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%-6s %-24s %-*s",
                info.phases[static_cast<std::size_t>(o.phase)].c_str(),
                sim::summary_catalogue()[static_cast<std::size_t>(o.summary)].name, static_cast<int>(width),
                info.parameters[static_cast<std::size_t>(parameter)].c_str());
  return buffer;
}

std::size_t label_width(const output::SweepFileInfo& info) {
  std::size_t width = 9;
  for (const auto& p : info.parameters) width = std::max(width, p.size());
  return width;
}

std::string sobol_cells(const sweep::SensitivityTable& t, std::size_t i) {
  return number(t.first[i], 8, true) + " [" + number(t.first_lo[i], 6, true) + ", " +
         number(t.first_hi[i], 6, true) + "]  " + number(t.total[i], 8, true) + " [" +
         number(t.total_lo[i], 6, true) + ", " + number(t.total_hi[i], 6, true) + "]";
}

// One row per (phase, summary, parameter) of the selected outcomes.
void print_table(const output::SweepFileInfo& info, const sweep::SensitivityTable& t,
                 const SensitivityArgs& args) {
  const bool sobol = t.method == sweep::Method::saltelli;
  const std::size_t width = label_width(info);
  if (sobol)
    std::printf(
        "Sobol' indices of %s (saltelli, n = %d, %d parameters; %g %% %s bootstrap intervals, %d "
        "resamples)\n",
        info.name.c_str(), info.saltelli.n, t.parameters, t.confidence * 100,
        t.interval == experiment::IntervalMethod::bca ? "BCa" : "percentile", t.bootstrap);
  else
    std::printf("Morris elementary effects of %s (%d trajectories, %d parameters; per unit-cube step)\n",
                info.name.c_str(), info.morris.trajectories, t.parameters);
  std::printf(
      "%-6s %-24s %-*s %s\n", "phase", "summary", static_cast<int>(width), "parameter",
      sobol ? "   first [interval]               total [interval]" : "        mu*        sigma           mu");
  int flat = 0;
  std::string one_run;
  for (const Outcome o : shown_outcomes(info, t, args, flat, &one_run))
    for (int j = 0; j < t.parameters; ++j) {
      const std::size_t i = t.index(o.phase, o.summary, j);
      const std::string cells = sobol ? sobol_cells(t, i)
                                      : number(t.mu_star[i], 11, false) + "  " +
                                            number(t.sigma[i], 11, false) + "  " + number(t.mu[i], 11, false);
      std::printf("%s %s\n", row_label(info, o, j, width).c_str(), cells.c_str());
    }
  if (flat > 0) std::printf("(%d outcome(s) without variation across the points left out)\n", flat);
  if (!one_run.empty())
    std::printf(
        "(left out, as one run carries most of the variance, so no index would describe the design:%s)\n",
        one_run.c_str());
}

// The index and its interval width from the first m base rows, for each m of
// the convergence steps: one table for first-order, one for total indices.
// Without --summary only the headline outcomes, to keep it readable.
void print_convergence(const output::SweepFileInfo& info, const std::vector<sweep::ConvergenceStep>& steps,
                       SensitivityArgs args) {
  if (steps.size() < 2) return;
  if (args.summaries.empty())
    for (const sim::Summary s : sweep::headline_summaries())
      args.summaries.push_back(sim::summary_catalogue()[static_cast<std::size_t>(s)].name);
  const sweep::SensitivityTable& full = steps.back().table;
  int flat = 0;
  const std::vector<Outcome> outcomes = shown_outcomes(info, full, args, flat);
  const std::size_t width = label_width(info);
  for (const bool first : {true, false}) {
    std::printf("\nConvergence of the %s indices: index (interval width) from the first m base rows\n",
                first ? "first-order" : "total");
    std::printf("%-6s %-24s %-*s", "phase", "summary", static_cast<int>(width), "parameter");
    for (const auto& step : steps) std::printf("  %15s", ("m = " + std::to_string(step.n)).c_str());
    std::printf("\n");
    for (const Outcome o : outcomes)
      for (int j = 0; j < full.parameters; ++j) {
        std::printf("%s", row_label(info, o, j, width).c_str());
        for (const auto& step : steps) {
          const sweep::SensitivityTable& t = step.table;
          const std::size_t i = t.index(o.phase, o.summary, j);
          const double value = first ? t.first[i] : t.total[i];
          const double spread = first ? t.first_hi[i] - t.first_lo[i] : t.total_hi[i] - t.total_lo[i];
          std::printf("  %s (%s)", number(value, 6, true).c_str(), number(spread, 5, true).c_str());
        }
        std::printf("\n");
      }
  }
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
    std::cerr
        << "score sensitivity: " << args.file << " comes from a " << sweep::method_name(info.method)
        << " design; sensitivity indices need a saltelli design (Sobol' first-order and total indices) or a "
           "morris design (Morris mu*, sigma)\n";
    return kBadInput;
  }
  const auto interval = args.interval == "percentile" ? experiment::IntervalMethod::percentile
                                                      : experiment::IntervalMethod::bca;
  try {
    const sweep::SensitivityTable table =
        sweep::sensitivity_table(info.method, means, static_cast<int>(info.parameters.size()), info.saltelli,
                                 info.morris, args.bootstrap, args.confidence, info.seed, interval);
    output::write_sensitivity(args.file, table);
    print_table(info, table, args);
    if (info.method == sweep::Method::saltelli)
      print_convergence(
          info,
          sweep::sobol_convergence(means, static_cast<int>(info.parameters.size()), info.saltelli,
                                   args.bootstrap, args.confidence, info.seed, interval),
          args);
    std::printf("stored in %s as sensitivity_* (phase, summary, parameter)\n", args.file.c_str());
    return kOk;
  } catch (const std::exception& e) {
    std::cerr << "score sensitivity: error: " << e.what() << "\n";
    return kInternal;
  }
}

}  // namespace score::cli
