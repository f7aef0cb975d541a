// Who pays for a delivery, in which order, within which budgets.
#include "sim/funding.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "sim/processes.hpp"
#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

// A state at month 1 (month 0 has run) with one provider in country 0 and
// the month's funding table filled.
struct Fixture {
  model::Description m = test::small_world(100, 12);
  std::unique_ptr<Simulation> sim;
  explicit Fixture(const std::function<void(model::Description&)>& edit = nullptr) {
    if (edit) edit(m);
    sim = std::make_unique<Simulation>(m, 0);
    sim->step();  // begin the phase: plans in force, providers onboarded
    if (sim->state().providers.empty()) sim->state().providers.push_back(Provider{});
    replan();
  }
  State& s() { return sim->state(); }
  // The funding rules read the month's table: fill it again after changing
  // which funders take part or the month.
  void replan() { plan_funding_month(s()); }
};

double sum(const Quote& p) {
  double total = p.unpaid;
  for (double v : p.by_source) total += v;
  return total;
}

double paid_by(const Quote& q, model::Source s) { return q.by_source[static_cast<int>(s)]; }

// A government co-funding deliveries in country 0.
model::Funder government(double share, double reliability) {
  model::Funder gov;
  gov.id = "G";
  gov.kind = model::FunderKind::government;
  gov.country = 0;
  gov.share = share;
  gov.reliability = reliability;
  gov.budget = {1e6};
  return gov;
}

// A national training levy fund in country 0 for firms of `min_employees`
// or more.
model::Funder levy(double share, double min_employees) {
  model::Funder l = government(share, 1.0);
  l.id = "L";
  l.kind = model::FunderKind::levy;
  l.min_employees = min_employees;
  return l;
}

// A buyer funder signing every lead buyer of country 0, paying 30% from
// its budget in its phase's months.
model::Funder lead_buyers(const model::Description& m) { return test::lead_buyers(m, 0.3, 1e6); }

// The first firm whose buyer funder j signed, or -1.
int firm_signed_by(const State& s, std::size_t j) {
  for (std::size_t i = 0; i < s.firms.size(); ++i)
    if (s.firms.buyer[i] >= 0 && s.buyer_spans->signed_by(s.firms.buyer[i]) == static_cast<int>(j))
      return static_cast<int>(i);
  return -1;
}

// buyer_funder takes a buyer to take part by the rule of every funder: this
// changed from a check of its months and this phase's budget alone.
TEST(Funding, ABuyerFunderTakesPartByTheRuleOfEveryFunder) {
  Fixture f([](model::Description& m) {
    m.countries[0].supplier_share = 0.8;
    m.funders.push_back(lead_buyers(m));
  });
  State& s = f.s();
  const std::size_t j = f.m.funders.size() - 1;
  const int firm = firm_signed_by(s, j);
  ASSERT_GE(firm, 0);
  EXPECT_EQ(buyer_funder(s, firm), static_cast<int>(j));
  s.funders[j].pledge_holds = false;
  f.replan();
  EXPECT_EQ(buyer_funder(s, firm), -1) << "a failed pledge leaves the buyer absent";
  s.funders[j].pledge_holds = true;
  f.m.funders[j].budget = {0.0};
  s.funders[j].carried_in = 5000;
  f.replan();
  EXPECT_EQ(buyer_funder(s, firm), static_cast<int>(j)) << "money carried in from the last phase is spent";
  EXPECT_GT(paid_by(quote_delivery(s, firm, 0, false), model::Source::buyer), 0.0);
  EXPECT_TRUE(buyer_pushes(s, firm));
}

// The rules read who takes part only from the month's table: a caller that
// moved the month without filling it again gets an error, not the answer of
// another month.
TEST(Funding, TheRulesReadOnlyTheMonthsTable) {
  Fixture f;
  f.s().step = 2;
  EXPECT_THROW(quote_delivery(f.s(), 0, 0, false), std::logic_error);
  EXPECT_THROW(funder_left(f.s(), 0), std::logic_error);
  f.replan();
  EXPECT_NO_THROW(quote_delivery(f.s(), 0, 0, false));
}

TEST(Funding, PriceIsTrainerDaysTimesRatePlusMaterialsWithMarkup) {
  model::Description m = test::small_world();
  m.behaviour.provider_markup = 0.2;
  const double direct = 4.5 * 400 + 250;
  EXPECT_DOUBLE_EQ(module_price(m, 0, 0), direct * 1.2);
}

TEST(Funding, TheDonorPaysItsSubsidyAndTheEnterprisePaysTheRest) {
  Fixture f;
  const Quote p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_NEAR(sum(p), p.price, 1e-9);
  EXPECT_NEAR(paid_by(p, model::Source::donor), 0.6 * p.price, 1e-9);
  EXPECT_NEAR(paid_by(p, model::Source::enterprise), 0.4 * p.price, 1e-9);
  EXPECT_EQ(p.unpaid, 0.0);
}

