#include "sim/metrics.hpp"

#include <cassert>
#include <limits>

namespace score::sim {

int axis_length(Axis axis) {
  switch (axis) {
    case Axis::none:
      return 1;
    case Axis::module:
      return model::kModules;
    case Axis::source:
      return model::kSources;
    case Axis::indicator:
      return model::kIndicators;
  }
  return 1;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::flow:
      return "flow";
    case Kind::stock:
      return "stock";
    case Kind::ratio:
      return "ratio";
  }
  return "";
}

const char* axis_name(Axis axis) {
  switch (axis) {
    case Axis::none:
      return "";
    case Axis::module:
      return "module";
    case Axis::source:
      return "source";
    case Axis::indicator:
      return "indicator";
  }
  return "";
}

std::vector<std::string> axis_labels(Axis axis) {
  auto copy = [](const auto& names) { return std::vector<std::string>(names.begin(), names.end()); };
  switch (axis) {
    case Axis::none:
      return {};
    case Axis::module:
      return copy(model::module_ids());
    case Axis::source:
      return copy(model::source_names());
    case Axis::indicator:
      return copy(model::indicator_names());
  }
  return {};
}

namespace {
namespace metric_rows {  // the enums' names, unqualified, for the table only
using enum Axis;
using enum Kind;
constexpr std::array<MetricInfo, kMetrics> kMetricRows{{
    {Metric::firms_trained_total, "firms_trained_total",
     "enterprises that completed at least one module (cumulative)", "1", none, stock,
     "enterprises trained since the start (phase end)"},
    {Metric::workers_reached, "workers_reached", "workforce of the enterprises trained (cumulative)", "1",
     none, stock, "workforce of enterprises trained since the start (phase end)"},
    {Metric::firms_aware, "firms_aware", "eligible enterprises aware of SCORE", "1", none, stock},
    {Metric::firms_in_training, "firms_in_training", "enterprises in a module (intake to last follow-up)",
     "1", none, stock},
    {Metric::firms_adopting, "firms_adopting", "trained enterprises that adopted the practices", "1", none,
     stock},
    {Metric::firms_saving, "firms_saving", "adopting enterprises reporting cost savings", "1", none, stock},
    {Metric::classroom_participants, "classroom_participants",
     "managers and workers attending classroom training", "1 month-1", none, flow,
     "classroom participants in the phase"},
    {Metric::module_deliveries, "module_deliveries", "modules started", "1 month-1", module, flow,
     "modules started in the phase"},
    {Metric::modules_completed, "modules_completed", "modules completed", "1 month-1", module, flow},
    {Metric::trainers_trained, "trainers_trained", "trainees entering training of trainers", "1 month-1",
     none, flow},
    {Metric::trainers_certified, "trainers_certified", "active certified trainers", "1", none, stock,
     "active certified trainers (phase end)"},
    {Metric::providers_active, "providers_active", "partner providers delivering or preparing to deliver",
     "1", none, stock, "active partner providers (phase end)"},
    {Metric::providers_independent, "providers_independent",
     "providers covering their costs without ILO or donor money", "1", none, stock,
     "independent providers (phase end)"},
    {Metric::delivery_cost_usd, "delivery_cost_usd",
     "cost of module delivery (price: direct cost and provider margin)", "USD month-1", none, flow,
     "delivery cost in the phase"},
    {Metric::delivery_shortfall_usd, "delivery_shortfall_usd", "unpaid delivery cost absorbed by providers",
     "USD month-1", none, flow},
    {Metric::revenue_usd, "revenue_usd", "delivery revenue by paying source", "USD month-1", source, flow},
    {Metric::cost_recovery, "cost_recovery", "share of delivery cost paid by others than the ILO and donors",
     "1", none, ratio, "share of delivery cost paid by others than the ILO and donors"},
    {Metric::programme_cost_usd, "programme_cost_usd",
     "programme cost: staff, overheads, marketing, training of trainers", "USD month-1", none, flow},
    {Metric::donor_spend_usd, "donor_spend_usd", "donor money spent on delivery and programme", "USD month-1",
     none, flow, "donor money spent in the phase"},
    {Metric::licence_income_usd, "licence_income_usd", "licence fees paid by commercial providers",
     "USD month-1", none, flow},
    {Metric::savings_usd, "savings_usd", "monthly cost savings of enterprises that adopted", "USD month-1",
     none, flow, "cost savings of trained enterprises in the phase"},
    {Metric::payback_months, "payback_months",
     "mean months of savings to recover the fees paid (firms reporting savings)", "month", none, ratio,
     "mean months of savings to recover the fees paid, firms reporting savings (phase end)"},
    {Metric::improvement, "improvement", "mean relative improvement of adopting enterprises", "1", indicator,
     stock},
    {Metric::firms_priced_out, "firms_priced_out",
     "aware, keen enterprises whose fee exceeded what they can pay", "1 month-1", none, flow,
     "keen enterprises turned away by the fee in the phase (firm-months)"},
    {Metric::seats_rationed, "seats_rationed", "seats not given because planned funding was spent",
     "1 month-1", none, flow, "seats refused for want of planned funding in the phase"},
    {Metric::funds_budget_usd, "funds_budget_usd", "funder budgets opened at a phase's start", "USD month-1",
     source, flow},
    {Metric::funds_spent_usd, "funds_spent_usd", "funder budget money spent on delivery and programme",
     "USD month-1", source, flow},
    {Metric::funds_lapsed_usd, "funds_lapsed_usd", "unspent funder money lapsed at a phase's end",
     "USD month-1", source, flow, "funder money lapsed at the phase's end"},
    {Metric::funds_carried_usd, "funds_carried_usd",
     "unspent funder money carried to the funder's next phase", "USD month-1", source, flow},
    {Metric::countries_reached, "countries_reached",
     "countries with at least one trained enterprise (per country: 0 or 1)", "1", none, stock},
    {Metric::countries_supported, "countries_supported",
     "countries the programme supports this month (per country: 0 or 1)", "1", none, stock},
    {Metric::providers_signed, "providers_signed",
     "partner organisations ever signed, onboarded or licensed (cumulative)", "1", none, stock},
    {Metric::providers_dropped, "providers_dropped", "partner organisations that dropped out (cumulative)",
     "1", none, stock},
    {Metric::providers_dropped_idle, "providers_dropped_idle",
     "of the providers dropped, those with neither certified trainers nor trainees left (cumulative; the "
     "rest dropped on losses)",
     "1", none, stock},
    {Metric::trainers_own_trained, "trainers_own_trained",
     "trainees providers sent to training of trainers at their own cost", "1 month-1", none, flow},
    {Metric::fixed_cost_priced_usd, "fixed_cost_priced_usd",
     "part of delivery cost covering providers' fixed costs, priced in on their own books", "USD month-1",
     none, flow},
    {Metric::fees_paid_usd, "fees_paid_usd", "fees enterprises paid for the modules started", "USD month-1",
     none, flow, "fees enterprises paid in the phase"},
}};

constexpr bool in_enum_order(const std::array<MetricInfo, kMetrics>& rows) {
  for (int i = 0; i < kMetrics; ++i)
    if (static_cast<int>(rows[static_cast<std::size_t>(i)].id) != i) return false;
  return true;
}
static_assert(in_enum_order(kMetricRows), "metric_catalogue(): a row is out of its enum's order");
}  // namespace metric_rows
using metric_rows::kMetricRows;
}  // namespace

