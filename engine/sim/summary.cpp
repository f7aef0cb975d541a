#include "sim/summary.hpp"

#include <cmath>
#include <deque>
#include <limits>
#include <string>

namespace score::sim {

namespace {
namespace summary_rows {  // the enums' names, unqualified, for the table only

using enum Summary;
using enum Kind;

// The SCORE_PHASE entries of sim/outputs.def, in the enum's order (checked
// below): the summaries that are not a metric's of the same name.
constexpr int kOwnRows = 0
#define SCORE_PHASE(NAME) +1
#include "sim/outputs.def"
    ;

constexpr std::array<SummaryInfo, kOwnRows> kSummaryRows{{
    {.id = firms_trained,
     .name = "firms_trained",
     .long_name = "enterprises completing a first module in the phase",
     .units = "1",
     .kind = flow,
     .better = Better::higher,
     .shown = kAllTables,
     .column = "firms"},
    {.id = cost_per_module_usd,
     .name = "cost_per_module_usd",
     .long_name = "delivery cost per enterprise per module",
     .units = "USD",
     .kind = ratio,
     .numerator = delivery_cost_usd,
     .denominator = module_deliveries,
     .better = Better::lower,
     .shown = phase_table | info_table,
     .column = "USD/module"},
    {.id = revenue_donor_usd,
     .name = "revenue_donor_usd",
     .long_name = "delivery revenue from donors",
     .units = "USD",
     .kind = flow},
    {.id = revenue_ilo_usd,
     .name = "revenue_ilo_usd",
     .long_name = "delivery revenue from the ILO",
     .units = "USD",
     .kind = flow},
    {.id = revenue_government_usd,
     .name = "revenue_government_usd",
     .long_name = "delivery revenue from governments",
     .units = "USD",
     .kind = flow},
    {.id = revenue_buyer_usd,
     .name = "revenue_buyer_usd",
     .long_name = "delivery revenue from buyers",
     .units = "USD",
     .kind = flow},
    {.id = revenue_csr_usd,
     .name = "revenue_csr_usd",
     .long_name = "delivery revenue from CSR foundations",
     .units = "USD",
     .kind = flow},
    {.id = revenue_enterprise_usd,
     .name = "revenue_enterprise_usd",
     .long_name = "delivery revenue from enterprise fees",
     .units = "USD",
     .kind = flow},
    {.id = donor_cost_per_firm_usd,
     .name = "donor_cost_per_firm_usd",
     .long_name = "donor spend per enterprise trained in the phase",
     .units = "USD",
     .kind = ratio,
     .numerator = donor_spend_usd,
     .denominator = firms_trained,
     .better = Better::lower,
     .shown = kAllTables,
     .column = "donor USD/firm"},
    // Shares and means at the phase's end whose parts are not summaries.
    {.id = adoption_rate,
     .name = "adoption_rate",
     .long_name = "share of trained enterprises that adopted practices (phase end)",
     .units = "1",
     .kind = ratio,
     .better = Better::higher,
     .percent = true},
    {.id = savings_rate,
     .name = "savings_rate",
     .long_name = "share of trained enterprises reporting cost savings (phase end)",
     .units = "1",
     .kind = ratio,
     .better = Better::higher,
     .percent = true},
    {.id = productivity_gain,
     .name = "productivity_gain",
     .long_name = "mean productivity gain of adopting enterprises (phase end)",
     .units = "1",
     .kind = ratio,
     .better = Better::higher,
     .percent = true},
    {.id = mean_fee_usd,
     .name = "mean_fee_usd",
     .long_name = "mean fee an enterprise paid per module",
     .units = "USD",
     .kind = ratio,
     .numerator = revenue_enterprise_usd,
     .denominator = module_deliveries},
    {.id = mean_subsidy_usd,
     .name = "mean_subsidy_usd",
     .long_name = "mean donor subsidy per enterprise per module",
     .units = "USD",
     .kind = ratio,
     .numerator = revenue_donor_usd,
     .denominator = module_deliveries},
    {.id = unpaid_cost_usd,
     .name = "unpaid_cost_usd",
     .long_name = "delivery cost absorbed by providers in the phase",
     .units = "USD",
     .kind = flow,
     .better = Better::lower},
    {.id = workers_reached_new,
     .name = "workers_reached_new",
     .long_name = "workforce of enterprises first trained in the phase",
     .units = "1",
     .kind = flow},
    {.id = donor_cost_per_worker_usd,
     .name = "donor_cost_per_worker_usd",
     .long_name = "donor spend per worker in enterprises first trained in the phase",
     .units = "USD",
     .kind = ratio,
     .numerator = donor_spend_usd,
     .denominator = workers_reached_new},
    // The phase total of the metric savings_usd, listed with value for money.
    {.id = savings_usd,
     .of = Metric::savings_usd,
     .long_name = "cost savings of trained enterprises in the phase"},
    {.id = savings_per_donor_usd,
     .name = "savings_per_donor_usd",
     .long_name = "enterprises' cost savings per donor dollar spent, in the phase",
     .units = "1",
     .kind = ratio,
     .numerator = savings_usd,
     .denominator = donor_spend_usd},
    {.id = savings_per_donor_usd_to_date,
     .name = "savings_per_donor_usd_to_date",
     .long_name = "enterprises' cost savings per donor dollar spent, from the start to the phase's end",
     .units = "1",
     .kind = ratio},
    {.id = revenue_recovered_usd,
     .name = "revenue_recovered_usd",
     .long_name = "delivery revenue from others than the ILO and donors (cost recovery's numerator)",
     .units = "USD",
     .kind = flow},
    {.id = fee_per_firm_usd,
     .name = "fee_per_firm_usd",
     .long_name = "fees paid per enterprise trained in the phase",
     .units = "USD",
     .kind = ratio,
     .numerator = fees_paid_usd,
     .denominator = firms_trained,
     .shown = phase_table | compare_table,
     .column = "fees USD/firm"},
}};

// The rows are the SCORE_PHASE entries, in order; a row names its metric
// (and then takes its name, units and kind) or declares its own name and
// units; ratios name two other rows; every headline has a head.
constexpr std::array<Summary, kOwnRows> kOwnIds{{
#define SCORE_PHASE(NAME) NAME,
#include "sim/outputs.def"
}};
constexpr bool summary_rows_well_formed(const std::array<SummaryInfo, kOwnRows>& rows) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SummaryInfo& r = rows[i];
    if (r.id != kOwnIds[i] || r.long_name == nullptr) return false;
    const bool own = r.name != nullptr && r.units != nullptr;
    const bool derived = r.name == nullptr && r.units == nullptr;
    if (r.of == Metric::count ? !own : !derived) return false;
    const bool parts = r.numerator != count && r.denominator != count;
    if ((r.numerator != count || r.denominator != count) && !parts) return false;
    if (parts && r.kind != ratio) return false;
    if (r.numerator == r.id || r.denominator == r.id) return false;
    if (r.shown != 0 && r.column == nullptr) return false;
  }
  return true;
}
static_assert(summary_rows_well_formed(kSummaryRows),
              "summary_catalogue(): a row is out of its enum's order or malformed");

}  // namespace summary_rows
using summary_rows::kSummaryRows;

