#pragma once
// Per-phase summaries of a replication, the table planners and donors read.
#include <array>
#include <vector>

#include "model/description.hpp"
#include "sim/metrics.hpp"

namespace score::sim {

enum class Summary : int {
  firms_trained,           // new unique firms completing a first module in the phase
  firms_trained_total,     // cumulative at the phase's end
  workers_reached,         // cumulative at the phase's end
  classroom_participants,  // over the phase
  module_deliveries,       // over the phase
  trainers_certified,      // at the phase's end
  providers_active,        // at the phase's end
  providers_independent,   // at the phase's end
  delivery_cost_usd,       // over the phase
  cost_per_module_usd,     // delivery cost / module deliveries
  revenue_donor_usd,
  revenue_ilo_usd,
  revenue_government_usd,
  revenue_buyer_usd,
  revenue_csr_usd,
  revenue_enterprise_usd,
  cost_recovery,            // non-ILO, non-donor revenue / delivery cost over the phase
  donor_spend_usd,          // everything donors paid in the phase
  donor_cost_per_firm_usd,  // donor spend / firms trained in the phase
  adoption_rate,            // adopters / trained firms at the phase's end
  savings_rate,             // firms reporting savings / trained firms at the phase's end
  productivity_gain,        // mean productivity gain of adopters at the phase's end
  payback_months,           // mean payback of firms reporting savings at the phase's end
  mean_fee_usd,             // enterprise fees / module deliveries
  mean_subsidy_usd,         // donor delivery revenue / module deliveries
  firms_priced_out,         // keen firms turned away by the fee, over the phase
  seats_rationed,           // seats refused for want of planned funding, over the phase
  unpaid_cost_usd,          // delivery cost absorbed by providers, over the phase
  funds_lapsed_usd,         // funder money lapsed at the phase's end
  count
};
constexpr int kSummaries = static_cast<int>(Summary::count);

struct SummaryInfo {
  const char* name;
  const char* long_name;
  const char* units;
};
const std::array<SummaryInfo, kSummaries>& summary_catalogue();

// values[(phase * (countries + 1) + c) * kSummaries + s]; c == countries is the
// all-country total (ratios recomputed from the totals, not averaged).
class PhaseSummary {
 public:
  PhaseSummary(int phases, int countries);
  int phases() const { return phases_; }
  int countries() const { return countries_; }
  double& at(int phase, int country, Summary s) { return values_[index(phase, country, s)]; }
  double at(int phase, int country, Summary s) const { return values_[index(phase, country, s)]; }
  double total(int phase, Summary s) const { return at(phase, countries_, s); }
  const std::vector<double>& values() const { return values_; }

 private:
  std::size_t index(int phase, int country, Summary s) const {
    return (static_cast<std::size_t>(phase) * (countries_ + 1) + country) * kSummaries + static_cast<int>(s);
  }
  int phases_, countries_;
  std::vector<double> values_;
};

PhaseSummary summarise(const Series& series, const model::Description& model);

}  // namespace score::sim

namespace score::sim {

// How people read a summary (tables, reports, the viewer): which way is
// better, and whether it is a share of 1, shown as a percentage. Apart from
// the catalogue so a new summary needs no edit here: unlisted ones read as
// plain numbers with no better side.
enum class Better { higher, lower, neither };
struct SummaryReading {
  Better better = Better::neither;
  bool share = false;
};
SummaryReading summary_reading(Summary summary);

}  // namespace score::sim
