#include "sim/summary.hpp"

#include <cmath>
#include <limits>

namespace score::sim {

const std::array<SummaryInfo, kSummaries>& summary_catalogue() {
  static const std::array<SummaryInfo, kSummaries> catalogue{{
      {"firms_trained", "enterprises completing a first module in the phase", "1"},
      {"firms_trained_total", "enterprises trained since the start (phase end)", "1"},
      {"workers_reached", "workforce of enterprises trained since the start (phase end)", "1"},
      {"classroom_participants", "classroom participants in the phase", "1"},
      {"module_deliveries", "modules started in the phase", "1"},
      {"trainers_certified", "active certified trainers (phase end)", "1"},
      {"providers_active", "active partner providers (phase end)", "1"},
      {"providers_independent", "independent providers (phase end)", "1"},
      {"delivery_cost_usd", "delivery cost in the phase", "USD"},
      {"cost_per_module_usd", "delivery cost per enterprise per module", "USD"},
      {"revenue_donor_usd", "delivery revenue from donors", "USD"},
      {"revenue_ilo_usd", "delivery revenue from the ILO", "USD"},
      {"revenue_government_usd", "delivery revenue from governments", "USD"},
      {"revenue_buyer_usd", "delivery revenue from buyers", "USD"},
      {"revenue_csr_usd", "delivery revenue from CSR foundations", "USD"},
      {"revenue_enterprise_usd", "delivery revenue from enterprise fees", "USD"},
      {"cost_recovery", "share of delivery cost paid by others than the ILO and donors", "1"},
      {"donor_spend_usd", "donor money spent in the phase", "USD"},
      {"donor_cost_per_firm_usd", "donor spend per enterprise trained in the phase", "USD"},
      {"adoption_rate", "share of trained enterprises that adopted practices (phase end)", "1"},
      {"savings_rate", "share of trained enterprises reporting cost savings (phase end)", "1"},
      {"productivity_gain", "mean productivity gain of adopting enterprises (phase end)", "1"},
      {"payback_months",
       "mean months of savings to recover the fees paid, firms reporting savings (phase end)", "month"},
      {"mean_fee_usd", "mean fee an enterprise paid per module", "USD"},
      {"mean_subsidy_usd", "mean donor subsidy per enterprise per module", "USD"},
      {"firms_priced_out", "keen enterprises turned away by the fee in the phase (firm-months)", "1"},
      {"seats_rationed", "seats refused for want of planned funding in the phase", "1"},
      {"unpaid_cost_usd", "delivery cost absorbed by providers in the phase", "USD"},
      {"funds_lapsed_usd", "funder money lapsed at the phase's end", "USD"},
  }};
  return catalogue;
}

PhaseSummary::PhaseSummary(int phases, int countries)
    : phases_(phases),
      countries_(countries),
      values_(static_cast<std::size_t>(phases) * (countries + 1) * kSummaries, 0.0) {}

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
double ratio(double num, double den) { return den > 0 ? num / den : kNaN; }

// Sum of a flow over [first, last] for one country (or all when c < 0).
double flow(const Series& s, Metric m, int first, int last, int c, int k = 0) {
  double sum = 0;
  for (int t = first; t <= last; ++t) {
    if (c >= 0) {
      sum += s.at(m, t, c, k);
    } else {
      for (int cc = 0; cc < s.countries(); ++cc) sum += s.at(m, t, cc, k);
    }
  }
  return sum;
}
double stock(const Series& s, Metric m, int t, int c) {
  if (t < 0) return 0;
  if (c >= 0) return s.at(m, t, c);
  double sum = 0;
  for (int cc = 0; cc < s.countries(); ++cc) sum += s.at(m, t, cc);
  return sum;
}
double flow_all_k(const Series& s, Metric m, int first, int last, int c) {
  double sum = 0;
  for (int k = 0; k < axis_length(info(m).axis); ++k) sum += flow(s, m, first, last, c, k);
  return sum;
}

// Sum over countries of (mean productivity gain x adopters): the adopters'
// total gain, to be divided by their number.
double weighted_improvement(const Series& s, int t, int c, double adopting) {
  if (c >= 0) return s.at(Metric::improvement, t, c, 0) * adopting;
  double sum = 0;
  for (int cc = 0; cc < s.countries(); ++cc)
    sum += s.at(Metric::improvement, t, cc, 0) * s.at(Metric::firms_adopting, t, cc);
  return sum;
}

// Sum over countries of (mean payback x firms reporting savings).
double weighted_payback(const Series& s, int t, int c) {
  auto one = [&](int cc) {
    const double n = s.at(Metric::firms_saving, t, cc);
    return n > 0 ? s.at(Metric::payback_months, t, cc) * n : 0.0;
  };
  if (c >= 0) return one(c);
  double sum = 0;
  for (int cc = 0; cc < s.countries(); ++cc) sum += one(cc);
  return sum;
}

void fill(PhaseSummary& out, int p, int slot, const Series& s, const model::Phase& phase, int c) {
  const int a = phase.first_step, b = phase.last_step;
  auto set = [&](Summary k, double v) { out.at(p, slot, k) = v; };
  const double trained_end = stock(s, Metric::smes_trained, b, c);
  const double trained_new = trained_end - stock(s, Metric::smes_trained, a - 1, c);
  const double cost = flow(s, Metric::delivery_cost_usd, a, b, c);
  const double deliveries = flow_all_k(s, Metric::module_deliveries, a, b, c);
  set(Summary::firms_trained, trained_new);
  set(Summary::firms_trained_total, trained_end);
  set(Summary::workers_reached, stock(s, Metric::workers_reached, b, c));
  set(Summary::classroom_participants, flow(s, Metric::classroom_participants, a, b, c));
  set(Summary::module_deliveries, deliveries);
  set(Summary::trainers_certified, stock(s, Metric::trainers_certified, b, c));
  set(Summary::providers_active, stock(s, Metric::providers_active, b, c));
  set(Summary::providers_independent, stock(s, Metric::providers_independent, b, c));
  set(Summary::delivery_cost_usd, cost);
  set(Summary::cost_per_module_usd, ratio(cost, deliveries));
  double others = 0;
  for (int src = 0; src < model::kSources; ++src) {
    const double r = flow(s, Metric::revenue_usd, a, b, c, src);
    set(static_cast<Summary>(static_cast<int>(Summary::revenue_donor_usd) + src), r);
    if (!model::kSourceTable[static_cast<std::size_t>(src)].programme_money) others += r;
  }
  set(Summary::cost_recovery, ratio(others, cost));
  const double donor = flow(s, Metric::donor_spend_usd, a, b, c);
  set(Summary::donor_spend_usd, donor);
  set(Summary::donor_cost_per_firm_usd, ratio(donor, trained_new));
  const double adopting = stock(s, Metric::firms_adopting, b, c);
  set(Summary::adoption_rate, ratio(adopting, trained_end));
  set(Summary::savings_rate, ratio(stock(s, Metric::firms_saving, b, c), trained_end));
  set(Summary::productivity_gain, ratio(weighted_improvement(s, b, c, adopting), adopting));
  const double saving = stock(s, Metric::firms_saving, b, c);
  set(Summary::payback_months, ratio(weighted_payback(s, b, c), saving));
  set(Summary::mean_fee_usd,
      ratio(flow(s, Metric::revenue_usd, a, b, c, static_cast<int>(model::Source::enterprise)), deliveries));
  set(Summary::mean_subsidy_usd,
      ratio(flow(s, Metric::revenue_usd, a, b, c, static_cast<int>(model::Source::donor)), deliveries));
  set(Summary::firms_priced_out, flow(s, Metric::firms_priced_out, a, b, c));
  set(Summary::seats_rationed, flow(s, Metric::seats_rationed, a, b, c));
  set(Summary::unpaid_cost_usd, flow(s, Metric::delivery_shortfall_usd, a, b, c));
  set(Summary::funds_lapsed_usd, flow_all_k(s, Metric::funds_lapsed_usd, a, b, c));
}
}  // namespace

