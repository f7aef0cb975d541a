#pragma once
// Goal seeking: the smallest (or largest) value of one lever at which a
// target is met with a given probability, by stochastic bisection.
//
// Each lever value is a probe: replications are added in batches until the
// Wilson interval of the probability of meeting the target lies wholly
// above or below the required probability (a verdict), or the probe's
// replication budget is spent (undecided; the point estimate then steers the
// bisection). Every probe uses replications 0, 1, 2, ... of the same seed
// (common random numbers), so the differences between lever values are the
// lever's, not the draws'. The answer's interval runs from the largest value
// judged to fail to the smallest judged to meet (after the bisection, a few
// probes each side look for verdicts nearer the threshold): under a monotone
// effect it holds the true threshold when every verdict is right.
#include <functional>
#include <string>
#include <vector>

#include "experiment/interval.hpp"

namespace score::experiment {

// Wilson score interval of a binomial proportion: k successes in n trials,
// two-sided `confidence` (0.95: z = 1.96). n > 0.
Interval wilson_interval(int k, int n, double confidence);

struct SeekOptions {
  double lo = 0, hi = 1;     // the lever's range
  bool largest = false;      // false: the smallest value that meets the target; true: the largest
  bool integer = false;      // probe whole numbers only
  double probability = 0.8;  // required probability of meeting the target
  double confidence = 0.95;  // of the Wilson intervals
  double tolerance = 0;      // stop when the bracket is this narrow; 0: (hi - lo) / 100
  int first_reps = 20;       // replications of a probe's first batch
  int step_reps = 20;        // replications added per batch
  int max_reps = 200;        // at most per probe
};

// Whether the target is met in replications first .. first + count - 1 at
// lever value `value` (one entry per replication, in order). Must depend on
// (value, replication) only.
using SeekOutcomes = std::function<std::vector<bool>(double value, int first, int count)>;

enum class Verdict { meets, fails, undecided };
const char* verdict_name(Verdict v);  // "meets", "fails", "undecided"

struct Probe {
  double value = 0;
  int met = 0, runs = 0;
  Interval p;  // Wilson interval of the probability
  Verdict verdict = Verdict::undecided;
};

enum class SeekStatus {
  found,         // answer and interval below
  out_of_reach,  // the range's favourable end fails the target
  undecided,     // the favourable end cannot be shown to meet it within max_reps
};

struct SeekResult {
  SeekStatus status = SeekStatus::found;
  double answer = 0;          // the probed value judged to meet, nearest the threshold
  Interval interval;          // from the largest failing to the smallest meeting probe (ordered lo <= hi)
  std::vector<Probe> probes;  // in the order run
  int runs() const;           // replications over all probes
  std::string reason;         // why there is no answer (status != found)
};

// Throws std::invalid_argument on options that make no search (lo > hi,
// probability outside (0, 1), ...). `on_probe`, when set, sees each probe
// as it finishes (to print the runs as they come).
SeekResult seek(const SeekOptions& options, const SeekOutcomes& outcomes,
                const std::function<void(const Probe&)>& on_probe = {});

}  // namespace score::experiment
