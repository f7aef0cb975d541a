// The statistics buffer of a results writer: zeroed, writable over its whole
// length, and handed over whole when moved.
#include "output/huge_page_buffer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace score::output {
namespace {

TEST(huge_page_buffer, starts_zeroed_and_holds_what_is_written) {
  // Several huge pages and a ragged end, so the alignment inside the mapping matters.
  const std::size_t count = (std::size_t{5} << 20) / sizeof(double) + 3;
  HugePageBuffer buffer(count);
  const auto values = buffer.values();
  ASSERT_EQ(values.size(), count);
  EXPECT_TRUE(std::all_of(values.begin(), values.end(), [](double v) { return v == 0.0; }));
  std::iota(values.begin(), values.end(), 0.0);
  EXPECT_EQ(values.front(), 0.0);
  EXPECT_EQ(values.back(), static_cast<double>(count - 1));
}

TEST(huge_page_buffer, moving_hands_over_the_values) {
  HugePageBuffer from(100);
  from.values()[99] = 7.0;
  HugePageBuffer to;
  EXPECT_TRUE(to.values().empty());
  to = std::move(from);
  EXPECT_TRUE(from.values().empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  ASSERT_EQ(to.values().size(), 100u);
  EXPECT_EQ(to.values()[99], 7.0);
  HugePageBuffer again(std::move(to));
  EXPECT_EQ(again.values()[99], 7.0);
}

TEST(huge_page_buffer, an_empty_buffer_maps_nothing) { EXPECT_TRUE(HugePageBuffer(0).values().empty()); }

}  // namespace
}  // namespace score::output
