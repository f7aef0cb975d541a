// A calibration's runs stop after the last month its targets read: the
// months after it change no target, so each particle's outcome is that of a
// whole run, bit for bit, for less work.
#include "calibrate/calibration.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <vector>

#include "support/scratch_dir.hpp"

namespace score::calibrate {
namespace {

namespace fs = std::filesystem;

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

class calibration_runs : public score_test::ScratchDir {
 protected:
  calibration_runs() : ScratchDir("calibration_") {}
  fs::path file;

  void SetUp() override {
    ScratchDir::SetUp();
    // The small scenario runs 2010-01 to 2012-12; its phase I ends 2011-06.
    fs::copy_file(SCORE_SOURCE_DIR "/tests/sweep/data/small_scenario.toml", dir / "small.toml");
    std::ofstream(dir / "targets.toml")
        << "scenario = \"small.toml\"\nreplications = 2\n"
           "[[target]]\nname = \"trained in phase I\"\nkind = \"fit\"\nsource = \"test\"\n"
           "phase = \"I\"\nsummary = \"firms_trained\"\nvalue = 40\nrelative_tolerance = 0.2\n"
           "[[target]]\nname = \"participants to 2011-09\"\nkind = \"fit\"\nholdout = true\nsource = "
           "\"test\"\n"
           "at = \"2011-09\"\nfrom = \"2011-01\"\nmetric = \"classroom_participants\"\n"
           "value = 100\nrelative_tolerance = 0.2\n";
    file = dir / "calibration.toml";
    std::ofstream(file) << "[calibration]\nscenario = \"small.toml\"\ntargets = \"targets.toml\"\n"
                           "seed = 3\npopulation = 4\nreplications = 2\nbudget = 16\ngenerations = 1\n"
                           "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n";
  }
};

TEST_F(calibration_runs, StopAfterTheLastMonthATargetReadsWithTheOutcomesOfWholeRuns) {
  Calibration c = load_calibration(file);
  EXPECT_EQ(c.frame.steps, 36);
  EXPECT_EQ(c.steps, 21) << "2011-09, the holdout's last month, is the 21st";
  const std::vector<Proposal> batch{{{0.02}, 11}, {{0.05}, 12}, {{0.09}, 13}};
  const std::vector<Outcome> cut = simulator(c, 2, nullptr)(batch);
  c.steps = c.frame.steps;
  const std::vector<Outcome> whole = simulator(c, 2, nullptr)(batch);
  ASSERT_EQ(cut.size(), batch.size());
  ASSERT_EQ(whole.size(), batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    EXPECT_TRUE(same_bits(cut[i].distance, whole[i].distance)) << "particle " << i;
    ASSERT_EQ(cut[i].values.size(), whole[i].values.size());
    for (std::size_t k = 0; k < cut[i].values.size(); ++k)
      EXPECT_TRUE(same_bits(cut[i].values[k], whole[i].values[k])) << "particle " << i << ", value " << k;
  }
  EXPECT_GT(whole[2].values[0], 0) << "the test's runs must train firms to mean anything";
}

}  // namespace
}  // namespace score::calibrate
