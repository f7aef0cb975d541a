#include "sim/metrics.hpp"

#include <cassert>

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

const std::array<MetricInfo, kMetrics>& metric_catalogue() {
  using enum Axis;
  using enum Kind;
  static const std::array<MetricInfo, kMetrics> catalogue{{
      {"smes_trained", "enterprises that completed at least one module (cumulative)", "1", none, stock},
      {"workers_reached", "workforce of the enterprises trained (cumulative)", "1", none, stock},
      {"firms_aware", "eligible enterprises aware of SCORE", "1", none, stock},
      {"firms_in_training", "enterprises in a module (intake to last follow-up)", "1", none, stock},
      {"firms_adopting", "trained enterprises that adopted the practices", "1", none, stock},
      {"firms_saving", "adopting enterprises reporting cost savings", "1", none, stock},
      {"classroom_participants", "managers and workers attending classroom training", "1 month-1", none,
       flow},
      {"module_deliveries", "modules started", "1 month-1", module, flow},
      {"modules_completed", "modules completed", "1 month-1", module, flow},
      {"trainers_trained", "trainees entering training of trainers", "1 month-1", none, flow},
      {"trainers_certified", "active certified trainers", "1", none, stock},
      {"providers_active", "partner providers delivering or preparing to deliver", "1", none, stock},
      {"providers_independent", "providers covering their costs without ILO or donor money", "1", none,
       stock},
      {"delivery_cost_usd", "cost of module delivery (price: direct cost and provider margin)", "USD month-1",
       none, flow},
      {"delivery_shortfall_usd", "unpaid delivery cost absorbed by providers", "USD month-1", none, flow},
      {"revenue_usd", "delivery revenue by paying source", "USD month-1", source, flow},
      {"cost_recovery", "share of delivery cost paid by others than the ILO and donors", "1", none, ratio},
      {"programme_cost_usd", "programme cost: staff, overheads, marketing, training of trainers",
       "USD month-1", none, flow},
      {"donor_spend_usd", "donor money spent on delivery and programme", "USD month-1", none, flow},
      {"licence_income_usd", "licence fees paid by commercial providers", "USD month-1", none, flow},
      {"savings_usd", "monthly cost savings of enterprises that adopted", "USD month-1", none, flow},
      {"payback_months", "mean months of savings to recover the fees paid (firms reporting savings)", "month",
       none, ratio},
      {"improvement", "mean relative improvement of adopting enterprises", "1", indicator, stock},
      {"firms_priced_out", "aware, keen enterprises whose fee exceeded what they can pay", "1 month-1", none,
       flow},
      {"seats_rationed", "seats not given because planned funding was spent", "1 month-1", none, flow},
      {"funds_budget_usd", "funder budgets opened at a phase's start", "USD month-1", source, flow},
      {"funds_spent_usd", "funder budget money spent on delivery and programme", "USD month-1", source, flow},
      {"funds_lapsed_usd", "unspent funder money lapsed at a phase's end", "USD month-1", source, flow},
      {"funds_carried_usd", "unspent funder money carried to the funder's next phase", "USD month-1", source,
       flow},
      {"countries_reached", "countries with at least one trained enterprise (per country: 0 or 1)", "1", none,
       stock},
      {"countries_supported", "countries the programme supports this month (per country: 0 or 1)", "1", none,
       stock},
      {"providers_signed", "partner organisations ever signed, onboarded or licensed (cumulative)", "1", none,
       stock},
      {"providers_dropped", "partner organisations that dropped out (cumulative)", "1", none, stock},
      {"providers_dropped_idle",
       "of the providers dropped, those with neither certified trainers nor trainees left (cumulative; the "
       "rest dropped on losses)",
       "1", none, stock},
      {"trainers_own_trained", "trainees providers sent to training of trainers at their own cost",
       "1 month-1", none, flow},
      {"fixed_cost_priced_usd",
       "part of delivery cost covering providers' fixed costs, priced in on their own books", "USD month-1",
       none, flow},
  }};
  return catalogue;
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
