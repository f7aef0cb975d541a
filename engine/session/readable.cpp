#include "session/readable.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>

namespace score::session {
namespace {

int decimals_for(double magnitude) { return magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2; }

std::string_view units(sim::Summary s) { return sim::summary_catalogue()[static_cast<std::size_t>(s)].units; }

// The magnitude of `value` in the summary's units, without a sign.
std::string magnitude(double value, sim::Summary s) {
  const double v = std::fabs(value);
  if (sim::summary_reading(s).share) return grouped(100 * v, 1);
  const std::string number = grouped(v, decimals_for(v));
  if (units(s) == "1") return number;
  if (units(s) == "USD") return "USD " + number;
  return number + " " + std::string(units(s)) + (units(s) == "month" && v != 1 ? "s" : "");
}

}  // namespace

std::string grouped(double value, int decimals) {
  if (std::isnan(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string_view s = buf;
  std::string out;
  if (s.front() == '-') {
    out.push_back('-');
    s.remove_prefix(1);
  }
  const std::size_t digits = std::min(s.find('.'), s.size());
  for (std::size_t k = 0; k < digits; ++k) {
    if (k > 0 && (digits - k) % 3 == 0) out.push_back(',');
    out.push_back(s[k]);
  }
  out.append(s.substr(digits));
  return out == "-0" ? "0" : out;
}

std::string readable_value(double value, sim::Summary summary) {
  if (std::isnan(value)) return "-";
  const std::string text = magnitude(value, summary) + (sim::summary_reading(summary).share ? "%" : "");
  return value < 0 ? "-" + text : text;
}

std::string readable_difference(double difference, sim::Summary summary) {
  if (std::isnan(difference)) return "-";
  if (difference == 0) return "0";
  const std::string text =
      magnitude(difference, summary) + (sim::summary_reading(summary).share ? " pp" : "");
  return (difference < 0 ? "-" : "+") + text;
}

std::string readable_interval(const Difference& d, sim::Summary summary) {
  if (std::isnan(d.low) || std::isnan(d.high)) return "";
  std::string text(1, '[');
  text.append(readable_difference(d.low, summary)).append(", ").append(readable_difference(d.high, summary));
  return text.append("]");
}

std::string readable_relative(double relative) {
  if (std::isnan(relative)) return "";
  if (relative == 0) return "0%";
  std::string text(1, relative < 0 ? '-' : '+');
  return text.append(grouped(std::fabs(100 * relative), 1)).append("%");
}

Judgement judge(const Difference& d, sim::Summary summary) {
  if (d.verdict == Verdict::unknown) return Judgement::unknown;
  if (d.mean == 0 && d.low == 0 && d.high == 0) return Judgement::identical;
  if (d.verdict == Verdict::within_noise) return Judgement::within_noise;
  const sim::Better better = sim::summary_reading(summary).better;
  const bool up = d.mean > 0;
  if (better == sim::Better::neither) return up ? Judgement::higher : Judgement::lower;
  return up == (better == sim::Better::higher) ? Judgement::better : Judgement::worse;
}

const char* judgement_name(Judgement judgement) {
  switch (judgement) {
    case Judgement::better:
      return "better";
    case Judgement::worse:
      return "worse";
    case Judgement::higher:
      return "higher";
    case Judgement::lower:
      return "lower";
    case Judgement::within_noise:
      return "within noise";
    case Judgement::identical:
      return "identical";
    case Judgement::unknown:
      break;
  }
  return "-";
}

}  // namespace score::session