PhaseSummary summarise(const Series& series, const model::Description& model) {
  const int np = static_cast<int>(model.phases.size());
  const int nc = series.countries();
  PhaseSummary out(np, nc);
  for (int p = 0; p < np; ++p) {
    for (int c = 0; c < nc; ++c) fill(out, p, c, series, model.phases[p], c);
    fill(out, p, nc, series, model.phases[p], -1);
  }
  return out;
}

}  // namespace score::sim

namespace score::sim {

SummaryReading summary_reading(Summary summary) {
  using S = Summary;
  switch (summary) {
    case S::firms_trained:
    case S::firms_trained_total:
    case S::workers_reached:
    case S::classroom_participants:
    case S::module_deliveries:
    case S::trainers_certified:
    case S::providers_active:
    case S::providers_independent:
      return {Better::higher, false};
    case S::cost_recovery:
    case S::adoption_rate:
    case S::savings_rate:
    case S::productivity_gain:
      return {Better::higher, true};
    // Dearer delivery, donor money per firm, slower payback, firms turned
    // away, costs left unpaid and money lapsed are what donors want less of.
    case S::cost_per_module_usd:
    case S::donor_cost_per_firm_usd:
    case S::payback_months:
    case S::firms_priced_out:
    case S::seats_rationed:
    case S::unpaid_cost_usd:
    case S::funds_lapsed_usd:
      return {Better::lower, false};
    default:  // spending, revenue by source, fees and subsidies: a choice, not a score
      return {};
  }
}

}  // namespace score::sim
