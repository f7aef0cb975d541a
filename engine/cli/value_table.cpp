#include "cli/value_table.hpp"

#include <cstdio>

namespace score::cli {

std::string value_for_money_table(const std::vector<PhaseLabel>& phases,
                                  const std::vector<sim::PhaseSummary>& reps) {
  using S = sim::Summary;
  struct Column {
    const char* head;
    S value;
    int decimals;
  };
  static const Column columns[] = {
      {"donor USD", S::donor_spend_usd, 0},
      {"USD/firm", S::donor_cost_per_firm_usd, 0},
      {"USD/worker", S::donor_cost_per_worker_usd, 0},
      {"savings USD", S::savings_usd, 0},
      {"savings/USD", S::savings_per_donor_usd, 2},
      {"to date", S::savings_per_donor_usd_to_date, 2},
  };
  char buf[256];
  std::string out =
      "value for money for donors (savings/USD: enterprises' cost savings per donor USD; to date: since the "
      "start)\n";
  std::snprintf(buf, sizeof buf, "%-6s %-17s", "phase", "months");
  out += buf;
  for (const Column& c : columns) {
    std::snprintf(buf, sizeof buf, " %13s", c.head);
    out += buf;
  }
  out += "\n";
  for (int p = 0; p < static_cast<int>(phases.size()); ++p) {
    std::snprintf(buf, sizeof buf, "%-6s %-17s", phases[p].id.c_str(), phases[p].dates.c_str());
    out += buf;
    for (const Column& c : columns) {
      std::snprintf(buf, sizeof buf, " %13s", cell(phase_mean(reps, p, c.value), c.decimals).c_str());
      out += buf;
    }
    out += "\n";
  }
  return out;
}

}  // namespace score::cli
