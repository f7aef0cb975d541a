#pragma once
// A calibration target: one figure the programme reported, what the model
// gives to compare with it, and how the figure was reported (its band).
// The targets file's format is in docs/calibration.md; parsed in
// targets_file.cpp, evaluated in target_eval.cpp. No I/O here.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"

namespace score::calibrate {

// identity: holds by construction (an input given back through a fixed rule):
// checked and reported apart, never evidence of fit. fit: depends on behaviour.
enum class Kind { fit, identity };
const char* kind_name(Kind kind);  // "fit", "identity"

// What the model gives.
enum class Measure {
  phase_summary,  // phase = "I", summary = "<Summary name>"
  dated_metric,   // at = "YYYY-MM", metric = "<Metric name>" (stock: level; flow: sum from `from`)
  coverage,       // window = [from, to], country: non-ILO, non-donor share of delivery cost
};

// How the figure was reported.
enum class Form {
  point,     // value with relative_tolerance or absolute_tolerance
  range,     // min to max
  at_least,  // "over X": at least X, plausibly up to upper_tail above
  up_to,     // "up to X": a high quantile of the effect; the model's mean lies below it
};

struct Reported {
  Form form = Form::point;
  double value = 0;  // point, at_least, up_to
  double relative_tolerance = std::numeric_limits<double>::quiet_NaN();
  double absolute_tolerance = std::numeric_limits<double>::quiet_NaN();
  double min = 0, max = 0;                                       // range
  double upper_tail = std::numeric_limits<double>::quiet_NaN();  // at_least; NaN: no upper bound
  // coverage only: the point value per module, mixed by the model's own
  // deliveries in the window (replaces `value`).
  std::vector<double> value_by_module;
};

struct Target {
  std::string name, source;
  Kind kind = Kind::fit;
  bool holdout = false;  // left out of the fit, kept for the out-of-sample check
  Measure measure = Measure::phase_summary;
  std::string phase;  // phase_summary
  sim::Summary summary = sim::Summary::firms_trained_total;
  sim::Metric metric = sim::Metric::firms_trained_total;  // dated_metric
  YearMonth at;                                           // dated_metric: the last month
  std::optional<YearMonth> from;  // dated_metric of a flow (default: the calendar's start); coverage
  std::string country;            // empty: all countries
  Reported reported;
  int line = 0;  // where the [[target]] table starts in its file
};

// The band a reported figure allows, given the figure (`goal`: the value,
// or the module mix for value_by_module). lo may be -inf, hi +inf.
struct Band {
  double lo = 0, hi = 0;
  double scale = 1;  // what one unit of discrepancy is, in the figure's units
};
Band band_of(const Reported& reported, double goal);

// 0 inside the band, else the distance to the band in units of its scale
// (half its width; a tenth of the figure for one-sided figures). NaN when
// the model value is NaN.
double discrepancy(const Band& band, double model);

// Whether a model value lies inside the band: its discrepancy is 0 (never
// for NaN). The one definition the check, the fit's table and the central
// set's choice share, for every form (one-sided bands included).
bool inside(const Band& band, double model);

// "308 ± 10%", "0.75 to 0.8", "≥ 1,400 (+15%)", "≤ 0.5", for tables.
std::string describe_reported(const Reported& reported, double goal);
// A model value for tables: "1,234" from 100 up, else 4 significant digits.
std::string describe_value(double value);

}  // namespace score::calibrate