TEST(Funding, TheSubsidyStopsWhereTheFirmWouldPayLessThanItsFeeShare) {
  Fixture f([](model::Description& m) { m.phases[0].plans[0].fee_share.fill(0.5); });
  const Quote p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_NEAR(paid_by(p, model::Source::donor), 0.5 * p.price, 1e-9);
  EXPECT_NEAR(paid_by(p, model::Source::enterprise), 0.5 * p.price, 1e-9);
}

TEST(Funding, TheFeeTheFirmExpectsIsTheFeeItPays) {
  Fixture f([](model::Description& m) { m.funders.push_back(government(0.3, 1.0)); });
  const double expected = expected_fee(f.s(), 0, 1);
  EXPECT_NEAR(pay_delivery(f.s(), 0, 0, 1).fee(), expected, 1e-9);
}

TEST(Funding, GovernmentPaysFirstAndTheFeeIsCappedByWhatIsLeft) {
  Fixture f([](model::Description& m) { m.funders.push_back(government(0.9, 1.0)); });
  const Quote p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::government)], 0.9 * p.price, 1e-9);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::enterprise)], 0.1 * p.price, 1e-9);
  EXPECT_NEAR(p.by_source[static_cast<int>(model::Source::donor)], 0.0, 1e-9);
  EXPECT_NEAR(expected_fee(f.s(), 0, 0), 0.1 * p.price, 1e-9);
}

TEST(Funding, APledgeThatDoesNotMaterialisePaysNothing) {
  Fixture f([](model::Description& m) { m.funders.push_back(government(0.5, 0.0)); });
  const Quote p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_EQ(p.by_source[static_cast<int>(model::Source::government)], 0.0);
}

TEST(Funding, AnExhaustedDonorBudgetRaisesTheFee) {
  Fixture f;
  const double subsidised = expected_fee(f.s(), 0, 0);
  f.s().funders[0].spent_phase = f.m.funders[0].budget[0];
  EXPECT_GT(expected_fee(f.s(), 0, 0), subsidised);
  const Quote p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_EQ(paid_by(p, model::Source::donor), 0.0);
  EXPECT_NEAR(p.fee(), p.price, 1e-9);
  EXPECT_NEAR(p.unfunded, 0.6 * p.price, 1e-9);
  EXPECT_EQ(p.unpaid, 0.0);
}

TEST(Funding, WhenProvidersAbsorbTheGapTheFeeStaysAndTheGapIsUnpaid) {
  Fixture f([](model::Description& m) { m.phases[0].unfunded = model::Unfunded::absorbed; });
  f.s().funders[0].spent_phase = f.m.funders[0].budget[0];
  const Quote p = pay_delivery(f.s(), 0, 0, 0);
  EXPECT_NEAR(p.fee(), 0.4 * p.price, 1e-9);
  EXPECT_NEAR(p.unpaid, 0.6 * p.price, 1e-9);
  EXPECT_NEAR(sum(p), p.price, 1e-9);
  EXPECT_NEAR(f.s().series.at(Metric::delivery_shortfall_usd, f.s().step, 0), p.unpaid, 1e-9);
}

TEST(Funding, WhenSeatsAreRationedAnUnfundedSeatIsNotGiven) {
  Fixture f([](model::Description& m) { m.phases[0].unfunded = model::Unfunded::rationed; });
  EXPECT_FALSE(quote_delivery(f.s(), 0, 0, false).rationed);
  f.s().funders[0].spent_phase = f.m.funders[0].budget[0];
  EXPECT_TRUE(quote_delivery(f.s(), 0, 0, false).rationed);
}

// A funder that plans nothing now (pledge failed, no budget in the phase,
// outside its months, or no funder for the country) is absent: the firm
// pays as if it did not exist and `rationed` refuses no seat for it. Only
// money a planning funder has spent leaves a seat unfunded.
TEST(Funding, AFunderThatPlansNothingLeavesNoSeatUnfunded) {
  using Edit = std::function<void(model::Description&)>;
  const auto with_government = [](void (*edit)(model::Funder&)) {
    return Edit([edit](model::Description& m) {
      m.funders.push_back(government(0.3, 1.0));
      edit(m.funders.back());
    });
  };
  const std::vector<std::pair<const char*, Edit>> cases{
      {"pledge failed", with_government([](model::Funder& g) { g.reliability = 0.0; })},
      {"no budget in the phase", with_government([](model::Funder& g) { g.budget = {0.0}; })},
      {"not yet started", with_government([](model::Funder& g) { g.first_step = 6; })},
      {"already ended", with_government([](model::Funder& g) { g.last_step = 0; })},
      {"no donor for the country",
       [](model::Description& m) {
         m.funders[0].countries = {false, true};
       }},
  };
  for (const auto& [why, absent_funder] : cases) {
    const Edit& absent = absent_funder;  // clang 14 cannot capture a structured binding
    Fixture f([&](model::Description& m) {
      m.phases[0].unfunded = model::Unfunded::rationed;
      absent(m);
    });
    const Quote q = quote_delivery(f.s(), 0, 0, false);
    EXPECT_FALSE(q.rationed) << why;
    EXPECT_EQ(q.unfunded, 0.0) << why;
    EXPECT_EQ(q.by_source[static_cast<int>(model::Source::government)], 0.0) << why;
  }
}

