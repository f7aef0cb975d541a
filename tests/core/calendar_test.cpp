#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace score {
namespace {

TEST(Calendar, ParsesAndFormatsYearMonth) {
  const auto ym = parse_year_month("2013-09");
  ASSERT_TRUE(ym);
  EXPECT_EQ(ym->year, 2013);
  EXPECT_EQ(ym->month, 9);
  EXPECT_EQ(format_year_month(*ym), "2013-09");
}

TEST(Calendar, RejectsMalformedMonths) {
  for (const char* bad : {"2013-13", "2013-00", "2013-9", "13-09", "2013/09", "2013-09-01", "", "abcd-ef"})
    EXPECT_FALSE(parse_year_month(bad)) << bad;
}

TEST(Calendar, CountsMonthsAndDays) {
  EXPECT_EQ(months_between({2009, 1}, {2013, 9}), 56);
  EXPECT_EQ((YearMonth{2009, 1}.plus(56)), (YearMonth{2013, 9}));
  EXPECT_EQ(days_between({2009, 1}, {2009, 2}), 31);
  EXPECT_EQ(days_between({2009, 1}, {2010, 1}), 365);
  EXPECT_EQ(days_between({2012, 1}, {2013, 1}), 366);  // leap year
}

}  // namespace
}  // namespace score
