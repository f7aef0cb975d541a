#include "cli/value_table.hpp"

namespace score::cli {

std::string value_for_money_table(const std::vector<PhaseLabel>& phases,
                                  const std::vector<sim::PhaseSummary>& reps) {
  using S = sim::Summary;
  static const std::vector<PhaseColumn> columns = {
      {"donor USD", S::donor_spend_usd, 1, 0},
      {"USD/firm", S::donor_cost_per_firm_usd, 1, 0},
      {"USD/worker", S::donor_cost_per_worker_usd, 1, 0},
      {"savings USD", S::savings_usd, 1, 0},
      {"savings/USD", S::savings_per_donor_usd, 1, 2},
      {"to date", S::savings_per_donor_usd_to_date, 1, 2},
  };
  return "value for money for donors (savings/USD: enterprises' cost savings per donor USD; to date: since "
         "the "
         "start)\n" +
         phase_table(phases, reps, columns);
}

}  // namespace score::cli
