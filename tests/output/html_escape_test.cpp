// Strings from files in a future HTML report: shown as text, never markup.
#include "output/html_escape.hpp"

#include <gtest/gtest.h>

namespace score::output {
namespace {

TEST(html_escape, markup_from_a_file_shows_as_its_characters) {
  EXPECT_EQ(html_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(html_escape("<img src=x onerror=\"alert('x')\">"),
            "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;");
  EXPECT_EQ(html_escape("R&D"), "R&amp;D");
}

TEST(html_escape, plain_text_is_unchanged_and_controls_are_replaced) {
  EXPECT_EQ(html_escape("Viet Nam, 2013-09\tPhase II\n"), "Viet Nam, 2013-09\tPhase II\n");
  EXPECT_EQ(html_escape("Côte d'Ivoire"), "Côte d&#39;Ivoire");
  EXPECT_EQ(html_escape(std::string("a\0b\x1b", 4)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
}

}  // namespace
}  // namespace score::output
