#include "cli/phase_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/statistics.hpp"

namespace score::cli {

double phase_mean(const std::vector<sim::PhaseSummary>& reps, int phase, sim::Summary s) {
  std::vector<double> xs;
  for (const auto& r : reps) xs.push_back(r.total(phase, s));
  return mean(xs);
}

std::string cell(double value, int decimals) {
  if (std::isnan(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  const std::string s = buf;
  const std::size_t sign = s[0] == '-' ? 1 : 0;
  const std::size_t int_end = std::min(s.find('.'), s.size());
  std::string out = s.substr(0, sign);
  for (std::size_t k = sign; k < int_end; ++k) {
    out.push_back(s[k]);
    const std::size_t left = int_end - k - 1;
    if (left > 0 && left % 3 == 0) out.push_back(',');
  }
  out.append(s, int_end, std::string::npos);
  return out;
}

std::string phase_table(const std::vector<PhaseLabel>& phases, const std::vector<sim::PhaseSummary>& reps) {
  // The catalogue's phase-table headlines; shares are shown in percent.
  static const std::vector<PhaseColumn> columns = [] {
    std::vector<PhaseColumn> out;
    for (const sim::Summary s : sim::headline_summaries(sim::phase_table))
      out.push_back({sim::info(s).column, s, sim::info(s).percent ? 100.0 : 1.0, 0});
    return out;
  }();
  return phase_table(phases, reps, columns);
}

std::string phase_table(const std::vector<PhaseLabel>& phases, const std::vector<sim::PhaseSummary>& reps,
                        const std::vector<PhaseColumn>& columns) {
  char buf[256];
  std::string out;
  std::snprintf(buf, sizeof buf, "%-6s %-17s", "phase", "months");
  out += buf;
  for (const PhaseColumn& c : columns) {
    std::snprintf(buf, sizeof buf, " %13s", c.head);
    out += buf;
  }
  out += "\n";
  for (int p = 0; p < static_cast<int>(phases.size()); ++p) {
    std::snprintf(buf, sizeof buf, "%-6s %-17s", phases[p].id.c_str(), phases[p].dates.c_str());
    out += buf;
    for (const PhaseColumn& c : columns) {
      std::snprintf(buf, sizeof buf, " %13s",
                    cell(phase_mean(reps, p, c.value) * c.scale, c.decimals).c_str());
      out += buf;
    }
    out += "\n";
  }
  return out;
}

}  // namespace score::cli
