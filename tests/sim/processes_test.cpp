// Each process on small worlds whose answer is known.
#include "sim/processes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "sim/funding.hpp"
#include "sim/graph.hpp"
#include "sim/provider_pricing.hpp"
#include "sim/runner.hpp"
#include "sim/simulation.hpp"
#include "world.hpp"

namespace score::sim {
namespace {

double total(const Series& s, Metric m) {
  double sum = 0;
  for (double v : s.values(m)) sum += v;
  return sum;
}

// Not only "some deliveries": each one is Module 1 first, billed at the
// module's price, with the firm paying what the subsidy and the ILO leave
// while the (paced) subsidy lasts, and more, never less, when it runs short.
TEST(Enrolment, TheBaselineWorldTrainsFirms) {
  const model::Description m = test::small_world();
  Simulation sim(m, 0);
  while (!sim.finished()) sim.step();
  const Series& s = sim.series();
  EXPECT_GT(total(s, Metric::module_deliveries), 50);
  int firms_done = 0;
  for (const std::uint8_t done : sim.state().firms.modules_done) {
    if (done == 0) continue;
    ++firms_done;
    EXPECT_TRUE(done & 1) << "a firm completed a later module without Module 1 (modules " << int{done} << ")";
  }
  EXPECT_GT(firms_done, 0);
  const int enterprise = static_cast<int>(model::Source::enterprise);
  double lowest_fee_share = 1;
  for (int c = 0; c < s.countries(); ++c) {
    std::array<double, model::kModules> started{};
    for (int t = 0; t < s.steps(); ++t) {
      double billed = 0;
      for (int k = 0; k < model::kModules; ++k) {
        const double n = s.at(Metric::module_deliveries, t, c, k);
        started[static_cast<std::size_t>(k)] += n;
        billed += n * module_price(m, c, k);
      }
      const double cost = s.at(Metric::delivery_cost_usd, t, c);
      EXPECT_NEAR(cost, billed, 1e-6 * std::max(1.0, billed)) << "country " << c << ", month " << t;
      const double fee = s.at(Metric::revenue_usd, t, c, enterprise);
      EXPECT_GE(fee, 0.2 * cost - 1e-6 * std::max(1.0, cost))
          << "the subsidy never takes a fee below its share";
      EXPECT_LE(fee, cost + 1e-6 * std::max(1.0, cost));
      if (cost > 0) lowest_fee_share = std::min(lowest_fee_share, fee / cost);
      for (int k = 1; k < model::kModules; ++k)
        EXPECT_LE(started[static_cast<std::size_t>(k)], started[0])
            << "Module 1 comes first; module " << k + 1;
    }
    EXPECT_GT(started[0], 0);
    EXPECT_GT(s.at(Metric::firms_trained_total, s.steps() - 1, c), 0);
    EXPECT_LE(s.at(Metric::firms_trained_total, s.steps() - 1, c), started[0])
        << "trained firms all started Module 1";
  }
  // Donor subsidy and ILO share paid in full, the firm pays the rest (never
  // less than its fee share).
  const model::Plan& plan = m.phases[0].plans[0];
  EXPECT_NEAR(lowest_fee_share, 1 - plan.subsidy_share[0] - plan.ilo_share, 1e-9)
      << "while the subsidy lasts, a firm pays exactly what programme money leaves";
}

TEST(Enrolment, AFirmThatCannotPayDoesNotEnrol) {
  model::Description m = test::small_world();
  for (auto& c : m.countries) c.training_budget_share = 0;  // no firm can pay any fee
  const Series s = run_one(m, 0);
  EXPECT_GT(total(s, Metric::firms_aware), 0) << "firms must hear of SCORE for the test to mean anything";
  EXPECT_EQ(total(s, Metric::module_deliveries), 0);
}

TEST(Enrolment, AFreeModuleIsAffordableToAll) {
  model::Description m = test::small_world();
  for (auto& c : m.countries) c.training_budget_share = 0;
  for (auto& plan : m.phases[0].plans) {
    plan.fee_share.fill(0.0);
    plan.subsidy_share.fill(1.0);  // the donor pays the whole price: the firm pays nothing
  }
  EXPECT_GT(total(run_one(m, 0), Metric::module_deliveries), 0);
}

TEST(Delivery, AProviderWithoutCertifiedTrainersDeliversNothing) {
  model::Description m = test::small_world();
  for (auto& plan : m.phases[0].plans) plan.trainers_per_year = 0;
  Simulation sim(m, 0);
  while (!sim.finished()) {
    sim.step();
    for (const Provider& p : sim.state().providers) EXPECT_EQ(p.seats_used, 0);
  }
  EXPECT_GT(sim.state().providers.size(), 0u);
  EXPECT_EQ(total(sim.series(), Metric::module_deliveries), 0);
}

TEST(Delivery, SeatsNeverExceedCertifiedCapacity) {
  const model::Description m = test::small_world();
  Simulation sim(m, 0);
  const model::Behaviour& b = m.behaviour;
  while (!sim.finished()) {
    sim.step();
    // Certified counts change before seats are given (attrition) or for
    // providers that drop out after them, so active ones are comparable.
    for (const Provider& p : sim.state().providers) {
      if (!p.active) continue;
      EXPECT_LE(p.seats_used, p.certified * b.classrooms_per_trainer_month * b.firms_per_classroom + 1e-9);
    }
  }
}

double at(const Simulation& sim, Metric m, int t, int c, model::Source src) {
  return sim.series().at(m, t, c, static_cast<int>(src));
}

// For every month, country and source: delivery cost = revenues + unpaid
// cost, and what each budgeted source spent is what it paid for delivery
// plus its programme spending.
void expect_money_conserved(const Simulation& sim, int t) {
  using model::Source;
  for (int c = 0; c < sim.series().countries(); ++c) {
    double revenue = 0;
    for (int src = 0; src < model::kSources; ++src)
      revenue += sim.series().at(Metric::revenue_usd, t, c, src);
    const double cost = sim.series().at(Metric::delivery_cost_usd, t, c);
    const double unpaid = sim.series().at(Metric::delivery_shortfall_usd, t, c);
    EXPECT_NEAR(cost, revenue + unpaid, 1e-6 * (1 + cost)) << "month " << t;
    EXPECT_GE(unpaid, 0);
    const double donor_programme =
        sim.series().at(Metric::donor_spend_usd, t, c) - at(sim, Metric::revenue_usd, t, c, Source::donor);
    const double ilo_programme = sim.series().at(Metric::programme_cost_usd, t, c) - donor_programme;
    EXPECT_NEAR(at(sim, Metric::funds_spent_usd, t, c, Source::donor),
                at(sim, Metric::revenue_usd, t, c, Source::donor) + donor_programme, 1e-6);
    EXPECT_NEAR(at(sim, Metric::funds_spent_usd, t, c, Source::ilo),
                at(sim, Metric::revenue_usd, t, c, Source::ilo) + ilo_programme, 1e-6);
    // Buyers here are budgeted funders only (these worlds sign no plan buyers).
    for (Source src : {Source::government, Source::csr, Source::buyer})
      EXPECT_NEAR(at(sim, Metric::funds_spent_usd, t, c, src), at(sim, Metric::revenue_usd, t, c, src), 1e-6);
  }
}

// Every funder: never over its phase budget; over the run, budgets = spent
// + lapsed + unspent (carried past the last phase).
void expect_budgets_kept(const Simulation& sim, const model::Description& m) {
  for (std::size_t j = 0; j < m.funders.size(); ++j) {
    const FunderState& f = sim.state().funders[j];
    const int p = m.phase_at(sim.month() - 1);
    if (p >= 0) {
      EXPECT_LE(f.spent_phase, m.funders[j].budget[static_cast<std::size_t>(p)] + f.carried_in + 1e-6)
          << "funder " << j << ", month " << sim.month() - 1;
    }
    if (sim.finished()) {
      EXPECT_NEAR(f.budget_total, f.spent_total + f.lapsed_total + f.carry_out, 1e-6);
    }
  }
}

model::Description two_phase_world() {
  model::Description m = test::small_world(200, 24);
  model::Phase second = m.phases[0];
  m.phases[0].last_step = 11;
  m.phases[0].end = m.start.plus(11);
  second.id = "II";
  second.first_step = 12;
  second.start = m.start.plus(12);
  for (auto& f : m.funders) f.budget = {f.budget[0] / 4, f.budget[0] / 8};
  m.phases.push_back(second);
  model::Funder gov;
  gov.id = "G";
  gov.kind = model::FunderKind::government;
  gov.country = 1;
  gov.share = 0.3;
  gov.budget = {20000, 20000};
  m.funders.push_back(gov);
  return m;
}

// Runs a model month by month, checking the money identities and the
// budgets every month, plus `also(sim, month)`; returns the funders' ledgers.
template <class Check>
std::vector<FunderState> run_checking_money(const model::Description& m, Check also) {
  Simulation sim(m, 0);
  while (!sim.finished()) {
    const int t = sim.month();
    sim.step();
    expect_money_conserved(sim, t);
    expect_budgets_kept(sim, m);
    also(sim, t);
  }
  return sim.state().funders;
}

TEST(Money, IsConservedEveryMonthCountryAndSource) {
  for (const model::Unfunded rule :
       {model::Unfunded::priced_up, model::Unfunded::rationed, model::Unfunded::absorbed}) {
    for (const model::Unspent unspent : {model::Unspent::lapse, model::Unspent::carry_over}) {
      model::Description m = two_phase_world();
      for (auto& ph : m.phases) ph.unfunded = rule;
      for (auto& f : m.funders) f.unspent = unspent;
      run_checking_money(m, [](const Simulation&, int) {});
    }
  }
}

TEST(Money, IsConservedWithALevyFund) {
  model::Description m = two_phase_world();
  model::Funder levy;
  levy.id = "L";
  levy.kind = model::FunderKind::levy;
  levy.country = 0;
  levy.share = 0.5;
  levy.min_employees = 100;
  levy.budget = {20000, 20000};
  m.funders.push_back(levy);
  const std::vector<FunderState> ledgers = run_checking_money(m, [](const Simulation& sim, int t) {
    // Country 0 has no government funder: its government revenue is the levy's.
    EXPECT_NEAR(at(sim, Metric::funds_spent_usd, t, 0, model::Source::government),
                at(sim, Metric::revenue_usd, t, 0, model::Source::government), 1e-6);
  });
  EXPECT_GT(ledgers[3].spent_total, 0.0) << "the levy fund paid for larger firms";
}

// A buyer funder signing every buyer of country 0 only, paying 40% of its
// suppliers' price from a small budget, from month 3 to month 18.
model::Funder lead_buyers(const model::Description& m, double budget) {
  return test::lead_buyers(m, 0.4, budget, 3, 18);
}

TEST(Money, ABuyerPaysOnlyInItsCountriesAndMonthsAndWithinItsBudget) {
  for (const model::Unfunded rule : {model::Unfunded::priced_up, model::Unfunded::absorbed}) {
    model::Description m = two_phase_world();
    for (auto& ph : m.phases) ph.unfunded = rule;
    m.countries[0].supplier_share = 0.8;
    m.funders.push_back(lead_buyers(m, 4000));
    const std::vector<FunderState> ledgers = run_checking_money(m, [](const Simulation& sim, int t) {
      EXPECT_EQ(at(sim, Metric::revenue_usd, t, 1, model::Source::buyer), 0.0) << "not signed in BBB";
      if (t < 3 || t > 18) {
        EXPECT_EQ(at(sim, Metric::revenue_usd, t, 0, model::Source::buyer), 0.0) << "month " << t;
      }
    });
    EXPECT_GT(ledgers[3].spent_total, 0.0) << "the buyer paid for its suppliers";
  }
}

// With no spending plan and budgets that never run out, no seat is
// unfunded, so rationing unfunded seats or pricing them up gives the same
// run, even with funders that plan nothing: a pledge that failed, one that
// starts in the second year, one without a budget in the phase.
TEST(Money, RationedAndPricedUpAgreeWhenNoMoneyRunsOut) {
  const auto deliveries = [](model::Unfunded rule) {
    model::Description m = test::small_world(2000, 24);
    m.phases[0].unfunded = rule;
    for (auto& f : m.funders) {
      f.pacing = model::Pacing::none;
      f.budget = {1e9};
    }
    model::Funder gov;
    gov.kind = model::FunderKind::government;
    gov.share = 0.3;
    gov.budget = {1e9};
    gov.id = "failed pledge";
    gov.country = 0;
    gov.reliability = 0.0;
    m.funders.push_back(gov);
    gov.id = "from the second year";
    gov.country = 1;
    gov.reliability = 1.0;
    gov.first_step = 12;
    m.funders.push_back(gov);
    gov.id = "no budget";
    gov.first_step = -1;
    gov.budget = {0.0};
    m.funders.push_back(gov);
    const Series s = run_one(m, 0);
    EXPECT_EQ(total(s, Metric::seats_rationed), 0.0);
    const auto v = s.values(Metric::module_deliveries);
    return std::vector<double>(v.begin(), v.end());
  };
  const auto priced_up = deliveries(model::Unfunded::priced_up);
  EXPECT_GT(std::accumulate(priced_up.begin(), priced_up.end(), 0.0), 50);
  EXPECT_EQ(deliveries(model::Unfunded::rationed), priced_up);
}

TEST(Money, ABuyerWhoseBudgetIsSpentLeavesItsSuppliersTheFee) {
  const auto supplier_fees = [](double budget) {
    model::Description m = test::small_world(2000, 18);
    m.countries[0].supplier_share = 0.8;
    m.phases[0].plans[0].subsidy_share.fill(0.2);  // room for the buyer's share above the subsidy
    m.funders.push_back(lead_buyers(m, budget));
    const Series s = run_one(m, 0);
    double fees = 0, deliveries = 0;
    for (int t = 3; t < s.steps(); ++t) {
      fees += s.at(Metric::revenue_usd, t, 0, static_cast<int>(model::Source::enterprise));
      deliveries += s.at(Metric::module_deliveries, t, 0);
    }
    return fees / deliveries;
  };
  EXPECT_GT(supplier_fees(2000), supplier_fees(1e7) * 1.2) << "a spent budget raises the fee";
}

TEST(Money, BuyerFundersSignDistinctBuyers) {
  model::Description m = test::small_world(200, 12);
  m.funders.push_back(lead_buyers(m, 1000));
  m.funders.back().buyers = 3;
  m.funders.push_back(lead_buyers(m, 1000));
  m.funders.back().buyers = 4;
  Simulation sim(m, 0);
  const int first = sim.state().countries[0].first_buyer, n = m.countries[0].buyers;
  const BuyerSpan a = signed_buyers(sim.state(), 2, 0), b = signed_buyers(sim.state(), 3, 0);
  EXPECT_EQ(a.last, first + n) << "named partnerships count down from the last buyer";
  EXPECT_EQ(a.first, first + n - 3);
  EXPECT_EQ(b.last, a.first);
  EXPECT_EQ(b.first, a.first - 4);
}

// The donor in francs with a rate that changes, earmarked to country 1; a
// second donor earmarked to country 0's delivery and paying for 9 months
// across the phase change; the ILO on a schedule that leaves a fifth of
// each phase unplanned.
model::Description managed_budgets_world() {
  model::Description m = two_phase_world();
  m.currencies.push_back({"CHF", 2010, {1.1, 0.95}});
  m.funders[0].currency = 0;
  m.funders[0].countries = {false, true};
  model::Funder earmarked = m.funders[0];
  earmarked.id = "E";
  earmarked.currency = -1;
  earmarked.countries = {true, false};
  earmarked.pacing = model::Pacing::none;
  earmarked.lines = {true, false, false, false, false};
  earmarked.first_step = 6;
  earmarked.last_step = 14;
  earmarked.budget = {30000, 30000};
  m.funders.push_back(earmarked);
  model::Funder& ilo = m.funders[1];
  ilo.pacing = model::Pacing::schedule;
  ilo.scheduled.assign(static_cast<std::size_t>(m.steps), 0.0);
  for (std::size_t p = 0; p < m.phases.size(); ++p)
    for (int t = m.phases[p].first_step; t <= m.phases[p].last_step; ++t)
      ilo.scheduled[static_cast<std::size_t>(t)] =
          0.8 * ilo.budget[p] * (t - m.phases[p].first_step + 1) / 12.0;
  return m;
}

TEST(Money, IsConservedWithCurrenciesWindowsEarmarksAndSchedules) {
  for (const model::Unspent unspent : {model::Unspent::lapse, model::Unspent::carry_over}) {
    model::Description m = managed_budgets_world();
    for (auto& f : m.funders) f.unspent = unspent;
    const std::vector<FunderState> ledgers = run_checking_money(m, [](const Simulation& sim, int t) {
      // Country 0 gets donor money only from the earmarked donor: for
      // delivery, and only in its months.
      const double donor = at(sim, Metric::funds_spent_usd, t, 0, model::Source::donor);
      EXPECT_NEAR(donor, at(sim, Metric::revenue_usd, t, 0, model::Source::donor), 1e-6) << "month " << t;
      if (t < 6 || t > 14) {
        EXPECT_EQ(donor, 0.0) << "month " << t;
      }
    });
    EXPECT_GT(ledgers[3].spent_total, 0.0) << "the earmarked donor paid in its country";
    EXPECT_GT(ledgers[1].lapsed_total + ledgers[1].carry_out, 0.0)
        << "the ILO's unplanned fifth is never spent";
  }
}

// A provider with five certified trainers and nothing earned this month.
Provider idle_provider(const model::Behaviour& b, double reserves) {
  Provider p;
  p.certified = 5;
  p.reserves = reserves;
  p.own_revenue_window.assign(static_cast<std::size_t>(b.independence_window_months), 0.0);
  p.cost_window = p.own_revenue_window;
  return p;
}

TEST(Providers, PayTheirTrainersAndLetThemGoOnlyWhenTheyCannot) {
  model::Description m = test::small_world(100, 12);
  m.behaviour.trainer_usd_per_month = 300;
  Simulation sim(m, 0);
  State& s = sim.state();
  s.providers = {idle_provider(m.behaviour, 1e6), idle_provider(m.behaviour, 1000)};
  settle_providers(s);
  EXPECT_NEAR(s.providers[0].reserves, 1e6 - 500 - 5 * 300, 1e-9) << "overhead and five trainers paid";
  EXPECT_EQ(s.providers[0].certified, 5) << "reserves still pay them";
  EXPECT_EQ(s.providers[1].certified, 4) << "reserves spent: one trainer is let go";
  m.behaviour.trainer_usd_per_month = 0;
  Simulation unpaid(m, 0);
  unpaid.state().providers = {idle_provider(m.behaviour, -1e6)};
  settle_providers(unpaid.state());
  EXPECT_EQ(unpaid.state().providers[0].certified, 5) << "trainers that cost nothing are kept";
}

TEST(Money, ProvidersAbsorbTheGapOnlyWhenTheScenarioSaysSo) {
  model::Description m = test::small_world();
  m.funders[0].budget = {150000};  // the donor runs out
  EXPECT_EQ(total(run_one(m, 0), Metric::delivery_shortfall_usd), 0.0);
  m.phases[0].unfunded = model::Unfunded::absorbed;
  EXPECT_GT(total(run_one(m, 0), Metric::delivery_shortfall_usd), 0.0);
  m.phases[0].unfunded = model::Unfunded::rationed;
  const Series rationed = run_one(m, 0);
  EXPECT_GT(total(rationed, Metric::seats_rationed), 0.0);
  EXPECT_EQ(total(rationed, Metric::delivery_shortfall_usd), 0.0);
}

TEST(Money, MoneyThatRunsOutRaisesFeesAndLowersEnrolment) {
  model::Description m = test::small_world();
  const Series funded = run_one(m, 0);
  m.funders[0].budget = {60000};
  const Series cut = run_one(m, 0);
  const auto mean_fee = [](const Series& s) {
    double fees = 0;
    for (int t = 0; t < s.steps(); ++t)
      for (int c = 0; c < s.countries(); ++c)
        fees += s.at(Metric::revenue_usd, t, c, static_cast<int>(model::Source::enterprise));
    return fees / total(s, Metric::module_deliveries);
  };
  EXPECT_GT(mean_fee(cut), mean_fee(funded) * 1.2);
  EXPECT_LT(total(cut, Metric::module_deliveries), total(funded, Metric::module_deliveries));
  EXPECT_GT(total(cut, Metric::firms_priced_out), total(funded, Metric::firms_priced_out));
}

TEST(Money, ADonorBudgetIsNeverOverspent) {
  model::Description m = test::small_world();
  m.funders[0].budget = {100000};
  m.funders[1].budget = {20000};
  Simulation sim(m, 0);
  while (!sim.finished()) {
    sim.step();
    for (std::size_t j = 0; j < m.funders.size(); ++j)
      EXPECT_LE(sim.state().funders[j].spent_phase, m.funders[j].budget[0] + 1e-6);
  }
  EXPECT_NEAR(sim.state().funders[0].spent_phase, 100000, 1.0)
      << "demand exceeds this budget: it is spent in full";
}

TEST(Awareness, WithoutChannelsNoFirmHearsOfScore) {
  model::Description m = test::small_world();
  for (auto& plan : m.phases[0].plans) plan.marketing_usd_per_month = 0;
  m.behaviour.association_awareness = 0;
  m.behaviour.buyer_awareness = 0;
  EXPECT_EQ(total(run_one(m, 0), Metric::firms_aware), 0);
}

// Each channel, alone, reaches the share of its firms the ODD says, on
// average over replications (the channels are sampled, not scanned).
double first_month_aware(const model::Description& m, int reps) {
  double aware = 0;
  for (int r = 0; r < reps; ++r) {
    Simulation sim(m, static_cast<std::uint32_t>(r));
    sim.step();
    aware += sim.series().at(Metric::firms_aware, 0, 0);
  }
  return aware / reps;
}

model::Description one_channel_world() {
  model::Description m = test::small_world(20000, 2);
  for (auto& plan : m.phases[0].plans) plan.marketing_usd_per_month = 0;
  m.behaviour.association_awareness = m.behaviour.buyer_awareness = m.behaviour.peer_awareness = 0;
  return m;
}

TEST(Awareness, MarketingReachesItsFirmsPerDollar) {
  model::Description m = one_channel_world();
  for (auto& plan : m.phases[0].plans) plan.marketing_usd_per_month = 5000;
  const double expected = m.behaviour.marketing_reach_per_1000_usd * 5;  // 100 firms a month
  EXPECT_NEAR(first_month_aware(m, 60), expected, 4 * std::sqrt(expected / 60));
}

TEST(Awareness, PartnerBuyersReachTheirSuppliers) {
  model::Description m = one_channel_world();
  m.behaviour.buyer_awareness = 0.1;
  for (auto& plan : m.phases[0].plans)
    plan.buyer_partnerships = 10;  // partnerships ramp up: one in the first month
  double aware = 0, expected = 0;
  const int reps = 40;
  for (int r = 0; r < reps; ++r) {
    Simulation sim(m, static_cast<std::uint32_t>(r));
    sim.step();
    aware += sim.series().at(Metric::firms_aware, 0, 0);
    expected += 0.1 * static_cast<double>(
                          boost::out_degree(std::uint32_t{0}, sim.state().networks.buyer_suppliers.get()));
  }
  EXPECT_NEAR(aware / reps, expected / reps, 4 * std::sqrt(expected / reps * 0.9 / reps));
}

TEST(Training, ModulesCompleteAfterTheirDuration) {
  const model::Description m = test::small_world();
  const Series s = run_one(m, 0);
  double started = 0, completed = 0;
  for (int t = 0; t < m.steps; ++t) {
    for (int c = 0; c < 2; ++c)
      for (int k = 0; k < model::kModules; ++k) {
        completed += s.at(Metric::modules_completed, t, c, k);
        if (t >= 3) started += s.at(Metric::module_deliveries, t - 3, c, k);
      }
    EXPECT_EQ(completed, started) << "month " << t;  // every start completes exactly 3 months later
  }
}

TEST(Outcomes, AdoptionShareMatchesItsProbability) {
  model::Description m = test::small_world(6000, 60);
  m.behaviour.adoption_probability = 0.78;
  const Series s = run_one(m, 0);
  double trained = 0, adopting = 0;
  for (int c = 0; c < 2; ++c) {
    trained += s.at(Metric::firms_trained_total, m.steps - 1, c);
    adopting += s.at(Metric::firms_adopting, m.steps - 1, c);
  }
  ASSERT_GT(trained, 300);
  // Firms with several modules have several chances to adopt, so the share is at least the probability.
  EXPECT_GE(adopting / trained, 0.74);
  EXPECT_LE(adopting / trained, 0.95);
}

TEST(Providers, UnsupportedProvidersWithoutDemandDropOut) {
  model::Description m = test::small_world();
  m.behaviour.enrol_rate = 0;  // nobody enrols: providers only lose money
  m.behaviour.loss_months_to_drop = 6;
  Simulation sim(m, 0);
  while (!sim.finished()) sim.step();
  int old = 0;
  for (const Provider& p : sim.state().providers) {
    // Losses count from certification on: providers older than that plus
    // the loss run have had time to drop out.
    if (p.joined + m.behaviour.supervised_months + m.behaviour.loss_months_to_drop >= m.steps - 1) continue;
    ++old;
    EXPECT_FALSE(p.active) << "provider joined in month " << p.joined;
  }
  EXPECT_GT(old, 0);
}

// Without programme money a provider prices in its fixed costs, spread over
// the deliveries it expects, up to what the market bears; with the
// programme the price stays cost plus markup.
TEST(Providers, PriceInTheirFixedCostsOnlyOnTheirOwnBooks) {
  model::Description m = test::small_world(100, 12);
  m.behaviour.provider_markup = 0.2;
  m.behaviour.fixed_cost_pricing = 1;
  m.phases[0].last_step = 0;  // the programme ends after the first month
  Simulation sim(m, 0);
  sim.step();
  State& s = sim.state();
  plan_funding_month(s);  // the rules read month 1's funders
  CountryState& cs = s.countries[0];
  cs.provider_fixed_usd = 1000;
  cs.deliveries_per_month = 4;
  const double base = module_price(m, 0, 0);
  EXPECT_EQ(quote_delivery(s, 0, 0, false).price, base) << "the programme supports the country";
  cs.supported = false;
  EXPECT_NEAR(quote_delivery(s, 0, 0, false).price, base + 250, 1e-9) << "USD 1,000 over 4 deliveries";
  EXPECT_NEAR(quote_delivery(s, 0, 0, false).fee(), base + 250, 1e-9) << "no one else pays";
  m.behaviour.max_price_over_direct = 0.25;
  EXPECT_NEAR(quote_delivery(s, 0, 0, false).price, 1.25 * direct_cost(m, 0, 0), 1e-9) << "the market's cap";
  m.behaviour.fixed_cost_pricing = 0;
  EXPECT_EQ(quote_delivery(s, 0, 0, false).price, base) << "pricing on own books is off";
}

// Without programme money a provider pays for its own trainers' training
// from its reserves, up to its target, as far as the reserves go.
TEST(Providers, TrainTheirOwnTrainersWhileTheirReservesPay) {
  model::Description m = test::small_world(100, 12);
  m.behaviour.own_trainers_target = 3;
  m.phases[0].tot_usd_per_trainee = 3000;
  m.phases[0].last_step = 0;  // the programme ends after the first month
  for (model::Plan& plan : m.phases[0].plans) plan.trainers_per_year = 0;
  Simulation sim(m, 0);
  State& s = sim.state();
  s.providers = {idle_provider(m.behaviour, 1e6), idle_provider(m.behaviour, 7000)};
  for (Provider& p : s.providers) p.certified = 0;
  begin_month(s);
  train_trainers(s);
  EXPECT_TRUE(s.providers[0].trainees_ready.empty()) << "the programme still runs";
  s.step = 1;
  begin_month(s);
  train_trainers(s);
  EXPECT_EQ(s.providers[0].trainees_ready.size(), 3u) << "rich: up to its target";
  EXPECT_EQ(s.providers[1].trainees_ready.size(), 2u) << "USD 7,000 pays two trainees";
  EXPECT_NEAR(s.providers[1].month_cost, 6000, 1e-9);
  EXPECT_EQ(s.series.at(Metric::trainers_own_trained, 1, 0), 5);
}

// The calendar runs a year past the programme: providers pay their trainers,
// price in their fixed costs and train their own trainers. Money is still
// conserved every month, the price is the module price plus the fixed-cost
// part (within the cap), and the providers keep more trainers than without.
model::Description after_programme_world(bool own_books) {
  model::Description m = test::small_world(200, 36);
  m.phases[0].last_step = 17;
  m.phases[0].end = m.start.plus(17);
  m.behaviour.provider_markup = 0.2;
  m.behaviour.trainer_usd_per_month = 100;
  m.behaviour.trainer_attrition_per_month = 0.05;
  m.behaviour.fixed_cost_pricing = own_books ? 1 : 0;
  m.behaviour.own_trainers_target = own_books ? 3 : 0;
  return m;
}

TEST(Money, IsConservedWithTrainerPayAndPricingOnOwnBooks) {
  const model::Description m = after_programme_world(true);
  run_checking_money(m, [&](const Simulation& sim, int t) {
    const Series& s = sim.series();
    for (int c = 0; c < s.countries(); ++c) {
      double base = 0, cap = 0;
      for (int k = 0; k < model::kModules; ++k) {
        const double n = s.at(Metric::module_deliveries, t, c, k);
        base += n * module_price(m, c, k);
        cap += n * direct_cost(m, c, k) * (1 + m.behaviour.max_price_over_direct);
      }
      const double fixed = s.at(Metric::fixed_cost_priced_usd, t, c);
      EXPECT_NEAR(s.at(Metric::delivery_cost_usd, t, c), base + fixed, 1e-6 * (1 + base)) << "month " << t;
      EXPECT_LE(base + fixed, cap + 1e-6) << "month " << t;
      if (t <= 17) {
        EXPECT_EQ(fixed, 0.0) << "month " << t;
        EXPECT_EQ(s.at(Metric::trainers_own_trained, t, c), 0.0) << "month " << t;
      }
      EXPECT_LE(s.at(Metric::providers_dropped_idle, t, c), s.at(Metric::providers_dropped, t, c));
    }
  });
  const Series with = run_one(m, 0);
  const Series without = run_one(after_programme_world(false), 0);
  EXPECT_GT(total(with, Metric::fixed_cost_priced_usd), 0.0);
  EXPECT_GT(total(with, Metric::trainers_own_trained), 0.0);
  EXPECT_EQ(total(without, Metric::trainers_own_trained), 0.0);
  double trainers_with = 0, trainers_without = 0;
  for (int c = 0; c < with.countries(); ++c) {
    trainers_with += with.at(Metric::trainers_certified, m.steps - 1, c);
    trainers_without += without.at(Metric::trainers_certified, m.steps - 1, c);
  }
  EXPECT_GT(trainers_with, trainers_without) << "providers that train their own keep more trainers";
}

// Own books are per country: where the programme has left (an exit) its
// providers price in their fixed costs and train their own trainers, while
// the programme still runs, unchanged, in the other country.
TEST(Providers, GoOnTheirOwnBooksWhereTheProgrammeLeftWhileItRunsElsewhere) {
  model::Description m = test::small_world(100, 12);
  m.behaviour.fixed_cost_pricing = 1;
  m.behaviour.own_trainers_target = 3;
  m.phases[0].plans[0].exit_step = 2;
  for (model::Plan& plan : m.phases[0].plans) plan.trainers_per_year = 0;
  Simulation sim(m, 0);
  State& s = sim.state();
  s.providers = {idle_provider(m.behaviour, 1e6), idle_provider(m.behaviour, 1e6)};
  s.providers[1].country = 1;
  for (Provider& p : s.providers) p.certified = 0;
  s.step = 2;
  begin_month(s);
  ASSERT_TRUE(s.countries[1].supported) << "the programme still runs in country 1";
  EXPECT_TRUE(on_own_books(s, 0)) << "the programme left country 0";
  EXPECT_FALSE(on_own_books(s, 1));
  for (CountryState& cs : s.countries) {
    cs.provider_fixed_usd = 1000;
    cs.deliveries_per_month = 4;
  }
  EXPECT_GT(fixed_cost_in_price(s, 0, 0), 0.0);
  EXPECT_EQ(fixed_cost_in_price(s, 1, 0), 0.0) << "the programme's plan sets the price";
  train_trainers(s);
  EXPECT_EQ(s.providers[0].trainees_ready.size(), 3u) << "trains its own";
  EXPECT_TRUE(s.providers[1].trainees_ready.empty()) << "the programme trains (or not) its trainers";
}

// Months of settling for one provider with no client: the month it drops
// out (or -1 if it is still open after `months`).
int month_dropped(const model::Description& m, int step, double reserves, int months) {
  Simulation sim(m, 0);
  State& s = sim.state();
  s.providers = {idle_provider(m.behaviour, reserves)};
  s.step = step;
  for (int k = 1; k <= months; ++k) {
    begin_month(s);
    settle_providers(s);
    if (!s.providers[0].active) return k;
  }
  return -1;
}

// On its own books a provider with reserves outlasts the run of losing
// months that used to close it, and closes when its reserves no longer
// cover its fixed costs; while the programme supports its country, or with
// the switch off, the run of losses alone decides as before.
TEST(Providers, OnTheirOwnBooksStayOpenWhileReservesCoverFixedCosts) {
  model::Description m = test::small_world(100, 12);
  m.phases[0].last_step = 0;  // the programme ends after the first month
  m.behaviour.loss_months_to_drop = 3;
  m.behaviour.reserves_keep_open = 1;
  const double overhead = m.behaviour.provider_overhead_usd_per_month;
  ASSERT_GT(overhead, 0.0);
  EXPECT_EQ(month_dropped(m, 1, 5.5 * overhead, 24), 5) << "reserves pay five months, then it closes";
  EXPECT_EQ(month_dropped(m, 1, 1e6, 24), -1) << "reserves cover years of overhead";
  EXPECT_EQ(month_dropped(m, 0, 1e6, 24), 3) << "the programme supports the country: losses decide";
  EXPECT_EQ(month_dropped(m, 1, 24.5 * overhead, 30), 24);
  // Five trainers paid an overhead each: the same reserves pay four months.
  m.behaviour.trainer_usd_per_month = overhead;
  EXPECT_EQ(month_dropped(m, 1, 24.5 * overhead, 30), 4) << "trainer pay is a fixed cost";
  m.behaviour.trainer_usd_per_month = 0;
  m.behaviour.reserves_keep_open = 0;
  EXPECT_EQ(month_dropped(m, 1, 1e6, 24), 3) << "switch off: reserves do not count";
}

// A provider with neither trainers nor trainees has nothing to deliver
// with: reserves do not keep it open, and it is counted as dropped idle.
TEST(Providers, OnTheirOwnBooksAnIdleProviderStillDropsAsIdle) {
  model::Description m = test::small_world(100, 12);
  m.phases[0].last_step = 0;
  m.behaviour.loss_months_to_drop = 3;
  m.behaviour.reserves_keep_open = 1;
  Simulation sim(m, 0);
  State& s = sim.state();
  s.providers = {idle_provider(m.behaviour, 1e6)};
  s.providers[0].certified = 0;
  s.step = 1;
  for (int k = 0; k < 3; ++k) {
    begin_month(s);
    settle_providers(s);
  }
  EXPECT_FALSE(s.providers[0].active);
  EXPECT_TRUE(s.providers[0].dropped_idle);
}

// One country left mid-phase, the other supported to the end, then a year
// on their own books everywhere, reserves keeping providers open: money is
// still conserved every month, and nothing of the own books shows in a
// country while the programme supports it.
TEST(Money, IsConservedWhenOwnBooksBeginInOneCountry) {
  model::Description m = after_programme_world(true);
  m.behaviour.reserves_keep_open = 1;
  m.phases[0].plans[0].exit_step = 8;
  double own_books_priced = 0;
  run_checking_money(m, [&](const Simulation& sim, int t) {
    const Series& s = sim.series();
    for (int c = 0; c < s.countries(); ++c) {
      const double fixed = s.at(Metric::fixed_cost_priced_usd, t, c);
      if (s.at(Metric::countries_supported, t, c) > 0) {
        EXPECT_EQ(fixed, 0.0) << "month " << t << ", country " << c;
        EXPECT_EQ(s.at(Metric::trainers_own_trained, t, c), 0.0) << "month " << t << ", country " << c;
      } else if (t <= 17) {
        own_books_priced += fixed + s.at(Metric::trainers_own_trained, t, c);
      }
    }
  });
  EXPECT_GT(own_books_priced, 0.0) << "country 0 ran on its own books while country 1 was supported";
}

}  // namespace
}  // namespace score::sim
