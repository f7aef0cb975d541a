// Default output names: a name from someone else's file never leaves
// results/, never hides, never empties, never collides with the plain run.
#include "output/output_name.hpp"

#include <gtest/gtest.h>

namespace score::output {
namespace {

TEST(output_name, a_traversal_name_stays_one_file_name) {
  EXPECT_EQ(safe_file_stem("../../../../x/evil"), "x_evil");
  EXPECT_EQ(safe_file_stem("..\\..\\evil"), "evil");
  EXPECT_EQ(safe_file_stem("/etc/passwd"), "etc_passwd");
  EXPECT_EQ(default_results_path("../../../../x/evil"), std::filesystem::path("results/x_evil.h5"));
}

TEST(output_name, ordinary_names_are_unchanged) {
  EXPECT_EQ(safe_file_stem("history"), "history");
  EXPECT_EQ(safe_file_stem("ghana-2015_v2.1"), "ghana-2015_v2.1");
  EXPECT_EQ(default_results_path("history"), std::filesystem::path("results/history.h5"));
}

TEST(output_name, controls_spaces_and_non_ascii_become_underscores) {
  EXPECT_EQ(safe_file_stem("a b\tc\nd"), "a_b_c_d");
  EXPECT_EQ(safe_file_stem("Côte"), "C__te");
  EXPECT_EQ(safe_file_stem(std::string("a\0b", 3)), "a_b");
}

TEST(output_name, never_hidden_never_empty) {
  EXPECT_EQ(safe_file_stem(".hidden"), "hidden");
  EXPECT_EQ(safe_file_stem("-rf"), "rf");
  EXPECT_EQ(safe_file_stem("name."), "name");
  EXPECT_EQ(safe_file_stem(""), "unnamed");
  const std::string dots = safe_file_stem(".."), slash = safe_file_stem("/"), thai = safe_file_stem("ไทย");
  EXPECT_TRUE(dots.starts_with("unnamed-")) << dots;
  EXPECT_TRUE(thai.starts_with("unnamed-")) << thai;
  EXPECT_NE(dots, slash);  // the hash keeps different names apart
}

TEST(output_name, windows_reserved_names_are_avoided) {
  EXPECT_EQ(safe_file_stem("CON"), "x_CON");
  EXPECT_EQ(safe_file_stem("nul.txt"), "x_nul.txt");
  EXPECT_EQ(safe_file_stem("com1"), "x_com1");
  EXPECT_EQ(safe_file_stem("LPT9"), "x_LPT9");
  EXPECT_EQ(safe_file_stem("console"), "console");
}

TEST(output_name, long_names_are_cut_with_a_hash_that_keeps_them_apart) {
  const std::string a(300, 'a'), b = std::string(299, 'a') + "b";
  const std::string sa = safe_file_stem(a), sb = safe_file_stem(b);
  EXPECT_EQ(sa.size(), kMaxStem);
  EXPECT_EQ(sb.size(), kMaxStem);
  EXPECT_NE(sa, sb);
  EXPECT_EQ(sa.substr(0, 10), "aaaaaaaaaa");
}

TEST(output_name, overrides_name_their_own_file) {
  EXPECT_EQ(default_results_path("history", {"phases.III.subsidy_share=0.3"}),
            std::filesystem::path("results/history--phases.III.subsidy_share=0.3.h5"));
  EXPECT_EQ(default_results_path("history", {"a=1", "b=\"x/y\""}),
            std::filesystem::path("results/history--a=1--b=_x_y_.h5"));
  EXPECT_NE(default_results_path("history", {"a=1"}), default_results_path("history"));
  const auto many =
      default_results_path("history", {"phases.III.subsidy_share=0.3", "phases.II.fee_share=0.5"});
  EXPECT_EQ(many.parent_path(), std::filesystem::path("results"));
  EXPECT_LE(many.stem().string().size(), kMaxStem);
  EXPECT_TRUE(many.stem().string().starts_with("history--phases.III.subsidy_share=0.3--")) << many;
}

}  // namespace
}  // namespace score::output
