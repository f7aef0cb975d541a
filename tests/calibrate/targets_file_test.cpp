// The targets file: the agreed forms read as written, bad ones reported at
// their line and key, and the shipped file readable.
#include "calibrate/targets_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "sim/metric_names.hpp"
#include "support/scratch_dir.hpp"

namespace score::calibrate {
namespace {

class TargetsFileTest : public score_test::ScratchDir {
 protected:
  TargetsFileTest() : ScratchDir("calibrate_targets_") {}
  std::filesystem::path write(const std::string& body) {
    const auto path = dir / "targets.toml";
    std::ofstream(path) << "scenario = \"../history.toml\"\nreplications = 4\n" << body;
    return path;
  }
  std::string error_of(const std::string& body) {
    try {
      parse_targets_file(write(body));
    } catch (const scenario::ScenarioError& e) {
      return e.diagnostics().at(0).format();
    }
    return "";
  }
};

TEST_F(TargetsFileTest, ReadsEveryAgreedForm) {
  const TargetsFile f = parse_targets_file(write(R"(
[[target]]
name = "Enterprises trained by December 2017"
kind = "fit"
source = "press release"
at = "2017-12"
metric = "firms_trained_total"
at_least = 1400
upper_tail = 0.15

[[target]]
name = "Indonesia participants 2010-2012"
kind = "fit"
at = "2012-12"
from = "2010-01"
metric = "classroom_participants"
country = "IDN"
value = 441
relative_tolerance = 0.2
holdout = true

[[target]]
name = "Effect"
kind = "identity"
phase = "I"
summary = "productivity_gain"
up_to = 0.5
)"));
  EXPECT_EQ(f.replications, 4);
  EXPECT_EQ(f.scenario, dir / "../history.toml");
  ASSERT_EQ(f.targets.size(), 3u);
  const Target& a = f.targets[0];
  EXPECT_EQ(a.measure, Measure::dated_metric);
  EXPECT_EQ(a.metric, sim::Metric::firms_trained_total);
  EXPECT_EQ(a.at, (YearMonth{2017, 12}));
  EXPECT_EQ(a.reported.form, Form::at_least);
  EXPECT_EQ(a.reported.value, 1400);
  EXPECT_EQ(a.reported.upper_tail, 0.15);
  EXPECT_EQ(a.source, "press release");
  EXPECT_FALSE(a.holdout);
  const Target& b = f.targets[1];
  EXPECT_EQ(b.country, "IDN");
  EXPECT_EQ(b.from, (YearMonth{2010, 1}));
  EXPECT_TRUE(b.holdout);
  EXPECT_EQ(f.targets[2].kind, Kind::identity);
  EXPECT_EQ(f.targets[2].reported.form, Form::up_to);
  EXPECT_EQ(of_kind(f.targets, Kind::fit).size(), 2u);
}

std::vector<std::string> heard;
void hear(const std::string& message) { heard.push_back(message); }

// Targets files written before the rename keep their meaning.
TEST_F(TargetsFileTest, ReadsAMetricByItsOldName) {
  heard.clear();
  sim::on_old_metric_name(&hear);
  const TargetsFile f = parse_targets_file(
      write("[[target]]\nname = \"x\"\nkind = \"fit\"\nat = \"2017-12\"\nmetric = \"smes_trained\"\n"
            "at_least = 1400\nupper_tail = 0.15\n"));
  sim::on_old_metric_name(nullptr);
  ASSERT_EQ(f.targets.size(), 1u);
  EXPECT_EQ(f.targets[0].metric, sim::Metric::firms_trained_total);
  ASSERT_EQ(heard.size(), 1u);  // the file names the metric once: one warning
  EXPECT_NE(heard[0].find("targets.toml: 'smes_trained' is deprecated, now called 'firms_trained_total'"),
            std::string::npos)
      << heard[0];
}

TEST_F(TargetsFileTest, ProblemsNameTheFileLineAndKey) {
  const std::string missing_band =
      error_of("[[target]]\nname = \"x\"\nkind = \"fit\"\nphase = \"I\"\nsummary = \"firms_trained\"\n");
  EXPECT_NE(missing_band.find("targets.toml:3"), std::string::npos) << missing_band;
  EXPECT_NE(missing_band.find("exactly one of value"), std::string::npos) << missing_band;
  const std::string metric = error_of(
      "[[target]]\nname = \"x\"\nkind = \"fit\"\nat = \"2017-12\"\nmetric = \"smes\"\nvalue = "
      "1\nabsolute_tolerance = 1\n");
  EXPECT_NE(metric.find("target[1].metric"), std::string::npos) << metric;
  EXPECT_NE(metric.find("'smes' is not a metric"), std::string::npos) << metric;
  const std::string kind = error_of(
      "[[target]]\nname = \"x\"\nkind = \"fitted\"\nphase = \"I\"\nsummary = \"firms_trained\"\nup_to = 1\n");
  EXPECT_NE(kind.find("target[1].kind"), std::string::npos) << kind;
  const std::string both = error_of(
      "[[target]]\nname = \"x\"\nkind = \"fit\"\nphase = \"I\"\nsummary = \"firms_trained\"\nat = "
      "\"2010-01\"\nmetric = \"firms_trained_total\"\nup_to = 1\n");
  EXPECT_NE(both.find("exactly one of phase"), std::string::npos) << both;
  const std::string typo = error_of(
      "[[target]]\nname = \"x\"\nkind = \"fit\"\nphase = \"I\"\nsummary = \"firms_trained\"\nup_too = 1\n");
  EXPECT_NE(typo.find("did you mean 'up_to'"), std::string::npos) << typo;
}

TEST(ShippedTargets, ReadAndKindsAsDocumented) {
  const TargetsFile f = parse_targets_file(SCORE_SOURCE_DIR "/scenarios/calibration/targets.toml");
  EXPECT_GE(f.targets.size(), 15u);
  EXPECT_GE(of_kind(f.targets, Kind::identity).size(), 11u);
}

}  // namespace
}  // namespace score::calibrate
