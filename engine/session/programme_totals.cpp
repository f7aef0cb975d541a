#include "session/programme_totals.hpp"

#include <limits>

#include "model/description.hpp"

namespace score::session {
namespace {

using S = sim::Summary;

double sum(const sim::PhaseSummary& s, int slot, S which) {
  double total = 0;
  for (int p = 0; p < s.phases(); ++p) total += s.at(p, slot, which);
  return total;
}

double ratio(double num, double den) {
  return den > 0 ? num / den : std::numeric_limits<double>::quiet_NaN();
}

// Revenue from others than the ILO and donors: what cost recovery counts.
double others_revenue(const sim::PhaseSummary& s, int slot) {
  double total = 0;
  for (int src = 0; src < model::kSources; ++src)
    if (!model::kSourceTable[static_cast<std::size_t>(src)].programme_money)
      total += sum(s, slot, static_cast<S>(static_cast<int>(S::revenue_donor_usd) + src));
  return total;
}

bool is_flow(S which) {
  switch (which) {
    case S::firms_trained:
    case S::classroom_participants:
    case S::module_deliveries:
    case S::delivery_cost_usd:
    case S::revenue_donor_usd:
    case S::revenue_ilo_usd:
    case S::revenue_government_usd:
    case S::revenue_buyer_usd:
    case S::revenue_csr_usd:
    case S::revenue_enterprise_usd:
    case S::donor_spend_usd:
    case S::firms_priced_out:
    case S::seats_rationed:
    case S::unpaid_cost_usd:
    case S::funds_lapsed_usd:
      return true;
    default:
      return false;
  }
}

}  // namespace

double programme_total(const sim::PhaseSummary& s, int slot, S which) {
  if (s.phases() == 0) return std::numeric_limits<double>::quiet_NaN();
  if (is_flow(which)) return sum(s, slot, which);
  switch (which) {
    case S::cost_per_module_usd:
      return ratio(sum(s, slot, S::delivery_cost_usd), sum(s, slot, S::module_deliveries));
    case S::cost_recovery:
      return ratio(others_revenue(s, slot), sum(s, slot, S::delivery_cost_usd));
    case S::donor_cost_per_firm_usd:
      return ratio(sum(s, slot, S::donor_spend_usd), sum(s, slot, S::firms_trained));
    case S::mean_fee_usd:
      return ratio(sum(s, slot, S::revenue_enterprise_usd), sum(s, slot, S::module_deliveries));
    case S::mean_subsidy_usd:
      return ratio(sum(s, slot, S::revenue_donor_usd), sum(s, slot, S::module_deliveries));
    default:  // stocks and shares at the programme's end
      return s.at(s.phases() - 1, slot, which);
  }
}

}  // namespace score::session
