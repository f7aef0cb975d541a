// The country roster: a country joining a phase late (its entry month), and
// the metrics that count countries and partner organisations.
#include <gtest/gtest.h>

#include <utility>

#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

// A finished replication of a model it owns (the simulation keeps a
// reference to it).
struct Finished {
  explicit Finished(model::Description d) : m(std::move(d)), sim(m, 0) {
    while (!sim.finished()) sim.step();
  }
  const Series& series() const { return sim.series(); }
  const model::Description m;
  Simulation sim;
};

// The first month a country counts as reached, or -1.
int first_reached(const Series& s, int c) {
  for (int t = 0; t < s.steps(); ++t)
    if (s.at(Metric::countries_reached, t, c) > 0) return t;
  return -1;
}

// Country BBB joins the only phase (48 months) at step `entry`.
model::Description late_entrant(int entry) {
  model::Description m = test::small_world(2000, 48);
  m.phases[0].plans[1].entry_step = entry;
  return m;
}

TEST(Entry, NothingHappensInACountryBeforeItsEntry) {
  const int entry = 12;
  const Finished run(late_entrant(entry));
  const model::Description& m = run.m;
  const Series& s = run.series();
  for (int t = 0; t < m.steps; ++t) {
    const bool in = t >= entry;
    EXPECT_EQ(s.at(Metric::countries_supported, t, 1), in ? 1 : 0) << "month " << t;
    EXPECT_EQ(s.at(Metric::countries_supported, t, 0), 1) << "the other country is supported all along";
    if (in) continue;
    EXPECT_EQ(s.at(Metric::programme_cost_usd, t, 1), 0) << "month " << t;
    EXPECT_EQ(s.at(Metric::trainers_trained, t, 1), 0) << "month " << t;
    EXPECT_EQ(s.at(Metric::providers_signed, t, 1), 0) << "month " << t;
    EXPECT_EQ(s.at(Metric::module_deliveries, t, 1), 0) << "month " << t;
  }
  EXPECT_GT(s.at(Metric::trainers_trained, entry, 1), 0) << "training of trainers starts with the entry";
  EXPECT_GT(s.at(Metric::firms_trained_total, m.steps - 1, 1), 0) << "the late entrant trains firms";
}

// Providers are spread over the country's part of the phase: the first at
// its entry, all of them by the end, none bunched at the entry.
TEST(Entry, PartnersAreSignedOverTheCountrysPartOfThePhase) {
  const int entry = 12;
  const Finished run(late_entrant(entry));
  const model::Description& m = run.m;
  const Series& s = run.series();
  ASSERT_EQ(m.phases[0].plans[1].providers_onboarded, 3);
  EXPECT_EQ(s.at(Metric::providers_signed, entry, 1), 1);
  EXPECT_EQ(s.at(Metric::providers_signed, entry + 11, 1), 1);  // 36 months left: one every 12
  EXPECT_EQ(s.at(Metric::providers_signed, entry + 12, 1), 2);
  EXPECT_EQ(s.at(Metric::providers_signed, m.steps - 1, 1), 3);
}

// Before a late entry into its second phase, a country keeps the first
// phase's plan, without support.
TEST(Entry, TheEarlierPlanStaysInForceUntilTheEntry) {
  model::Description m = test::small_world(2000, 48);
  model::Phase second = m.phases[0];
  m.phases[0].end = m.start.plus(23);
  m.phases[0].last_step = 23;
  second.id = "II";
  second.start = m.start.plus(24);
  second.first_step = 24;
  second.plans[1].entry_step = 30;
  m.phases.push_back(second);
  for (model::Funder& f : m.funders) f.budget.push_back(f.budget[0]);
  Simulation sim(m, 0);
  for (int t = 0; t < 48; ++t) {
    sim.step();
    const CountryState& bbb = sim.state().countries[1];
    EXPECT_EQ(bbb.phase, t < 30 ? 0 : 1) << "month " << t;
    EXPECT_EQ(bbb.supported, t < 24 || t >= 30) << "month " << t;
    EXPECT_TRUE(sim.state().countries[0].supported) << "month " << t;
  }
}

TEST(Roster, ACountryIsReachedFromItsFirstTrainedEnterprise) {
  const Finished run(late_entrant(24));
  const model::Description& m = run.m;
  const Series& s = run.series();
  for (int t = 0; t < m.steps; ++t)
    for (int c = 0; c < 2; ++c)
      EXPECT_EQ(s.at(Metric::countries_reached, t, c), s.at(Metric::firms_trained_total, t, c) > 0 ? 1 : 0)
          << "country " << c << ", month " << t;
  // Trainers are certified after their supervised cycle and a module takes
  // its duration: the late entrant is reached that much after its entry.
  const int earliest = 24 + m.behaviour.supervised_months + m.modules[0].duration_months;
  EXPECT_GE(first_reached(s, 1), earliest);
  EXPECT_GE(first_reached(s, 0), 0);
  EXPECT_LT(first_reached(s, 0), first_reached(s, 1));
}

// Signed partners are every provider ever onboarded or licensed; dropped
// ones those no longer active; the rest are the active ones.
TEST(Roster, SignedPartnersAreTheActiveAndTheDropped) {
  model::Description m = test::small_world();
  m.behaviour.enrol_rate = 0;  // nobody enrols: providers only lose money and drop out
  m.behaviour.loss_months_to_drop = 6;
  const Finished run(m);
  const Series& s = run.series();
  double dropped_at_end = 0;
  for (int c = 0; c < 2; ++c) {
    for (int t = 0; t < m.steps; ++t) {
      EXPECT_EQ(s.at(Metric::providers_signed, t, c),
                s.at(Metric::providers_active, t, c) + s.at(Metric::providers_dropped, t, c))
          << "country " << c << ", month " << t;
      if (t > 0) {
        EXPECT_GE(s.at(Metric::providers_dropped, t, c), s.at(Metric::providers_dropped, t - 1, c))
            << "dropped partners never come back";
      }
    }
    dropped_at_end += s.at(Metric::providers_dropped, m.steps - 1, c);
  }
  int inactive = 0;
  for (const Provider& p : run.sim.state().providers) inactive += p.active ? 0 : 1;
  EXPECT_GT(inactive, 0) << "the world must drop providers for the test to mean anything";
  EXPECT_EQ(dropped_at_end, inactive);
  EXPECT_EQ(s.at(Metric::providers_signed, m.steps - 1, 0) + s.at(Metric::providers_signed, m.steps - 1, 1),
            static_cast<double>(run.sim.state().providers.size()));
}

}  // namespace
}  // namespace score::sim