// The units of a phase's total of a metric: a monthly flow's "X month-1"
// summed over months is "X". Called once per row while the catalogue is made.
const char* phase_units(const char* monthly) {
  constexpr std::string_view kPerMonth = " month-1";
  const std::string_view units(monthly);
  if (!units.ends_with(kPerMonth)) return monthly;
  static std::deque<std::string> stripped;  // stable addresses for the catalogue's pointers
  return stripped.emplace_back(units.substr(0, units.size() - kPerMonth.size())).c_str();
}

// A metric's phase summary of the same name, as the catalogue shows it.
SummaryInfo summary_of_metric(const MetricInfo& metric) {
  const PhaseDisplay& p = metric.phase;
  return {.id = metric.summary,
          .of = metric.id,
          .name = metric.name,
          .long_name = p.long_name,
          .units = phase_units(metric.units),
          .kind = metric.kind,
          .numerator = p.numerator,
          .denominator = p.denominator,
          .better = p.better,
          .percent = p.percent,
          .shown = p.shown,
          .column = p.column};
}

// A row of summary.cpp that names its metric takes its name, units and kind.
SummaryInfo with_metric_fields(SummaryInfo row) {
  if (row.of == Metric::count) return row;
  const MetricInfo& metric = info(row.of);
  row.name = metric.name;
  row.units = phase_units(metric.units);
  row.kind = metric.kind;
  return row;
}
}  // namespace

// Every summary in the enum's order: the metrics' from their entries, the
// others from the rows above. Each slot is filled once: the enum is those
// two kinds of entries of the one list.
const std::array<SummaryInfo, kSummaries>& summary_catalogue() {
  static const std::array<SummaryInfo, kSummaries> rows = [] {
    std::array<SummaryInfo, kSummaries> out{};
    for (const MetricInfo& m : metric_catalogue())
      if (m.summary != Summary::count) out[static_cast<std::size_t>(m.summary)] = summary_of_metric(m);
    for (const SummaryInfo& row : kSummaryRows)
      out[static_cast<std::size_t>(row.id)] = with_metric_fields(row);
    return out;
  }();
  return rows;
}

std::vector<Summary> headline_summaries(Table table) {
  std::vector<Summary> out;
  for (const SummaryInfo& row : summary_catalogue())
    if (row.shown & table) out.push_back(row.id);
  return out;
}

Summary summary_named(std::string_view name) {
  for (const SummaryInfo& row : summary_catalogue())
    if (name == row.name) return row.id;
  return Summary::count;
}

PhaseSummary::PhaseSummary(int phases, int countries)
    : phases_(phases),
      countries_(countries),
      values_(static_cast<std::size_t>(phases) * (countries + 1) * kSummaries, 0.0) {}