TEST(Funding, ClientsOfALicensedProviderGetNoProgrammeMoney) {
  Fixture f;
  const Quote q = quote_delivery(f.s(), 0, 0, true);
  EXPECT_EQ(paid_by(q, model::Source::donor), 0.0);
  EXPECT_NEAR(q.fee(), q.price, 1e-9);
  EXPECT_EQ(q.unfunded, 0.0);
}

TEST(Funding, AnEvenSpendingPlanReleasesTheBudgetMonthByMonth) {
  Fixture f;  // one 12-month phase; the fixture ran month 0 and stands at month 1
  EXPECT_NEAR(funder_left(f.s(), 0) + f.s().funders[0].spent_phase, f.m.funders[0].budget[0] * 2 / 12, 1e-6);
}

TEST(Funding, AFrontLoadedPlanReleasesMoreAtFirst) {
  Fixture f([](model::Description& m) { m.funders[0].pacing = model::Pacing::front_loaded; });
  const double x = 2.0 / 12;
  EXPECT_NEAR(funder_left(f.s(), 0) + f.s().funders[0].spent_phase, f.m.funders[0].budget[0] * x * (2 - x),
              1e-6);
}

TEST(Funding, PaymentOrderComesFromThePayerTable) {
  const auto& order = model::payment_order();
  EXPECT_EQ(order.front(), model::Payer::government);
  EXPECT_EQ(order.back(), model::Payer::enterprise);
  model::FunderKind kind{};
  EXPECT_TRUE(model::funder_kind_from_name("csr", kind));
  EXPECT_EQ(kind, model::Payer::csr);
  EXPECT_EQ(order[5], model::Payer::levy) << "a levy fund reimburses part of the fee left";
  EXPECT_FALSE(model::funder_kind_from_name("enterprise", kind));  // not a budgeted funder
  EXPECT_FALSE(model::funder_kind_from_name("philanthropist", kind));
}

TEST(Funding, ProgrammeLinesFallBackToTheIloWhenDonorsMayNotPay) {
  Fixture f([](model::Description& m) { m.phases[0].donor_pays_marketing = false; });
  const double donor_before = f.s().funders[0].spent_phase, ilo_before = f.s().funders[1].spent_phase;
  EXPECT_NEAR(pay_programme(f.s(), 0, Line::marketing, 1000), 1000, 1e-9);
  EXPECT_EQ(f.s().funders[0].spent_phase, donor_before);
  EXPECT_NEAR(f.s().funders[1].spent_phase - ilo_before, 1000, 1e-9);
}

TEST(Funding, AFunderPaysOnlyInItsMonthsAndPacesItsBudgetOverThem) {
  Fixture f([](model::Description& m) {
    m.funders[0].first_step = 2;  // pays from the third month to the tenth
    m.funders[0].last_step = 9;
  });
  EXPECT_EQ(funder_left(f.s(), 0), 0.0);
  EXPECT_EQ(paid_by(quote_delivery(f.s(), 0, 0, false), model::Source::donor), 0.0);
  f.s().step = 2;
  f.replan();
  EXPECT_NEAR(funder_left(f.s(), 0), f.m.funders[0].budget[0] / 8, 1e-6) << "even over its 8 months";
  EXPECT_GT(paid_by(quote_delivery(f.s(), 0, 0, false), model::Source::donor), 0.0);
  f.s().step = 10;
  f.replan();
  EXPECT_EQ(funder_left(f.s(), 0), 0.0);
}

