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
std::string info_grouped(double value) {
  if (!std::isfinite(value)) return "n/a";
  const std::string digits = format("%.0f", std::fabs(value));
  std::string out = value < 0 && digits != "0" ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string info_percent(double share) {
  return std::isfinite(share) ? format("%.1f%%", 100 * share) : "n/a";
}

std::string month_range(const RunInfo& info, int first, int last) {
  return format_year_month(info.start.plus(first)) + " to " + format_year_month(info.start.plus(last));
}

// The mean across replications of a phase's all-country total, NaN left out.
double results_mean_total(const Results& results, int phase, sim::Summary which) {
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

// A summary's value as the tables show it: a percentage or a grouped number.
std::string shown_summary(sim::Summary which, double value) {
  return sim::info(which).percent ? info_percent(value) : info_grouped(value);
}

// The headline table: one row per label, `value(row, summary)` in each column.
template <class Value>
std::string headline_table(const char* leading, const std::vector<std::string>& labels, Value&& value) {
  const std::vector<sim::Summary> columns = sim::headline_summaries(sim::info_table);
  std::string out = format("    %-10s", leading);
  for (const sim::Summary which : columns) out += format(" %15s", sim::info(which).column);
  out += "\n";
  for (std::size_t row = 0; row < labels.size(); ++row) {
    out += format("    %-10s", labels[row].c_str());
    for (const sim::Summary which : columns)
      out += format(" %15s", shown_summary(which, value(static_cast<int>(row), which)).c_str());
    out += "\n";
  }
  return out;
}

std::string replications_note(const Results& results) {
  return format("mean over %d replication%s", results.info.replications,
                results.info.replications == 1 ? "" : "s");
}

std::string describe_headlines(const Results& results) {
  std::vector<std::string> phases;
  for (const auto& p : results.info.phases) phases.push_back(p.id);
  return "headline figures, all countries, " + replications_note(results) + ":\n" +
         headline_table("phase", phases,
                        [&](int p, sim::Summary which) { return results_mean_total(results, p, which); });
}
// The mean across replications of one ledger cell, NaN left out.
double mean_ledger(const std::vector<sim::FunderLedger>& ledgers, int funder, int phase,
                   sim::LedgerColumn column, bool usd) {
  std::vector<double> sample;
  for (const auto& l : ledgers)
    sample.push_back(usd ? l.usd_at(funder, phase, column) : l.own_at(funder, phase, column));
  return sample_statistics(sample)[stored_index(Statistic::mean)];
}

// Each named funder's money per phase where it had any: what donors account for.
std::string describe_funders(const Results& results) {
  if (!results.funder_ledgers) return "funder ledger: not recorded (the file predates it)\n";
  if (results.info.funders.empty()) return "funder ledger: the scenario names no funders\n";
  using enum sim::LedgerColumn;
  std::string out = "funder ledger, own currency, " + replications_note(results) +
                    " (budget + carried in = spent + unspent + lapsed; pledge failed: the part that"
                    " never came, the funder absent for the phase):\n";
  out += format("    %-18s %-10s %-4s %13s %13s %13s %13s %13s %13s %13s\n", "funder", "phase", "cur.",
                "budget", "carried in", "spent", "unspent", "lapsed", "spent USD", "pledge failed");
  for (std::size_t j = 0; j < results.info.funders.size(); ++j)
    for (std::size_t p = 0; p < results.info.phases.size(); ++p) {
      auto cell = [&](sim::LedgerColumn c, bool usd = false) {
        return mean_ledger(*results.funder_ledgers, static_cast<int>(j), static_cast<int>(p), c, usd);
      };
      if (!(cell(budget) > 0 || cell(carried_in) > 0 || cell(spent) > 0)) continue;
      out += format("    %-18s %-10s %-4s %13s %13s %13s %13s %13s %13s %13s\n",
                    results.info.funders[j].id.c_str(), results.info.phases[p].id.c_str(),
                    results.info.funders[j].currency.c_str(), info_grouped(cell(budget)).c_str(),
                    info_grouped(cell(carried_in)).c_str(), info_grouped(cell(spent)).c_str(),
                    info_grouped(cell(unspent)).c_str(), info_grouped(cell(lapsed)).c_str(),
                    info_grouped(cell(spent, true)).c_str(), info_grouped(cell(pledge_failed)).c_str());
    }
  return out;
}
// describe_years, in here where `format` is the printf above (not output::format).
std::string years_text(const Results& results, const YearlySummaries& years) {
  std::vector<std::string> labels;
  for (const int year : years.years) labels.push_back(std::to_string(year));
  const int countries = static_cast<int>(results.info.country_ids.size());
  std::string out = "by calendar year, all countries, " + replications_note(results) +
                    " (flows summed over the year, stocks at its last month):\n";
  out +=
      headline_table("year", labels, [&](int y, sim::Summary which) { return years.mean.total(y, which); });
  out +=
      "cost recovery by year and country (recovered delivery revenue / delivery cost, both summed "
      "over the year):\n";
  out += format("    %-10s", "year");
  for (const auto& id : results.info.country_ids) out += format(" %9s", id.c_str());
  out += format(" %9s\n", "all");
  for (std::size_t y = 0; y < labels.size(); ++y) {
    out += format("    %-10s", labels[y].c_str());
    for (int c = 0; c <= countries; ++c)
      out += format(" %9s",
                    info_percent(years.mean.at(static_cast<int>(y), c, sim::Summary::cost_recovery)).c_str());
    out += "\n";
  }
  return out;
}
}  // namespace

std::string describe(const Results& results) {
  return describe_run(results) + describe_variables(results) + describe_headlines(results) +
         describe_funders(results);
}

std::string describe_years(const Results& results, const YearlySummaries& years) {
  return years_text(results, years);
}

}  // namespace score::output
