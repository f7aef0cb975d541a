#pragma once
// The target of `score seek`: a condition on one output of a replication,
// such as "firms_trained_total >= 6000 at 2029-12" or "cost_recovery >= 70% in 2028".
//
//   METRIC[CID] OP VALUE[%] at YYYY-MM   a stock's level at the month's end;
//                                        a flow's amount in that month
//   METRIC[CID] OP VALUE[%] in YYYY      a stock's level in December; a
//                                        flow summed over the year
//   METRIC[CID] OP VALUE[%] from YYYY-MM to YYYY-MM
//                                        a stock's change over the months
//                                        (end level less the level before
//                                        the first); a flow summed over them
// METRIC is a time series of the output catalogue (docs/output-format.md),
// summed over countries (or one country, [CID]) and over its extra axis
// (modules, sources); the ratio cost_recovery is recomputed from the
// revenues and delivery cost of the month or year. OP is >=, >, <= or <.
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/description.hpp"
#include "sim/metrics.hpp"

namespace score::sweep {

// A target or lever that cannot be used; the message names what and why.
class SeekInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Target {
  std::string text;  // as given
  sim::Metric metric = sim::Metric::firms_trained_total;
  int country = -1;  // -1: all countries
  enum class Op { ge, gt, le, lt } op = Op::ge;
  double value = 0;
  int first_step = 0, last_step = 0;  // the months, inside the calendar
  bool change = false;                // a stock's change over the months, not its level
};

// Throws SeekInputError naming the part that is wrong.
Target parse_target(std::string_view text, const model::Description& model);

// The target's quantity in one replication's series (NaN for a ratio with
// no denominator, which never meets a target).
double target_value(const Target& target, const sim::Series& series);
bool target_met(const Target& target, const sim::Series& series);

}  // namespace score::sweep
