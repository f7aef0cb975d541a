// compare_runs and its helpers (session/compare.hpp).
#include <algorithm>

#include "core/statistics.hpp"
#include "session/compare.hpp"
#include "session/programme_totals.hpp"

namespace score::session {
namespace {

MonthRange months_of(const ComparedRun& run, const PhaseSpan& phase) {
  return {run.start.plus(phase.first_step), run.start.plus(phase.last_step)};
}

// The slot of the chosen country in `run`: its index, the all-country slot
// for an empty id, -1 when the run lacks the country.
int country_slot(const ComparedRun& run, const std::string& country) {
  if (country.empty()) return static_cast<int>(run.country_ids.size());
  const auto it = std::find(run.country_ids.begin(), run.country_ids.end(), country);
  return it == run.country_ids.end() ? -1 : static_cast<int>(it - run.country_ids.begin());
}

// Per replication of `run`, the value of one phase (index >= 0) or of the
// programme (index == -2); empty when the run lacks the phase or country.
std::vector<double> values(const ComparedRun& run, int index, int slot, sim::Summary s) {
  std::vector<double> xs;
  if (index == -1 || slot < 0) return xs;
  for (const sim::PhaseSummary& rep : run.summaries)
    xs.push_back(index == -2 ? programme_total(rep, slot, s) : rep.at(index, slot, s));
  return xs;
}

ComparedRow row(std::span<const ComparedRun> runs, const std::vector<int>& index, const std::string& phase,
                sim::Summary s, const CompareOptions& options) {
  ComparedRow r{phase, s, {}, {}};
  std::vector<std::vector<double>> xs;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    xs.push_back(values(runs[k], index[k], country_slot(runs[k], options.country), s));
    r.means.push_back(xs.back().empty() ? kNaN : mean(xs.back()));
  }
  for (std::size_t k = 0; k < runs.size(); ++k)
    r.differences.push_back(difference(xs[0], xs[k], runs_paired(runs[0], runs[k]), options.confidence));
  return r;
}

std::string range_text(const MonthRange& m) {
  return format_year_month(m.first) + " to " + format_year_month(m.last);
}

// What a reader must know about a matched phase, or "".
std::string phase_warning(const MatchedPhase& phase, std::span<const ComparedRun> runs) {
  if (!phase.months_differ && !phase.missing) return "";
  std::string text =
      "phase " + phase.id + (phase.months_differ ? " covers different months:" : " is not in every run:");
  for (std::size_t k = 0; k < runs.size(); ++k) {
    text += (k ? "; " : " ") + runs[k].label + " ";
    text += phase.index[k] < 0 ? "(none)" : range_text(phase.months[k]);
  }
  return text;
}

}  // namespace

ComparedRun compared_run(const output::Results& results, std::string label) {
  ComparedRun run{std::move(label),       results.info.seed, results.info.start, results.info.country_ids, {},
                  results.phase_summaries};
  for (const auto& p : results.info.phases) run.phases.push_back({p.id, p.name, p.first_step, p.last_step});
  return run;
}

ComparedRun compared_run(const Snapshot& snapshot) {
  return {snapshot.label,       snapshot.seed,   snapshot.start,
          snapshot.country_ids, snapshot.phases, snapshot.summaries};
}

std::vector<MatchedPhase> match_phases(std::span<const ComparedRun> runs) {
  std::vector<MatchedPhase> out;
  for (std::size_t k = 0; k < runs.size(); ++k)
    for (std::size_t p = 0; p < runs[k].phases.size(); ++p) {
      const PhaseSpan& span = runs[k].phases[p];
      auto it = std::find_if(out.begin(), out.end(), [&](const MatchedPhase& m) { return m.id == span.id; });
      if (it == out.end())
        it = out.insert(out.end(), {span.id, span.name, std::vector<int>(runs.size(), -1),
                                    std::vector<MonthRange>(runs.size()), false, false});
      if (it->index[k] >= 0) continue;  // a duplicate id within one run: the first counts
      it->index[k] = static_cast<int>(p);
      it->months[k] = months_of(runs[k], span);
    }
  for (MatchedPhase& m : out) {
    int first = -1;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      if (m.index[k] < 0) {
        m.missing = true;
      } else if (first < 0) {
        first = static_cast<int>(k);
      } else if (!(m.months[k] == m.months[static_cast<std::size_t>(first)])) {
        m.months_differ = true;
      }
    }
  }
  return out;
}

bool runs_paired(const ComparedRun& a, const ComparedRun& b) {
  return a.seed && b.seed && *a.seed == *b.seed && a.summaries.size() == b.summaries.size();
}

bool programmes_cover_same_months(std::span<const ComparedRun> runs) {
  auto span = [](const ComparedRun& r) -> std::optional<MonthRange> {
    if (r.phases.empty()) return std::nullopt;
    return MonthRange{r.start.plus(r.phases.front().first_step), r.start.plus(r.phases.back().last_step)};
  };
  for (const ComparedRun& r : runs)
    if (span(r) != span(runs[0])) return false;
  return true;
}

Comparison compare_runs(std::span<const ComparedRun> runs, const CompareOptions& options) {
  Comparison c;
  c.confidence = options.confidence;
  if (runs.empty()) return c;
  for (const ComparedRun& r : runs) {
    c.labels.push_back(r.label);
    const bool enough = r.summaries.size() >= 2 && runs[0].summaries.size() >= 2;
    c.pairing.push_back(&r == &runs[0] || !enough ? Pairing::none
                        : runs_paired(runs[0], r) ? Pairing::paired
                                                  : Pairing::welch);
    if (country_slot(r, options.country) < 0)
      c.warnings.push_back(r.label + " has no country " + options.country);
  }
  c.phases = match_phases(runs);
  for (const MatchedPhase& phase : c.phases) {
    if (std::string w = phase_warning(phase, runs); !w.empty()) c.warnings.push_back(w);
    for (sim::Summary s : options.summaries) c.rows.push_back(row(runs, phase.index, phase.id, s, options));
  }
  if (!programmes_cover_same_months(runs))
    c.warnings.push_back(
        "the runs' programmes cover different months: programme totals are not like for like");
  const std::vector<int> whole(runs.size(), -2);
  for (sim::Summary s : options.summaries) c.rows.push_back(row(runs, whole, kProgramme, s, options));
  return c;
}

}  // namespace score::session
