#include "session/totals.hpp"

#include <cmath>
#include <limits>

#include "core/statistics.hpp"

namespace score::session {
namespace {

using S = sim::Summary;

double sum(const sim::PhaseSummary& ps, S s) {
  double out = 0;
  for (int p = 0; p < ps.phases(); ++p) out += ps.total(p, s);
  return out;
}

double ratio(double a, double b) { return b != 0 ? a / b : std::numeric_limits<double>::quiet_NaN(); }

}  // namespace

double programme_total(const sim::PhaseSummary& ps, S s) {
  if (ps.phases() == 0) return std::numeric_limits<double>::quiet_NaN();
  const int last = ps.phases() - 1;
  switch (s) {
    case S::firms_trained_total:
    case S::workers_reached:
    case S::trainers_certified:
    case S::providers_active:
    case S::providers_independent:
      return ps.total(last, s);
    case S::cost_per_module_usd:
      return ratio(sum(ps, S::delivery_cost_usd), sum(ps, S::module_deliveries));
    case S::donor_cost_per_firm_usd:
      return ratio(sum(ps, S::donor_spend_usd), sum(ps, S::firms_trained));
    case S::cost_recovery:
      return ratio(sum(ps, S::revenue_government_usd) + sum(ps, S::revenue_buyer_usd) +
                       sum(ps, S::revenue_csr_usd) + sum(ps, S::revenue_enterprise_usd),
                   sum(ps, S::delivery_cost_usd));
    case S::adoption_rate:
    case S::savings_rate:
    case S::productivity_gain:
    case S::payback_months:
    case S::mean_fee_usd:
    case S::mean_subsidy_usd:
      return std::numeric_limits<double>::quiet_NaN();
    default:
      return sum(ps, s);  // flows over the phases
  }
}

double mean_programme_total(const Snapshot& snapshot, S s) {
  std::vector<double> values;
  for (const sim::PhaseSummary& ps : snapshot.summaries) values.push_back(programme_total(ps, s));
  return values.empty() ? std::numeric_limits<double>::quiet_NaN() : mean(values);
}

}  // namespace score::session
