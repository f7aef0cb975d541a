// Who pays for a delivery, in which order, within which budgets.
#include "sim/funding.hpp"

#include <gtest/gtest.h>

#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

// A state at month 0 with one provider in country 0.
struct Fixture {
  model::Description m = test::small_world(100, 12);
  std::unique_ptr<Simulation> sim;
  explicit Fixture(void (*edit)(model::Description&) = nullptr) {
    if (edit) edit(m);
    sim = std::make_unique<Simulation>(m, 0);
    sim->step();  // begin the phase: plans in force, providers onboarded
    if (sim->state().providers.empty()) sim->state().providers.push_back(Provider{});
  }
  State& s() { return sim->state(); }
};

double sum(const Payment& p) {
  double total = p.shortfall;
  for (double v : p.by_source) total += v;
  return total;
}

TEST(Funding, PriceIsTrainerDaysTimesRatePlusMaterialsWithMarkup) {
  model::Description m = test::small_world();
  m.behaviour.provider_markup = 0.2;
  const double direct = 4.5 * 400 + 250;
  EXPECT_DOUBLE_EQ(module_price(m, 0, 0), direct * 1.2);
}

TEST(Funding, PaymentsAddUpToThePrice) {
  Fixture f;
  const Payment p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_NEAR(sum(p), p.price, 1e-9);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::enterprise)], 0.2 * p.price, 1e-9);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::donor)], 0.6 * p.price, 1e-9);
  EXPECT_NEAR(p.shortfall, 0.2 * p.price, 1e-9);
}

// A government co-funding deliveries in country 0.
model::Funder government(double share, double reliability) {
  model::Funder gov;
  gov.id = "G";
  gov.kind = model::FunderKind::government;
  gov.country = 0;
  gov.share = share;
  gov.reliability = reliability;
  gov.budget_usd = {1e6};
  return gov;
}

TEST(Funding, GovernmentPaysFirstAndTheFeeIsCappedByWhatIsLeft) {
  Fixture f([](model::Description& m) { m.funders.push_back(government(0.9, 1.0)); });
  const Payment p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::government)], 0.9 * p.price, 1e-9);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::enterprise)], 0.1 * p.price, 1e-9);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::donor)], 0.0, 1e-9);
  EXPECT_NEAR(expected_fee(f.s(), 0, 0), 0.1 * p.price, 1e-9);
}

TEST(Funding, APledgeThatDoesNotMaterialisePaysNothing) {
  Fixture f([](model::Description& m) { m.funders.push_back(government(0.5, 0.0)); });
  const Payment p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_EQ(p.by_source[static_cast<int>(model::Source::government)], 0.0);
}

TEST(Funding, AnExhaustedDonorBudgetLeavesTheGapToTheProvider) {
  Fixture f;
  f.s().funders[0].spent_phase = f.m.funders[0].budget_usd[0];
  const Payment p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_EQ(p.by_source[static_cast<int>(model::Source::donor)], 0.0);
  EXPECT_NEAR(p.shortfall, 0.8 * p.price, 1e-9);
}

TEST(Funding, ProgrammeLinesFallBackToTheIloWhenDonorsMayNotPay) {
  Fixture f([](model::Description& m) { m.phases[0].donor_pays_marketing = false; });
  const double donor_before = f.s().funders[0].spent_phase, ilo_before = f.s().funders[1].spent_phase;
  EXPECT_NEAR(pay_programme(f.s(), 0, Line::marketing, 1000), 1000, 1e-9);
  EXPECT_EQ(f.s().funders[0].spent_phase, donor_before);
  EXPECT_NEAR(f.s().funders[1].spent_phase - ilo_before, 1000, 1e-9);
}

}  // namespace
}  // namespace score::sim