namespace {
constexpr double kNoRatio = std::numeric_limits<double>::quiet_NaN();
double summary_ratio(double num, double den) { return den > 0 ? num / den : kNoRatio; }

// Sum of a flow over [first, last] for one country (or all when c < 0).
double phase_flow(const Series& s, Metric m, int first, int last, int c, int k = 0) {
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
double stock_at(const Series& s, Metric m, int t, int c) {
  if (t < 0) return 0;
  if (c >= 0) return s.at(m, t, c);
  double sum = 0;
  for (int cc = 0; cc < s.countries(); ++cc) sum += s.at(m, t, cc);
  return sum;
}
double flow_over_axis(const Series& s, Metric m, int first, int last, int c) {
  double sum = 0;
  for (int k = 0; k < axis_length(info(m).axis); ++k) sum += phase_flow(s, m, first, last, c, k);
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

// Summaries that are a metric's flow or stock, from the catalogue: flows
// summed over the phase (and the metric's axis), stocks at its last month.
void fill_aggregates(PhaseSummary& out, int p, int slot, const Series& s, const Period& phase, int c) {
  for (const SummaryInfo& row : summary_catalogue()) {
    if (row.of == Metric::count) continue;
    if (row.kind == Kind::flow)
      out.at(p, slot, row.id) = flow_over_axis(s, row.of, phase.first_step, phase.last_step, c);
    else if (row.kind == Kind::stock)
      out.at(p, slot, row.id) = stock_at(s, row.of, phase.last_step, c);
  }
}

// The summaries with a rule of their own.
void fill_phase(PhaseSummary& out, int p, int slot, const Series& s, const Period& phase, int c) {
  const int a = phase.first_step, b = phase.last_step;
  auto set = [&](Summary k, double v) { out.at(p, slot, k) = v; };
  const double trained_end = stock_at(s, Metric::firms_trained_total, b, c);
  set(Summary::firms_trained, trained_end - stock_at(s, Metric::firms_trained_total, a - 1, c));
  double recovered = 0;
  for (int src = 0; src < model::kSources; ++src) {
    const double r = phase_flow(s, Metric::revenue_usd, a, b, c, src);
    set(static_cast<Summary>(static_cast<int>(Summary::revenue_donor_usd) + src), r);
    if (counts_as_recovery(src)) recovered += r;
  }
  set(Summary::revenue_recovered_usd, recovered);
  const double adopting = stock_at(s, Metric::firms_adopting, b, c);
  set(Summary::adoption_rate, summary_ratio(adopting, trained_end));
  set(Summary::savings_rate, summary_ratio(stock_at(s, Metric::firms_saving, b, c), trained_end));
  set(Summary::productivity_gain, summary_ratio(weighted_improvement(s, b, c, adopting), adopting));
  const double saving = stock_at(s, Metric::firms_saving, b, c);
  set(Summary::payback_months, summary_ratio(weighted_payback(s, b, c), saving));
  set(Summary::unpaid_cost_usd, phase_flow(s, Metric::delivery_shortfall_usd, a, b, c));
}

// Value for money for donors: what a donor dollar bought in the phase, and
// since the start (savings keep coming after the money that paid for them).
void fill_value_for_money(PhaseSummary& out, int p, int slot, const Series& s, const Period& phase, int c) {
  const int a = phase.first_step, b = phase.last_step;
  auto set = [&](Summary k, double v) { out.at(p, slot, k) = v; };
  const double workers_new =
      stock_at(s, Metric::workers_reached, b, c) - stock_at(s, Metric::workers_reached, a - 1, c);
  set(Summary::workers_reached_new, workers_new);
  set(Summary::savings_per_donor_usd_to_date, summary_ratio(phase_flow(s, Metric::savings_usd, 0, b, c),
                                                            phase_flow(s, Metric::donor_spend_usd, 0, b, c)));
}

}  // namespace

// Every ratio with parts, from the catalogue: the one definition of each.
void fill_ratios(PhaseSummary& out, int p, int slot) {
  for (const SummaryInfo& row : summary_catalogue())
    if (row.numerator != Summary::count)
      out.at(p, slot, row.id) =
          summary_ratio(out.at(p, slot, row.numerator), out.at(p, slot, row.denominator));
}

PhaseSummary summarise(const Series& series, const model::Description& model) {
  std::vector<Period> periods;
  for (const model::Phase& p : model.phases) periods.push_back({p.first_step, p.last_step});
  return summarise(series, periods);
}

PhaseSummary summarise(const Series& series, const std::vector<Period>& periods) {
  const int np = static_cast<int>(periods.size());
  const int nc = series.countries();
  PhaseSummary out(np, nc);
  for (int p = 0; p < np; ++p) {
    for (int c = 0; c < nc; ++c) {
      fill_aggregates(out, p, c, series, periods[p], c);
      fill_phase(out, p, c, series, periods[p], c);
      fill_value_for_money(out, p, c, series, periods[p], c);
      fill_ratios(out, p, c);
    }
    fill_aggregates(out, p, nc, series, periods[p], -1);
    fill_phase(out, p, nc, series, periods[p], -1);
    fill_value_for_money(out, p, nc, series, periods[p], -1);
    fill_ratios(out, p, nc);
  }
  return out;
}

}  // namespace score::sim

namespace score::sim {

SummaryReading summary_reading(Summary summary) {
  const SummaryInfo& row = info(summary);
  return {row.better, row.percent};
}

}  // namespace score::sim
