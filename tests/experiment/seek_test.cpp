// Stochastic bisection on outcomes with a known answer: replication r meets
// the target at lever value x when its own uniform draw u_r lies below a
// monotone function of x, so P(met at x) is known exactly.
#include "experiment/seek.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace score::experiment {
namespace {

// A fixed uniform draw per replication (splitmix64), the same at every x:
// common random numbers, as the scenario runs have.
double draw(int rep) {
  std::uint64_t z = static_cast<std::uint64_t>(rep) * 0x9E3779B97F4A7C15ull + 0x1234567ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}

// Met when u_r <= p_of(x): P(met at x) = p_of(x).
template <class P>
SeekOutcomes outcomes(P p_of) {
  return [p_of](double x, int first, int count) {
    std::vector<bool> met;
    for (int r = first; r < first + count; ++r) met.push_back(draw(r) <= p_of(x));
    return met;
  };
}

TEST(Wilson, MatchesTheTextbookInterval) {
  const Interval a = wilson_interval(8, 10, 0.95);
  EXPECT_NEAR(a.lo, 0.49016, 1e-5);
  EXPECT_NEAR(a.hi, 0.94332, 1e-5);
  EXPECT_NEAR(wilson_interval(20, 20, 0.95).lo, 0.83887, 1e-5);
  EXPECT_EQ(wilson_interval(0, 20, 0.95).lo, 0.0);
}

TEST(Seek, FindsTheSmallestValueWithTheRequiredProbability) {
  SeekOptions o;  // P(x) = x on [0, 1]: the answer is 0.8
  o.tolerance = 0.005;
  o.max_reps = 400;
  const SeekResult r = seek(o, outcomes([](double x) { return x; }));
  ASSERT_EQ(r.status, SeekStatus::found);
  EXPECT_LE(r.interval.lo, 0.8);
  EXPECT_GE(r.interval.hi, 0.8);
  EXPECT_LT(r.interval.hi - r.interval.lo, 0.25);
  EXPECT_NEAR(r.answer, 0.8, 0.06);
  EXPECT_GE(r.answer, r.interval.lo);
  EXPECT_LE(r.answer, r.interval.hi);
  EXPECT_EQ(r.probes[0].value, 1.0);  // the favourable end first
  EXPECT_EQ(r.probes[1].value, 0.0);
}

TEST(Seek, FindsTheLargestValueWhenTheTargetIsBetterMetLow) {
  SeekOptions o;  // P(x) = 1 - x/10 on [0, 10]: the largest x with P >= 0.8 is 2
  o.lo = 0;
  o.hi = 10;
  o.largest = true;
  o.max_reps = 400;
  const SeekResult r = seek(o, outcomes([](double x) { return 1 - x / 10; }));
  ASSERT_EQ(r.status, SeekStatus::found);
  EXPECT_LE(r.interval.lo, 2.0);
  EXPECT_GE(r.interval.hi, 2.0);
  EXPECT_NEAR(r.answer, 2.0, 0.6);
}

TEST(Seek, IntegerLeversProbeWholeNumbers) {
  SeekOptions o;  // P(n) = n / 20 on 0..20: the answer is 16
  o.lo = 0;
  o.hi = 20;
  o.integer = true;
  o.max_reps = 400;
  const SeekResult r = seek(o, outcomes([](double n) { return n / 20; }));
  ASSERT_EQ(r.status, SeekStatus::found);
  for (const Probe& p : r.probes) EXPECT_EQ(p.value, static_cast<int>(p.value));
  EXPECT_LE(r.interval.lo, 16);
  EXPECT_GE(r.interval.hi, 16);
}

TEST(Seek, RefusesATargetOutOfReachAndSaysWhere) {
  SeekOptions o;  // P(x) = x / 2 never reaches 0.8
  const SeekResult r = seek(o, outcomes([](double x) { return x / 2; }));
  EXPECT_EQ(r.status, SeekStatus::out_of_reach);
  ASSERT_EQ(r.probes.size(), 1u);
  EXPECT_EQ(r.probes[0].value, 1.0);
  EXPECT_LT(r.probes[0].p.hi, 0.8);
}

TEST(Seek, RefusesWhenTheFavourableEndCannotBeDecided) {
  SeekOptions o;  // P = 0.8 exactly at the favourable end: no interval clears it
  o.max_reps = 60;
  const SeekResult r = seek(o, outcomes([](double x) { return 0.8 * x; }));
  EXPECT_EQ(r.status, SeekStatus::undecided);
  EXPECT_EQ(r.probes[0].runs, 60);
}

TEST(Seek, TheWholeRangeMeetingGivesItsUnfavourableEnd) {
  SeekOptions o;
  o.lo = 2;
  o.hi = 3;
  const SeekResult r = seek(o, outcomes([](double) { return 1.0; }));
  ASSERT_EQ(r.status, SeekStatus::found);
  EXPECT_EQ(r.answer, 2.0);
  EXPECT_EQ(r.runs(), 40);
}

TEST(Seek, AddsReplicationsOnlyWhereTheVerdictIsClose) {
  SeekOptions o;
  o.max_reps = 400;
  const SeekResult r = seek(o, outcomes([](double x) { return x; }));
  for (const Probe& p : r.probes) {
    if (p.runs > o.first_reps) {
      EXPECT_GT(p.p.hi, 0.8 - 0.2) << p.value;  // close calls only
    }
    if (p.verdict == Verdict::undecided) {
      EXPECT_EQ(p.runs, o.max_reps);
    }
  }
}

TEST(Seek, RejectsOptionsThatMakeNoSearch) {
  SeekOptions o;
  o.lo = 2;
  o.hi = 1;
  EXPECT_THROW(seek(o, outcomes([](double x) { return x; })), std::invalid_argument);
  o = {};
  o.probability = 1.0;
  EXPECT_THROW(seek(o, outcomes([](double x) { return x; })), std::invalid_argument);
}

}  // namespace
}  // namespace score::experiment
