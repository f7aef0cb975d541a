#pragma once
// Which sweep points are "cases of interest" for scenario discovery: a
// comparison of an outcome with a threshold, written as the user types it
// after --where: "< 0.5", ">= 6000", or with a percentile of the outcome
// over the points instead of a number, "<= p25" (the worst quarter when
// lower is worse).
#include <optional>
#include <string>
#include <vector>

namespace score::sweep {

struct CaseRule {
  enum class Op { less, less_equal, greater, greater_equal };
  Op op = Op::less;
  double value = 0;         // the threshold, or the percentile (0 to 100)
  bool percentile = false;  // value is a percentile of the outcome
  std::string text;         // as written, for messages
};

// Parses "OP VALUE" (OP one of < <= > >=, VALUE a number or pNN with NN in
// [0, 100]). Throws std::invalid_argument with a message saying what is
// expected.
CaseRule parse_case_rule(const std::string& text);

// The threshold the rule compares with: its value, or that percentile of
// `outcomes` (NaN left out; numpy's linear interpolation).
double rule_threshold(const CaseRule& rule, const std::vector<double>& outcomes);

// Whether `outcome` is a case under the rule with threshold `threshold`;
// NaN never is.
bool is_case(const CaseRule& rule, double threshold, double outcome);

// "< 0.5" as a phrase: "below 0.5", "at most 0.5", ...
std::string describe_rule(const CaseRule& rule, double threshold);

}  // namespace score::sweep
