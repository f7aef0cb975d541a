#include "calibrate/target.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace score::calibrate {

const char* kind_name(Kind kind) { return kind == Kind::identity ? "identity" : "fit"; }

Band band_of(const Reported& r, double goal) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  // One-sided figures have no width: a tenth of the figure, the programme's
  // usual tolerance on counts, is one unit of discrepancy.
  const double tenth = std::max(std::abs(goal) * 0.1, 1e-12);
  switch (r.form) {
    case Form::point: {
      const double tol =
          std::isnan(r.relative_tolerance) ? r.absolute_tolerance : r.relative_tolerance * std::abs(goal);
      return {goal - tol, goal + tol, std::max(tol, 1e-12)};
    }
    case Form::range:
      return {r.min, r.max, std::max((r.max - r.min) / 2, 1e-12)};
    case Form::at_least:
      if (std::isnan(r.upper_tail)) return {goal, inf, tenth};
      return {goal, goal * (1 + r.upper_tail), std::max(goal * r.upper_tail / 2, 1e-12)};
    case Form::up_to:
      return {-inf, goal, tenth};
  }
  return {goal, goal, 1};
}

double discrepancy(const Band& band, double model) {
  if (std::isnan(model)) return model;
  const double outside = std::max({band.lo - model, model - band.hi, 0.0});
  return outside / band.scale;
}

bool inside(const Band& band, double model) { return discrepancy(band, model) == 0; }

namespace {

// 1400 -> "1,400"; small or fractional numbers as %g.
std::string figure(double x) {
  char buffer[64];
  if (std::abs(x) >= 100 && x == std::round(x)) {
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
    std::string digits = buffer, out;
    const std::size_t sign = digits[0] == '-' ? 1 : 0;
    for (std::size_t i = sign; i < digits.size(); ++i) {
      if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (sign ? "-" : "") + out;
  }
  std::snprintf(buffer, sizeof buffer, "%.4g", x);
  return buffer;
}

std::string percent(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g%%", std::round(x * 1000) / 10);
  return buffer;
}

}  // namespace

std::string describe_value(double value) {
  if (std::abs(value) >= 100) return figure(std::round(value));
  return figure(value);
}

std::string describe_reported(const Reported& r, double goal) {
  switch (r.form) {
    case Form::point:
      if (!std::isnan(r.relative_tolerance)) return figure(goal) + " ± " + percent(r.relative_tolerance);
      return figure(goal) + " ± " + figure(r.absolute_tolerance);
    case Form::range:
      return figure(r.min) + " to " + figure(r.max);
    case Form::at_least:
      return "≥ " + figure(goal) + (std::isnan(r.upper_tail) ? "" : " (+" + percent(r.upper_tail) + ")");
    case Form::up_to:
      return "≤ " + figure(goal);
  }
  return figure(goal);
}

}  // namespace score::calibrate
