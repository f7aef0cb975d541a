#include "calibrate/target_eval.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/statistics.hpp"
#include "scenario/diagnostic.hpp"

namespace score::calibrate {
namespace {

int index_of(const std::vector<std::string>& ids, const std::string& id) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

// The countries a target sums over: one, or all.
std::pair<int, int> country_span(const Target& t, const Frame& frame) {
  if (t.country.empty()) return {0, static_cast<int>(frame.countries.size())};
  const int c = index_of(frame.countries, t.country);
  return {c, c + 1};
}

// Sum of a metric over countries, its axis and steps [first, last].
double sum(const sim::Series& s, sim::Metric m, std::pair<int, int> countries, int first, int last,
           std::span<const int> axis) {
  double total = 0;
  for (int step = first; step <= last; ++step)
    for (int c = countries.first; c < countries.second; ++c)
      for (const int k : axis) total += s.at(m, step, c, k);
  return total;
}

std::vector<int> all_of_axis(sim::Metric m) {
  std::vector<int> out(static_cast<std::size_t>(std::max(1, sim::axis_length(sim::info(m).axis))));
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = static_cast<int>(k);
  return out;
}

double dated_metric(const Target& t, const Frame& frame, const sim::Series& s) {
  const int last = months_between(frame.start, t.at);
  const int first = sim::info(t.metric).kind == sim::Kind::flow
                        ? (t.from ? months_between(frame.start, *t.from) : 0)
                        : last;
  return sum(s, t.metric, country_span(t, frame), std::max(first, 0), last, all_of_axis(t.metric));
}

// Cost recovery (revenue that is not programme money, over delivery cost),
// and the reported share mixed by the model's own deliveries when it
// differs by module.
Sample coverage(const Target& t, const Frame& frame, const sim::Series& s) {
  const auto countries = country_span(t, frame);
  const int first = months_between(frame.start, *t.from), last = months_between(frame.start, t.at);
  std::vector<int> recovered;
  for (int k = 0; k < model::kSources; ++k)
    if (sim::counts_as_recovery(k)) recovered.push_back(k);
  const double revenue = sum(s, sim::Metric::revenue_usd, countries, first, last, recovered);
  const double cost = sum(s, sim::Metric::delivery_cost_usd, countries, first, last, std::array{0});
  Sample out{sim::cost_recovery(revenue, cost), t.reported.value};
  const auto& by_module = t.reported.value_by_module;
  if (by_module.empty()) return out;
  double deliveries = 0, mixed = 0;
  for (std::size_t k = 0; k < by_module.size(); ++k) {
    const int module[1] = {static_cast<int>(k)};
    const double n = sum(s, sim::Metric::module_deliveries, countries, first, last, module);
    deliveries += n;
    mixed += n * by_module[k];
  }
  out.goal = deliveries > 0 ? mixed / deliveries : kNaN;
  return out;
}

std::string check_one(const Target& t, const Frame& frame) {
  if (!t.country.empty() && index_of(frame.countries, t.country) < 0)
    return "the scenario has no country '" + t.country + "'";
  if (t.measure == Measure::phase_summary)
    return index_of(frame.phases, t.phase) < 0 ? "the scenario has no phase '" + t.phase + "'" : "";
  const YearMonth end = frame.start.plus(frame.steps - 1);
  for (const auto& ym : {std::optional<YearMonth>(t.at), t.from})
    if (ym && (*ym < frame.start || end < *ym))
      return format_year_month(*ym) + " lies outside the scenario's calendar (" +
             format_year_month(frame.start) + " to " + format_year_month(end) + ")";
  if (t.from && t.at < *t.from) return "from lies after at";
  if (t.measure == Measure::coverage &&
      t.reported.value_by_module.size() > static_cast<std::size_t>(sim::axis_length(sim::Axis::module)))
    return "value_by_module has more values than there are modules";
  return "";
}

}  // namespace

Frame frame_of(const model::Description& model) {
  Frame f{model.start, model.steps, {}, {}, {}};
  for (const auto& c : model.countries) f.countries.push_back(c.id);
  for (const auto& p : model.phases) {
    f.phases.push_back(p.id);
    f.phase_last_steps.push_back(p.last_step);
  }
  return f;
}

int steps_read(const std::vector<Target>& targets, const Frame& frame) {
  int steps = 0;
  for (const Target& t : targets) {
    int last = frame.steps - 1;  // a target the frame cannot place reads the whole run
    if (t.measure != Measure::phase_summary) {
      last = months_between(frame.start, t.at);
    } else if (const int p = index_of(frame.phases, t.phase);
               p >= 0 && static_cast<std::size_t>(p) < frame.phase_last_steps.size()) {
      last = frame.phase_last_steps[static_cast<std::size_t>(p)];
    }
    steps = std::max(steps, last + 1);
  }
  return std::min(steps, frame.steps);
}

void check_targets(const std::vector<Target>& targets, const Frame& frame, const std::string& file) {
  std::vector<scenario::Diagnostic> problems;
  for (const Target& t : targets)
    if (const std::string problem = check_one(t, frame); !problem.empty())
      problems.push_back({file, t.line, 0, "target '" + t.name + "'", problem});
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems));
}

Sample evaluate(const Target& t, const Frame& frame, const sim::Series& series,
                const sim::PhaseSummary& summary) {
  switch (t.measure) {
    case Measure::phase_summary: {
      const int p = index_of(frame.phases, t.phase);
      const int c = t.country.empty() ? summary.countries() : index_of(frame.countries, t.country);
      return {summary.at(p, c, t.summary), t.reported.value};
    }
    case Measure::dated_metric:
      return {dated_metric(t, frame, series), t.reported.value};
    case Measure::coverage:
      return coverage(t, frame, series);
  }
  return {kNaN, kNaN};
}

Judgement judge(const Target& target, std::span<const Sample> replications) {
  double model = 0, goal = 0;
  int n = 0;
  for (const Sample& s : replications)
    if (!std::isnan(s.model) && !std::isnan(s.goal)) {
      model += s.model;
      goal += s.goal;
      ++n;
    }
  Judgement out;
  out.model = n ? model / n : kNaN;
  out.goal = n ? goal / n : target.reported.value;
  out.band = band_of(target.reported, out.goal);
  out.discrepancy = discrepancy(out.band, out.model);
  out.inside = inside(out.band, out.model);
  return out;
}

}  // namespace score::calibrate
