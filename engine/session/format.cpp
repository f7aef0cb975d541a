#include "session/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace score::session {

Kind kind_of(sim::Summary s) {
  using S = sim::Summary;
  switch (s) {
    case S::cost_recovery:
    case S::adoption_rate:
    case S::savings_rate:
    case S::productivity_gain:
      return Kind::share;
    case S::payback_months:
      return Kind::months;
    default:
      break;
  }
  const std::string_view units = sim::summary_catalogue()[static_cast<std::size_t>(s)].units;
  return units == "USD" ? Kind::usd : Kind::count;
}

int direction(sim::Summary s) {
  using S = sim::Summary;
  switch (s) {
    case S::cost_per_module_usd:
    case S::donor_cost_per_firm_usd:
    case S::payback_months:
    case S::firms_priced_out:
    case S::seats_rationed:
    case S::unpaid_cost_usd:
    case S::funds_lapsed_usd:
      return -1;
    case S::delivery_cost_usd:
    case S::donor_spend_usd:
    case S::revenue_donor_usd:
    case S::revenue_ilo_usd:
    case S::revenue_government_usd:
    case S::revenue_buyer_usd:
    case S::revenue_csr_usd:
    case S::revenue_enterprise_usd:
    case S::mean_fee_usd:
    case S::mean_subsidy_usd:
      return 0;  // spending more or less is a choice, not a result
    default:
      return 1;
  }
}

std::string grouped(double v, int decimals) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string digits = buf, fraction;
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    fraction = digits.substr(dot);
    digits.resize(dot);
  }
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  const bool negative = v < 0 && (out.find_first_not_of("0,") != std::string::npos ||
                                  fraction.find_first_not_of(".0") != std::string::npos);
  return (negative ? "-" : "") + out + fraction;
}

std::string format_value(double v, Kind kind) {
  if (!std::isfinite(v)) return "-";
  switch (kind) {
    case Kind::usd:
      return (v < 0 ? "-USD " : "USD ") + grouped(std::fabs(v), std::fabs(v) < 100 ? 2 : 0);
    case Kind::share:
      return grouped(100 * v, 1) + " %";
    case Kind::months:
      return grouped(v, 1) + " months";
    case Kind::count:
      break;
  }
  return grouped(v, std::fabs(v) < 10 && v != std::round(v) ? 2 : 0);
}

std::string format_difference(double difference, double relative, Kind kind) {
  if (!std::isfinite(difference)) return "-";
  const std::string sign = difference > 0 ? "+" : difference < 0 ? "-" : "";
  if (kind == Kind::share) return sign + grouped(std::fabs(100 * difference), 1) + " pp";
  std::string out = sign + format_value(std::fabs(difference), kind);
  if (std::isfinite(relative))
    out += " (" + (relative > 0 ? std::string("+") : "") + grouped(100 * relative, 1) + " %)";
  return out;
}

bool is_noise(double a, double b) {
  const double scale = std::max({std::fabs(a), std::fabs(b), 1e-300});
  return std::fabs(b - a) <= 1e-9 * scale;
}

int judgement(sim::Summary s, double difference, bool noise) {
  if (noise || !std::isfinite(difference) || difference == 0) return 0;
  return direction(s) * (difference > 0 ? 1 : -1);
}

}  // namespace score::session
