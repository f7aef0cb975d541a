#pragma once
// Months as the simulation sees them: a (year, month) label and a 0-based
// step index from the scenario's start.
#include <optional>
#include <string>
#include <string_view>

namespace score {

struct YearMonth {
  int year = 2009;
  int month = 1;  // 1..12

  int ordinal() const { return year * 12 + (month - 1); }
  static YearMonth from_ordinal(int ordinal) { return {ordinal / 12, ordinal % 12 + 1}; }
  YearMonth plus(int months) const { return from_ordinal(ordinal() + months); }
  friend bool operator==(const YearMonth&, const YearMonth&) = default;
  friend auto operator<=>(const YearMonth& a, const YearMonth& b) { return a.ordinal() <=> b.ordinal(); }
};

// "2013-09" -> {2013, 9}; nothing for anything else.
std::optional<YearMonth> parse_year_month(std::string_view text);
std::string format_year_month(YearMonth ym);

// Whole months from a to b (b - a).
inline int months_between(YearMonth a, YearMonth b) { return b.ordinal() - a.ordinal(); }

// Days from the first of `origin` to the first of `ym`, for CF time axes.
long days_between(YearMonth origin, YearMonth ym);

}  // namespace score
