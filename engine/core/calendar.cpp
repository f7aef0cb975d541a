#include "core/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace score {

std::optional<YearMonth> parse_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  auto [p1, e1] = std::from_chars(text.data(), text.data() + 4, year);
  auto [p2, e2] = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (e1 != std::errc{} || e2 != std::errc{} || p1 != text.data() + 4 || p2 != text.data() + 7)
    return std::nullopt;
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return std::nullopt;
  return YearMonth{year, month};
}

std::string format_year_month(YearMonth ym) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", ym.year, ym.month);
  return buf;
}

namespace {
// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
}  // namespace

long days_between(YearMonth origin, YearMonth ym) {
  return days_from_civil(ym.year, ym.month, 1) - days_from_civil(origin.year, origin.month, 1);
}

}  // namespace score
