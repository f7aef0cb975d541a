#include "experiment/seek.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "experiment/sensitivity.hpp"

namespace score::experiment {

Interval wilson_interval(int k, int n, double confidence) {
  if (n <= 0 || k < 0 || k > n) throw std::invalid_argument("wilson_interval: need 0 <= k <= n, n > 0");
  const double z = normal_quantile((1.0 + confidence) / 2.0);
  const double p = static_cast<double>(k) / n, z2n = z * z / n;
  const double centre = (p + z2n / 2) / (1 + z2n);
  const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / n + z2n / (4.0 * n));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::meets:
      return "meets";
    case Verdict::fails:
      return "fails";
    case Verdict::undecided:
      return "undecided";
  }
  return "?";
}

int SeekResult::runs() const {
  int n = 0;
  for (const Probe& p : probes) n += p.runs;
  return n;
}

namespace {

void check(const SeekOptions& o) {
  if (!(o.lo <= o.hi)) throw std::invalid_argument("the lever's range is empty (lo > hi)");
  if (!(o.probability > 0 && o.probability < 1))
    throw std::invalid_argument("the probability must lie in (0, 1)");
  if (!(o.confidence > 0 && o.confidence < 1))
    throw std::invalid_argument("the confidence must lie in (0, 1)");
  if (o.first_reps < 1 || o.step_reps < 1 || o.max_reps < o.first_reps)
    throw std::invalid_argument("replications: need 1 <= first <= max and a step of at least 1");
  if (o.tolerance < 0) throw std::invalid_argument("the tolerance must not be negative");
}

// Runs batches at one value until a verdict or the replication budget.
Probe probe(const SeekOptions& o, const SeekOutcomes& outcomes, double value) {
  Probe p;
  p.value = value;
  int batch = o.first_reps;
  while (true) {
    const std::vector<bool> met = outcomes(value, p.runs, batch);
    p.met += static_cast<int>(std::count(met.begin(), met.end(), true));
    p.runs += batch;
    p.p = wilson_interval(p.met, p.runs, o.confidence);
    if (p.p.lo > o.probability) p.verdict = Verdict::meets;
    if (p.p.hi < o.probability) p.verdict = Verdict::fails;
    if (p.verdict != Verdict::undecided || p.runs >= o.max_reps) return p;
    batch = std::min(o.step_reps, o.max_reps - p.runs);
  }
}

bool leans_to_meet(const Probe& p, double probability) {
  if (p.verdict != Verdict::undecided) return p.verdict == Verdict::meets;
  return static_cast<double>(p.met) / p.runs >= probability;
}

// Position u in [0, 1], the target better met as u grows, to a lever value.
double at(const SeekOptions& o, double u) {
  const double v = o.largest ? o.hi - u * (o.hi - o.lo) : o.lo + u * (o.hi - o.lo);
  return o.integer ? std::round(v) : v;
}

// Position of a lever value (the inverse of at()).
double position(const SeekOptions& o, double v) {
  if (o.hi == o.lo) return 0;
  const double u = (v - o.lo) / (o.hi - o.lo);
  return o.largest ? 1 - u : u;
}

// The interval from the probes' verdicts, as positions: from the nearest
// failing verdict below the answer to the nearest meeting one above it.
// With no failing verdict the threshold may lie at the range's unfavourable end.
Interval bracket(const SeekOptions& o, const std::vector<Probe>& probes) {
  Interval u{0, 1};
  for (const Probe& p : probes) {
    const double x = position(o, p.value);
    if (p.verdict == Verdict::fails) u.lo = std::max(u.lo, x);
    if (p.verdict == Verdict::meets) u.hi = std::min(u.hi, x);
  }
  return u;
}

// The nearest probed position strictly between a and b from the side of a
// (b itself when none): where a verdict of a's kind may still be found.
double nearest_probe(const SeekOptions& o, const std::vector<Probe>& probes, double a, double b) {
  double nearest = b;
  for (const Probe& p : probes) {
    const double x = position(o, p.value);
    if ((x - a) * (b - a) > 0 && std::abs(x - a) < std::abs(nearest - a)) nearest = x;
  }
  return nearest;
}

// Undecided probes near the threshold leave the verdicts' interval wide:
// bisect between each end and the nearest probe inward, up to `kRefine`
// probes a side, for the decided values closest to the threshold.
void refine(const SeekOptions& o, double tolerance, const std::function<Probe(double)>& run, SeekResult& r) {
  constexpr int kRefine = 3;
  for (const bool lower : {true, false}) {
    for (int k = 0; k < kRefine; ++k) {
      const Interval u = bracket(o, r.probes);
      const double end = lower ? u.lo : u.hi;
      const double inner = nearest_probe(o, r.probes, end, lower ? u.hi : u.lo);
      const double mid = (end + inner) / 2;
      if (std::abs(at(o, inner) - at(o, end)) <= tolerance || at(o, mid) == at(o, end) ||
          at(o, mid) == at(o, inner))
        break;
      r.probes.push_back(run(mid));
    }
  }
}

}  // namespace

SeekResult seek(const SeekOptions& o, const SeekOutcomes& outcomes,
                const std::function<void(const Probe&)>& on_probe) {
  check(o);
  SeekResult r;
  const std::function<Probe(double)> run = [&](double u) {
    Probe p = probe(o, outcomes, at(o, u));
    if (on_probe) on_probe(p);
    return p;
  };
  const double tolerance = o.tolerance > 0 ? o.tolerance : (o.hi - o.lo) / 100;
  r.probes.push_back(run(1));
  if (r.probes.back().verdict != Verdict::meets) {
    r.status = r.probes.back().verdict == Verdict::fails ? SeekStatus::out_of_reach : SeekStatus::undecided;
    return r;
  }
  r.probes.push_back(run(0));
  if (r.probes.back().verdict == Verdict::meets) {
    r.answer = at(o, 0);
    r.interval = {r.answer, r.answer};
    return r;
  }
  double fail = 0, meet = 1;  // positions
  while (std::abs(at(o, meet) - at(o, fail)) > (o.integer ? std::max(1.0, tolerance) : tolerance)) {
    const double mid = (fail + meet) / 2;
    if (at(o, mid) == at(o, fail) || at(o, mid) == at(o, meet)) break;  // whole numbers adjacent
    r.probes.push_back(run(mid));
    (leans_to_meet(r.probes.back(), o.probability) ? meet : fail) = mid;
  }
  r.answer = at(o, meet);
  refine(o, tolerance, run, r);
  const Interval u = bracket(o, r.probes);
  r.interval = {std::min(at(o, u.lo), at(o, u.hi)), std::max(at(o, u.lo), at(o, u.hi))};
  return r;
}

}  // namespace score::experiment
