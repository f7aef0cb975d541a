#include "sweep/decision_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/statistics.hpp"

namespace score::sweep {
namespace {

int index_of(const std::vector<std::string>& names, const std::string& name, const char* what) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    throw std::invalid_argument(std::string("decision table: unknown ") + what + " '" + name + "'");
  return static_cast<int>(it - names.begin());
}

bool met(const Criterion& c, double value) {
  if (!c.threshold || std::isnan(value)) return false;
  return c.maximise ? value >= *c.threshold : value <= *c.threshold;
}

// values[option][u] of one criterion.
using Values = std::vector<std::vector<double>>;

Values criterion_values(const OutcomeTable& means, int options, int points, int phase, int summary) {
  Values v(static_cast<std::size_t>(options), std::vector<double>(static_cast<std::size_t>(points)));
  for (int o = 0; o < options; ++o)
    for (int u = 0; u < points; ++u)
      v[static_cast<std::size_t>(o)][static_cast<std::size_t>(u)] = means.at(o * points + u, phase, summary);
  return v;
}

// Regret per option and point; NaN at points where any option's value is undefined.
Values regrets(const Values& v, bool maximise) {
  Values r(v.size(), std::vector<double>(v.front().size(), kNaN));
  for (std::size_t u = 0; u < v.front().size(); ++u) {
    double best =
        maximise ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    bool defined = true;
    for (const auto& option : v) {
      defined = defined && !std::isnan(option[u]);
      best = maximise ? std::max(best, option[u]) : std::min(best, option[u]);
    }
    if (!defined) continue;
    for (std::size_t o = 0; o < v.size(); ++o) r[o][u] = maximise ? best - v[o][u] : v[o][u] - best;
  }
  return r;
}

CriterionScores score_criterion(const Criterion& c, const Values& v) {
  CriterionScores out{c, {}, -1};
  const Values r = regrets(v, c.maximise);
  for (std::size_t o = 0; o < v.size(); ++o) {
    OptionScore s;
    s.mean = mean(v[o]);
    s.p05 = quantile(v[o], 0.05);
    s.p50 = quantile(v[o], 0.5);
    s.p95 = quantile(v[o], 0.95);
    s.mean_regret = mean(r[o]);
    s.max_regret = kNaN;
    for (const double x : r[o])
      if (!std::isnan(x)) s.max_regret = std::isnan(s.max_regret) ? x : std::max(s.max_regret, x);
    s.satisficing = kNaN;
    if (c.threshold)
      s.satisficing =
          static_cast<double>(std::count_if(v[o].begin(), v[o].end(), [&](double x) { return met(c, x); })) /
          static_cast<double>(v[o].size());
    out.options.push_back(s);
    const auto best = static_cast<std::size_t>(out.least_max_regret);
    if (!std::isnan(s.max_regret) &&
        (out.least_max_regret < 0 || s.max_regret < out.options[best].max_regret))
      out.least_max_regret = static_cast<int>(o);
  }
  return out;
}

}  // namespace

DecisionTable decision_table(const OutcomeTable& means, const std::vector<Policy>& options,
                             const std::vector<Criterion>& criteria,
                             const std::vector<std::string>& phase_ids) {
  const auto count = static_cast<int>(options.size());
  if (count == 0 || means.points % count != 0 || static_cast<int>(phase_ids.size()) != means.phases)
    throw std::invalid_argument("decision table: the outcomes do not fit the policy options");
  DecisionTable t;
  for (const Policy& p : options) t.options.push_back(p.name);
  t.points = means.points / count;
  std::vector<std::string> summaries;
  for (const auto& s : sim::summary_catalogue()) summaries.emplace_back(s.name);
  std::vector<Values> all;
  for (const Criterion& c : criteria) {
    const int phase = index_of(phase_ids, c.phase, "phase"),
              summary = index_of(summaries, c.summary, "outcome");
    all.push_back(criterion_values(means, count, t.points, phase, summary));
    t.criteria.push_back(score_criterion(c, all.back()));
  }
  const bool thresholds =
      std::any_of(criteria.begin(), criteria.end(), [](const Criterion& c) { return c.threshold; });
  if (!thresholds || t.points == 0) return t;
  for (int o = 0; o < count; ++o) {
    int hits = 0;
    for (int u = 0; u < t.points; ++u) {
      bool every = true;
      for (std::size_t c = 0; c < criteria.size(); ++c)
        if (criteria[c].threshold)
          every = every && met(criteria[c], all[c][static_cast<std::size_t>(o)][static_cast<std::size_t>(u)]);
      hits += every ? 1 : 0;
    }
    t.all_met.push_back(static_cast<double>(hits) / t.points);
    if (t.most_satisficing < 0 || t.all_met.back() > t.all_met[static_cast<std::size_t>(t.most_satisficing)])
      t.most_satisficing = o;
  }
  return t;
}

}  // namespace score::sweep
