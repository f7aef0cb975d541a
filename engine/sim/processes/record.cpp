// record_metrics: the month's stocks, by country, into the series.
#include <limits>

#include "sim/parallel.hpp"
#include "sim/processes.hpp"

namespace score::sim {
namespace {

// Per-country accumulator slots.
enum Slot : int { trained, workers, aware, in_training, adopting, saving, savings, payback, unaware, improvement0, kSlots = improvement0 + model::kIndicators };

void count_firm(const Firms& f, int i, std::vector<double>& acc) {
  const auto u = static_cast<std::size_t>(i);
  double* a = acc.data() + static_cast<std::size_t>(f.country[u]) * kSlots;
  const FirmState st = f.state[u];
  a[unaware] += st == FirmState::unaware;
  a[aware] += st != FirmState::unaware;
  a[in_training] += st == FirmState::training;
  if (f.modules_done[u] == 0) return;
  a[trained] += 1;
  a[workers] += f.employees[u];
  if (!f.adopted[u]) return;
  a[adopting] += 1;
  a[savings] += f.savings_usd[u];
  for (int k = 0; k < model::kIndicators; ++k) a[improvement0 + k] += f.improvement[static_cast<std::size_t>(k)][u];
  if (f.savings_usd[u] <= 0) return;
  a[saving] += 1;
  a[payback] += f.fees_paid_usd[u] / f.savings_usd[u];
}

}  // namespace

void record_metrics(State& s) {
  const int nc = static_cast<int>(s.countries.size());
  const auto acc = reduce_agents(0, static_cast<int>(s.firms.size()), static_cast<std::size_t>(nc * kSlots),
                                 [&](int i, std::vector<double>& a) { count_firm(s.firms, i, a); });
  Series& out = s.series;
  const int t = s.step;
  for (int c = 0; c < nc; ++c) {
    const double* a = acc.data() + static_cast<std::size_t>(c) * kSlots;
    out.at(Metric::smes_trained, t, c) = a[trained];
    out.at(Metric::workers_reached, t, c) = a[workers];
    out.at(Metric::firms_aware, t, c) = a[aware];
    out.at(Metric::firms_in_training, t, c) = a[in_training];
    out.at(Metric::firms_adopting, t, c) = a[adopting];
    out.at(Metric::firms_saving, t, c) = a[saving];
    out.at(Metric::savings_usd, t, c) = a[savings];
    out.at(Metric::payback_months, t, c) = a[saving] > 0 ? a[payback] / a[saving] : std::numeric_limits<double>::quiet_NaN();
    for (int k = 0; k < model::kIndicators; ++k)
      out.at(Metric::improvement, t, c, k) = a[adopting] > 0 ? a[improvement0 + k] / a[adopting] : 0.0;
    s.countries[static_cast<std::size_t>(c)].unaware = static_cast<std::int64_t>(a[unaware]);
  }
  for (const Provider& p : s.providers) {
    if (!p.active) continue;
    out.at(Metric::providers_active, t, p.country) += 1;
    out.at(Metric::providers_independent, t, p.country) += p.independent ? 1 : 0;
    out.at(Metric::trainers_certified, t, p.country) += p.certified;
  }
  for (int c = 0; c < nc; ++c) {
    const double cost = out.at(Metric::delivery_cost_usd, t, c);
    const double own = out.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::government)) +
                       out.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::buyer)) +
                       out.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::csr)) +
                       out.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::enterprise));
    out.at(Metric::cost_recovery, t, c) = cost > 0 ? own / cost : std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace score::sim
