// record_metrics: the month's stocks, by country, into the series.
#include <limits>

#include "sim/funding.hpp"
#include "sim/processes.hpp"

namespace score::sim {

// Stocks come from the running totals (stocks.hpp) and the running count of
// the unaware: nothing here visits firms.
void record_metrics(State& s) {
  const int phase = s.model->phase_at(s.step);
  if (phase >= 0 && s.model->phases[static_cast<std::size_t>(phase)].last_step == s.step)
    close_budgets(s, phase);
  record_funder_ledger(s);
  const int nc = static_cast<int>(s.countries.size());
  Series& out = s.series;
  const int t = s.step;
  for (int c = 0; c < nc; ++c) {
    const Stocks& a = s.stocks[static_cast<std::size_t>(c)];
    out.at(Metric::firms_trained_total, t, c) = a.trained;
    out.at(Metric::workers_reached, t, c) = a.workers;
    const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
    out.at(Metric::firms_aware, t, c) = static_cast<double>(cs.end_firm - cs.first_firm - cs.unaware);
    out.at(Metric::firms_in_training, t, c) = a.in_training;
    out.at(Metric::firms_adopting, t, c) = a.adopting;
    out.at(Metric::firms_saving, t, c) = a.saving;
    out.at(Metric::savings_usd, t, c) = a.savings_usd;
    out.at(Metric::payback_months, t, c) =
        a.saving > 0 ? a.payback_months / a.saving : std::numeric_limits<double>::quiet_NaN();
    for (int k = 0; k < model::kIndicators; ++k)
      out.at(Metric::improvement, t, c, k) =
          a.adopting > 0 ? a.improvement[static_cast<std::size_t>(k)] / a.adopting : 0.0;
    out.at(Metric::countries_reached, t, c) = a.trained > 0 ? 1 : 0;
    out.at(Metric::countries_supported, t, c) = cs.supported ? 1 : 0;
  }
  // Providers are never removed, only deactivated: every one was signed, the
  // inactive ones dropped out.
  for (const Provider& p : s.providers) {
    out.at(Metric::providers_signed, t, p.country) += 1;
    out.at(Metric::providers_dropped, t, p.country) += p.active ? 0 : 1;
    out.at(Metric::providers_dropped_idle, t, p.country) += !p.active && p.dropped_idle ? 1 : 0;
    if (!p.active) continue;
    out.at(Metric::providers_active, t, p.country) += 1;
    out.at(Metric::providers_independent, t, p.country) += p.independent ? 1 : 0;
    out.at(Metric::trainers_certified, t, p.country) += p.certified;
  }
  for (int c = 0; c < nc; ++c) {
    // Delivery revenue splits into programme money (the subsidy) and the rest (cost recovery).
    double recovered = 0, subsidy = 0;
    for (int src = 0; src < model::kSources; ++src)
      (counts_as_recovery(src) ? recovered : subsidy) += out.at(Metric::revenue_usd, t, c, src);
    out.at(Metric::cost_recovery, t, c) = cost_recovery(recovered, out.at(Metric::delivery_cost_usd, t, c));
    out.at(Metric::subsidy_paid_usd, t, c) = subsidy;
    // An enterprise's fee is its source's share of the deliveries it started (funding.cpp books it).
    out.at(Metric::fees_paid_usd, t, c) =
        out.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::enterprise));
  }
}

}  // namespace score::sim
