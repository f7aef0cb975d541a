#include "output/info.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>

#include "output/statistics.hpp"

namespace score::output {

namespace {
// printf into a std::string, for aligned columns (checked like printf).
__attribute__((format(printf, 1, 2))) std::string format(const char* pattern, ...) {
  std::va_list args, again;
  va_start(args, pattern);
  va_copy(again, args);
  const int size = std::vsnprintf(nullptr, 0, pattern, args);
  va_end(args);
  std::string out(static_cast<std::size_t>(size > 0 ? size : 0) + 1, '\0');
  std::vsnprintf(out.data(), out.size(), pattern, again);
  va_end(again);
  out.pop_back();
  return out;
}

// 1234567.8 -> "1,234,568"; NaN -> "n/a".
std::string grouped(double value) {
  if (!std::isfinite(value)) return "n/a";
  const std::string digits = format("%.0f", std::fabs(value));
  std::string out = value < 0 && digits != "0" ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string percent(double share) { return std::isfinite(share) ? format("%.1f%%", 100 * share) : "n/a"; }

std::string month_range(const RunInfo& info, int first, int last) {
  return format_year_month(info.start.plus(first)) + " to " + format_year_month(info.start.plus(last));
}

// The mean across replications of a phase's all-country total, NaN left out.
double mean_total(const Results& results, int phase, sim::Summary which) {
  std::vector<double> sample;
  for (const auto& s : results.phase_summaries) sample.push_back(s.total(phase, which));
  return sample_statistics(sample)[stored_index(Statistic::mean)];
}

// An ensemble run: where its parameter sets came from and how many ran.
std::string describe_ensemble(const EnsembleDraws& e) {
  std::string out = format(
      "  ensemble      %d parameter sets x %d replication%s, drawn from %s (calibration %s, "
      "generation %d)\n                bands combine parameter and stochastic uncertainty; free "
      "parameters:",
      e.draws(), e.replications_per_draw, e.replications_per_draw == 1 ? "" : "s", e.file.c_str(),
      e.calibration.c_str(), e.generation);
  for (std::size_t j = 0; j < e.parameters.size(); ++j) out += (j ? ", " : " ") + e.parameters[j];
  return out + "\n";
}

std::string describe_run(const Results& results) {
  const RunInfo& info = results.info;
  std::string out = "score results " + results.path.string() + "\n";
  out += "  scenario      " + info.scenario_name + "\n";
  out += "  sha256        " + info.scenario_sha256 + "\n";
  for (const std::string& o : info.scenario_overrides) out += "  --set         " + o + "\n";
  out += "  engine        " + info.engine_version + "\n";
  out += "  seed          " + std::to_string(info.seed) + "\n";
  out += "  replications  " + std::to_string(info.replications) + "\n";
  if (info.ensemble) out += describe_ensemble(*info.ensemble);
  out += "  calendar      " + month_range(info, 0, info.steps - 1) + " (" + std::to_string(info.steps) +
         " months)\n";
  out += "  countries     " + std::to_string(info.country_ids.size()) + ":";
  for (std::size_t c = 0; c < info.country_ids.size(); ++c)
    out += (c ? ", " : " ") + info.country_ids[c] + " (" + info.country_names[c] + ")";
  out += "\n  phases        " + std::to_string(info.phases.size()) + "\n";
  for (const auto& p : info.phases)
    out += format("    %-10s %-28s %s\n", p.id.c_str(), p.name.c_str(),
                  month_range(info, p.first_step, p.last_step).c_str());
  return out;
}

std::string describe_variables(const Results& results) {
  std::string out =
      format("time series (%zu), dims replication x time x country [x axis]:\n", results.metrics.size());
  for (const auto& m : results.metrics) {
    const std::string name = m.axis.empty() ? m.name : m.name + " [" + m.axis + "]";
    out += format("    %-36s %-12s %s\n", name.c_str(), m.units.c_str(), m.long_name.c_str());
  }
  out += format("phase summaries (%d), dims replication x phase x country, with all-country totals\n",
                sim::kSummaries);
  out += results.has_statistics ? "statistics across replications: mean, p05, p50, p95\n"
                                : "statistics across replications: none (a single replication)\n";
  return out;
}

std::string describe_headlines(const Results& results) {
  const std::vector<sim::Summary> columns = sim::headline_summaries(sim::info_table);
  std::string out = format("headline figures, all countries, mean over %d replication%s:\n",
                           results.info.replications, results.info.replications == 1 ? "" : "s");
  out += format("    %-10s", "phase");
  for (const sim::Summary which : columns) out += format(" %15s", sim::info(which).column);
  out += "\n";
  for (std::size_t p = 0; p < results.info.phases.size(); ++p) {
    out += format("    %-10s", results.info.phases[p].id.c_str());
    for (const sim::Summary which : columns) {
      const double value = mean_total(results, static_cast<int>(p), which);
      out += format(" %15s", (sim::info(which).percent ? percent(value) : grouped(value)).c_str());
    }
    out += "\n";
  }
  return out;
}
}  // namespace

std::string describe(const Results& results) {
  return describe_run(results) + describe_variables(results) + describe_headlines(results);
}

}  // namespace score::output
