#include "sweep/sweep_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "experiment/sensitivity.hpp"

namespace score::sweep {

bool supports_sensitivity(Method method) { return method == Method::saltelli || method == Method::morris; }

namespace {

// Room for the catalogue to grow: at most this many summaries (checked).
constexpr int kStreamsPerPhase = 256;
static_assert(sim::kSummaries <= kStreamsPerPhase);

std::vector<double> outcome_column(const OutcomeTable& outcomes, int phase, int summary) {
  std::vector<double> y(static_cast<std::size_t>(outcomes.points));
  for (int p = 0; p < outcomes.points; ++p) y[static_cast<std::size_t>(p)] = outcomes.at(p, phase, summary);
  return y;
}

void fill(std::vector<double>& target, const SensitivityTable& t, int phase, int summary,
          const std::vector<double>& values) {
  for (int j = 0; j < t.parameters; ++j)
    target[t.index(phase, summary, j)] = values[static_cast<std::size_t>(j)];
}

void check_rows(const OutcomeTable& outcomes, int expected, const char* design) {
  if (outcomes.points != expected ||
      outcomes.values.size() != static_cast<std::size_t>(expected) * outcomes.phases * sim::kSummaries)
    throw std::invalid_argument(std::string("sensitivity: the outcomes do not fit the ") + design +
                                " layout");
}

// The outcomes of the first m base rows, laid out as a saltelli design of m.
OutcomeTable saltelli_rows(const OutcomeTable& outcomes, const experiment::SaltelliLayout& at, int m) {
  OutcomeTable out{m * (at.k + 2), outcomes.phases, {}};
  const std::size_t width = static_cast<std::size_t>(outcomes.phases) * sim::kSummaries;
  out.values.reserve(static_cast<std::size_t>(out.points) * width);
  for (int block = 0; block < at.k + 2; ++block)
    for (int j = 0; j < m; ++j) {
      const auto first = outcomes.values.begin() + static_cast<std::ptrdiff_t>((block * at.n + j) * width);
      out.values.insert(out.values.end(), first, first + static_cast<std::ptrdiff_t>(width));
    }
  return out;
}

}  // namespace

SensitivityTable sensitivity_table(Method method, const OutcomeTable& outcomes, int parameters,
                                   const experiment::SaltelliLayout& saltelli,
                                   const experiment::MorrisLayout& morris, int bootstrap, double confidence,
                                   std::uint64_t seed, experiment::IntervalMethod interval) {
  if (!supports_sensitivity(method))
    throw std::invalid_argument(std::string("sensitivity: a ") + method_name(method) +
                                " design has no indices");
  SensitivityTable t;
  t.method = method;
  t.phases = outcomes.phases;
  t.parameters = parameters;
  t.bootstrap = bootstrap;
  t.confidence = confidence;
  t.interval = interval;
  const std::size_t cells = static_cast<std::size_t>(t.phases) * sim::kSummaries * parameters;
  if (method == Method::saltelli) {
    check_rows(outcomes, saltelli.rows(), "saltelli");
    for (auto* v : {&t.first, &t.first_lo, &t.first_hi, &t.total, &t.total_lo, &t.total_hi}) v->resize(cells);
    t.one_row.resize(static_cast<std::size_t>(t.phases) * sim::kSummaries);
  } else {
    check_rows(outcomes, morris.trajectories * (morris.k + 1), "morris");
    for (auto* v : {&t.mu, &t.mu_star, &t.sigma}) v->resize(cells);
  }
  for (int phase = 0; phase < t.phases; ++phase)
    for (int s = 0; s < sim::kSummaries; ++s) {
      const std::vector<double> y = outcome_column(outcomes, phase, s);
      if (method == Method::saltelli) {
        // One bootstrap stream per outcome, at a fixed stride per phase, so adding
        // an outcome to the catalogue never shifts another's intervals.
        const auto stream = seed + static_cast<std::uint64_t>(phase * kStreamsPerPhase + s);
        const experiment::SobolIndices ix =
            experiment::sobol_indices(y, saltelli.n, saltelli.k, bootstrap, confidence, stream, interval);
        fill(t.first, t, phase, s, ix.first);
        fill(t.first_lo, t, phase, s, ix.first_lo);
        fill(t.first_hi, t, phase, s, ix.first_hi);
        fill(t.total, t, phase, s, ix.total);
        fill(t.total_lo, t, phase, s, ix.total_lo);
        fill(t.total_hi, t, phase, s, ix.total_hi);
        t.one_row[static_cast<std::size_t>(phase) * sim::kSummaries + s] = ix.one_row ? 1 : 0;
      } else {
        const experiment::MorrisIndices ix = experiment::morris_indices(y, morris);
        fill(t.mu, t, phase, s, ix.mu);
        fill(t.mu_star, t, phase, s, ix.mu_star);
        fill(t.sigma, t, phase, s, ix.sigma);
      }
    }
  return t;
}

std::vector<ConvergenceStep> sobol_convergence(const OutcomeTable& outcomes, int parameters,
                                               const experiment::SaltelliLayout& saltelli, int bootstrap,
                                               double confidence, std::uint64_t seed,
                                               experiment::IntervalMethod interval) {
  check_rows(outcomes, saltelli.rows(), "saltelli");
  std::vector<ConvergenceStep> steps;
  for (const int m : experiment::convergence_sizes(saltelli.n))
    steps.push_back({m, sensitivity_table(Method::saltelli, saltelli_rows(outcomes, saltelli, m), parameters,
                                          {m, saltelli.k}, {}, bootstrap, confidence, seed, interval)});
  return steps;
}

const std::vector<sim::Summary>& headline_summaries() {
  static const std::vector<sim::Summary> headline = sim::headline_summaries(sim::sweep_table);
  return headline;
}

std::vector<ReplicationAdvice> replication_advice(const OutcomeTable& means, const OutcomeTable& sds,
                                                  double relative_width, double confidence) {
  if (!(relative_width > 0) || !std::isfinite(relative_width))
    throw std::invalid_argument("replication advice: the relative width must be a positive number");
  std::vector<ReplicationAdvice> out;
  for (const sim::Summary summary : headline_summaries())
    for (int phase = 0; phase < means.phases; ++phase) {
      ReplicationAdvice a{summary, phase, 0};
      const int s = static_cast<int>(summary);
      for (int p = 0; p < means.points; ++p) {
        const double mean = means.at(p, phase, s), sd = sds.at(p, phase, s);
        if (!std::isfinite(mean) || mean == 0 || !std::isfinite(sd)) continue;
        const double half_width = relative_width / 2 * std::fabs(mean);
        try {
          a.needed = std::max(a.needed, experiment::replications_needed(sd, half_width, confidence));
        } catch (const std::overflow_error&) {
          a.needed = std::numeric_limits<int>::max();
        }
      }
      out.push_back(a);
    }
  return out;
}

}  // namespace score::sweep
