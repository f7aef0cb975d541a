// `score discover` on a real sweep results file: the box it reports, its
// tables, and the errors a user gets for a wrong outcome, phase or rule.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/run_score.hpp"
#include "sweep_files.hpp"

namespace score::sweep {
namespace {

using score_test::score;

class discover_cli : public testing::SweepFiles {
 protected:
  // 48 points over the small scenario: enrolment drives the firms trained.
  std::filesystem::path sweep() {
    const auto file =
        write_sweep("d.toml", "design = \"lhs\"\npoints = 48\nseed = 21\nreplications = 1",
                    "[[parameter]]\nkey = \"behaviour.enrol_rate\"\nrange = \"scenario\"\n"
                    "[[parameter]]\nkey = \"phases.I.subsidy_share\"\nrange = \"scenario\"\n"
                    "[[parameter]]\nkey = \"phases.II.marketing_usd_per_month\"\nrange = [500, 1500]\n");
    const auto out = dir / "d.h5";
    const auto run = score("sweep " + file.string() + " -q --threads 2 -o " + out.string());
    EXPECT_EQ(run.code, 0) << run.out;
    return out;
  }
  static std::string text(const std::filesystem::path& file) {
    std::ostringstream s;
    s << std::ifstream(file).rdbuf();
    return s.str();
  }
};

TEST_F(discover_cli, FindsTheParameterThatHoldsTheCasesAndWritesItsTables) {
  const auto results = sweep();
  const auto run =
      score("discover " + results.string() + " --outcome firms_trained --phase I --where '<= p25' --csv " +
            (dir / "found").string());
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("firms_trained in phase I at most"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("12 of 48 points are cases"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Peeling trajectory"), std::string::npos) << run.out;
  // Few firms come from little enrolment: the chosen box caps the enrolment rate.
  const auto box_line = run.out.find("\nbehaviour.enrol_rate ", run.out.find("\nBox "));
  ASSERT_NE(box_line, std::string::npos) << run.out;
  std::istringstream line(run.out.substr(box_line + 1, run.out.find('\n', box_line + 1) - box_line - 1));
  std::string key, lo;
  double hi = 0, swept_lo = 0, swept_hi = 0;
  line >> key >> lo >> hi >> swept_lo >> swept_hi;
  EXPECT_EQ(lo, "-") << run.out;  // no lower bound: only the upper one is restricted
  EXPECT_LT(hi, swept_lo + 0.7 * (swept_hi - swept_lo)) << run.out;
  // The feature table ranks enrolment first.
  const auto features = run.out.find("Which parameters drive firms_trained");
  ASSERT_NE(features, std::string::npos);
  EXPECT_EQ(run.out.find("behaviour.enrol_rate", features),
            run.out.find('\n', run.out.find('\n', features) + 1) + 1)
      << run.out;
  const std::string box = text(dir / "found" / "box.csv");
  EXPECT_EQ(box.rfind("parameter,box_lo,box_hi,swept_lo,swept_hi,restricted,quasi_p,ks,srrc\n", 0), 0u)
      << box;
  EXPECT_NE(box.find("\nbehaviour.enrol_rate,"), std::string::npos);
  EXPECT_EQ(
      text(dir / "found" / "trajectory.csv").rfind("box,pasted,chosen,points,cases,mass,coverage,density", 0),
      0u);
  const std::string points = text(dir / "found" / "points.csv");
  EXPECT_EQ(std::count(points.begin(), points.end(), '\n'), 49);
}

TEST_F(discover_cli, WrongRequestsAreRefusedWithWhatToDo) {
  const auto results = sweep();
  auto run = score("discover " + results.string() + " --outcome firms_traned --phase I --where '< 5'");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("did you mean 'firms_trained'?"), std::string::npos) << run.out;
  run = score("discover " + results.string() + " --outcome firms_trained --phase V --where '< 5'");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("no phase 'V' (its phases: I, II)"), std::string::npos) << run.out;
  run = score("discover " + results.string() + " --outcome firms_trained --phase I --where 'small'");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("expected a comparison"), std::string::npos) << run.out;
  run = score("discover " + results.string() + " --outcome firms_trained --phase I --where '< -1'");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("no point has firms_trained below -1"), std::string::npos) << run.out;
  run =
      score("discover " + results.string() + " --outcome firms_trained --phase I --where '> p10' --box 999");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("--box 999: the trajectory has boxes 0 to"), std::string::npos) << run.out;
  run = score("discover " + results.string() + " --outcome firms_trained --phase I --where '< 5' --policy x");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("no policy option 'x' (it has none)"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace score::sweep