TEST(Funding, ABudgetInFrancsIsSpentInDollarsAtTheYearsRate) {
  Fixture f([](model::Description& m) {
    m.currencies.push_back({"CHF", 2009, {0.9, 1.25}});  // 2010 and later: 1.25 USD per franc
    m.funders[0].currency = 0;
    m.funders[0].pacing = model::Pacing::none;
  });
  const double before = f.s().funders[0].spent_phase;
  EXPECT_NEAR(funder_left(f.s(), 0), (f.m.funders[0].budget[0] - before) * 1.25, 1e-6);
  EXPECT_NEAR(pay_programme(f.s(), 0, Line::marketing, 1250), 1250, 1e-9);
  EXPECT_NEAR(f.s().funders[0].spent_phase - before, 1000, 1e-9) << "the ledger is kept in francs";
  EXPECT_DOUBLE_EQ(f.m.currencies[0].rate(2005), 0.9);
  EXPECT_DOUBLE_EQ(f.m.currencies[0].rate(2030), 1.25);
}

TEST(Funding, AScheduleReleasesWhatTheYearlyPlanAllows) {
  Fixture f([](model::Description& m) {
    m.funders[0].pacing = model::Pacing::schedule;
    m.funders[0].scheduled.assign(12, 0.0);
    for (int t = 0; t < 12; ++t) m.funders[0].scheduled[static_cast<std::size_t>(t)] = 1000.0 * (t + 1);
  });
  EXPECT_NEAR(funder_left(f.s(), 0) + f.s().funders[0].spent_phase, 2000, 1e-6);
}

TEST(Funding, MoneyEarmarkedToACountryPaysOnlyThere) {
  Fixture f([](model::Description& m) { m.funders[0].countries = {false, true}; });
  const int other = f.s().countries[1].first_firm;
  EXPECT_EQ(paid_by(quote_delivery(f.s(), 0, 0, false), model::Source::donor), 0.0);
  const Quote q = quote_delivery(f.s(), other, 0, false);
  EXPECT_NEAR(paid_by(q, model::Source::donor), 0.6 * q.price, 1e-9);
}

TEST(Funding, MoneyEarmarkedToDeliveryLeavesProgrammeLinesToTheIlo) {
  Fixture f([](model::Description& m) { m.funders[0].lines = {true, false, false, false, false}; });
  const double donor_before = f.s().funders[0].spent_phase, ilo_before = f.s().funders[1].spent_phase;
  EXPECT_NEAR(pay_programme(f.s(), 0, Line::staff, 1000), 1000, 1e-9);
  EXPECT_EQ(f.s().funders[0].spent_phase, donor_before);
  EXPECT_NEAR(f.s().funders[1].spent_phase - ilo_before, 1000, 1e-9);
  const Quote q = quote_delivery(f.s(), 0, 0, false);
  EXPECT_NEAR(paid_by(q, model::Source::donor), 0.6 * q.price, 1e-9);
}

TEST(Funding, ALevyFundPaysItsShareOfTheFeeLeftForFirmsThatPayTheLevy) {
  Fixture f([](model::Description& m) { m.funders.push_back(levy(0.5, 100)); });
  f.s().firms.employees[0] = 150;
  const double expected = expected_fee(f.s(), 0, 0);
  const double before = f.s().funders[2].spent_phase;
  const Quote q = pay_delivery(f.s(), 0, 0, 0);
  // The donor pays its 60%, the levy half of the 40% left, the firm the rest.
  EXPECT_NEAR(paid_by(q, model::Source::donor), 0.6 * q.price, 1e-9);
  EXPECT_NEAR(q.by_payer[static_cast<int>(model::Payer::levy)], 0.2 * q.price, 1e-9);
  EXPECT_NEAR(paid_by(q, model::Source::government), 0.2 * q.price, 1e-9) << "public money, booked as such";
  EXPECT_NEAR(q.fee(), 0.2 * q.price, 1e-9);
  EXPECT_NEAR(q.fee(), expected, 1e-9) << "the fee the firm expects is the fee it pays";
  EXPECT_NEAR(sum(q), q.price, 1e-9);
  EXPECT_NEAR(f.s().funders[2].spent_phase - before, 0.2 * q.price, 1e-9) << "from the levy fund's budget";
}

TEST(Funding, ALevyFundPaysNothingForSmallFirmsOrAbroad) {
  Fixture f([](model::Description& m) { m.funders.push_back(levy(0.5, 100)); });
  f.s().firms.employees[0] = 60;  // below the threshold: pays no levy
  EXPECT_NEAR(quote_delivery(f.s(), 0, 0, false).fee(), 0.4 * module_price(f.m, 0, 0), 1e-9);
  const int abroad = f.s().countries[1].first_firm;
  f.s().firms.employees[static_cast<std::size_t>(abroad)] = 150;
  const Quote q = quote_delivery(f.s(), abroad, 0, false);
  EXPECT_EQ(q.by_payer[static_cast<int>(model::Payer::levy)], 0.0);
  EXPECT_NEAR(q.fee(), 0.4 * q.price, 1e-9);
}

}  // namespace
}  // namespace score::sim