const std::array<MetricInfo, kMetrics>& metric_catalogue() { return kMetricRows; }

bool counts_as_recovery(int source) {
  return !model::kSourceTable[static_cast<std::size_t>(source)].programme_money;
}

double cost_recovery(double recovered_usd, double delivery_cost_usd) {
  return delivery_cost_usd > 0 ? recovered_usd / delivery_cost_usd : std::numeric_limits<double>::quiet_NaN();
}

Series::Series(int steps, int countries) : steps_(steps), countries_(countries) {
  std::size_t at = 0;
  for (int m = 0; m < kMetrics; ++m) {
    offset_[m] = at;
    at += static_cast<std::size_t>(steps) * countries * axis_length(metric_catalogue()[m].axis);
  }
  offset_[kMetrics] = at;
  data_.assign(at, 0.0);
}

std::size_t Series::index(Metric m, int step, int country, int k) const {
  const int mi = static_cast<int>(m);
  const int len = axis_length(metric_catalogue()[mi].axis);
  assert(step >= 0 && step < steps_ && country >= 0 && country < countries_ && k >= 0 && k < len);
  return offset_[mi] + (static_cast<std::size_t>(step) * countries_ + country) * len + k;
}

std::span<const double> Series::values(Metric m) const {
  const int mi = static_cast<int>(m);
  return {data_.data() + offset_[mi], offset_[mi + 1] - offset_[mi]};
}
std::span<double> Series::values(Metric m) {
  const int mi = static_cast<int>(m);
  return {data_.data() + offset_[mi], offset_[mi + 1] - offset_[mi]};
}

}  // namespace score::sim
