#include "sweep/case_rule.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>

#include "core/statistics.hpp"
#include "scenario/diagnostic.hpp"

namespace score::sweep {
namespace {

[[noreturn]] void refuse(const std::string& text) {
  throw std::invalid_argument("--where \"" + text +
                              "\": expected a comparison and a number or a percentile, such as \"< 0.5\", "
                              "\">= 6000\" or \"<= p25\"");
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A whole string as a finite number, or nullopt.
std::optional<double> number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

CaseRule parse_case_rule(const std::string& text) {
  CaseRule rule;
  rule.text = text;
  std::string rest = trimmed(text);
  std::size_t width = 1;
  if (rest.rfind("<=", 0) == 0 || rest.rfind(">=", 0) == 0)
    width = 2;
  else if (rest.empty() || (rest[0] != '<' && rest[0] != '>'))
    refuse(text);
  const std::string op = rest.substr(0, width);
  rule.op = op == "<"    ? CaseRule::Op::less
            : op == "<=" ? CaseRule::Op::less_equal
            : op == ">"  ? CaseRule::Op::greater
                         : CaseRule::Op::greater_equal;
  rest = trimmed(rest.substr(width));
  if (!rest.empty() && (rest[0] == 'p' || rest[0] == 'P')) {
    rule.percentile = true;
    rest = rest.substr(1);
  }
  const auto value = number(rest);
  if (!value || (rule.percentile && (*value < 0 || *value > 100))) refuse(text);
  rule.value = *value;
  return rule;
}

double rule_threshold(const CaseRule& rule, const std::vector<double>& outcomes) {
  return rule.percentile ? quantile(outcomes, rule.value / 100) : rule.value;
}

bool is_case(const CaseRule& rule, double threshold, double outcome) {
  if (std::isnan(outcome)) return false;
  switch (rule.op) {
    case CaseRule::Op::less:
      return outcome < threshold;
    case CaseRule::Op::less_equal:
      return outcome <= threshold;
    case CaseRule::Op::greater:
      return outcome > threshold;
    case CaseRule::Op::greater_equal:
      return outcome >= threshold;
  }
  return false;
}

std::string describe_rule(const CaseRule& rule, double threshold) {
  static constexpr const char* words[] = {"below", "at most", "above", "at least"};
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "..." + string.
  std::string out = words[static_cast<int>(rule.op)];
  out.append(" ").append(scenario::format_number(threshold));
  if (rule.percentile)
    out.append(" (percentile ").append(scenario::format_number(rule.value)).append(" of the points)");
  return out;
}

}  // namespace score::sweep
