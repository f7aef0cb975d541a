#include "synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace score::bench {
namespace {

// The five phases, as shares of a 264-month run (2009-2030): the first four
// have the lengths of SCORE's own phases, the fifth is a scale-up.
constexpr int kPhases = 5;
constexpr std::array<int, kPhases> kPhaseMonths{57, 48, 50, 37, 72};
constexpr std::array<const char*, kPhases> kPhaseIds{"I", "II", "III", "IV", "V"};
constexpr std::array<const char*, kPhases> kStrategies{"direct", "institution_building", "buyer_led", "exit",
                                                       "scale_up"};

// Per-phase levers: subsidy, fee, trainers, onboarding, marketing, staff, budgets.
constexpr std::array<double, kPhases> kSubsidy{0.65, 0.6, 0.4, 0.2, 0.3};
constexpr std::array<double, kPhases> kFee{0.35, 0.3, 0.4, 0.5, 0.45};
constexpr std::array<double, kPhases> kTrainers{1.0, 1.0, 0.8, 0.2, 1.0};
constexpr std::array<int, kPhases> kOnboarding{2, 1, 1, 0, 1};
constexpr std::array<double, kPhases> kMarketing{1.0, 1.2, 1.2, 0.4, 1.0};
constexpr std::array<double, kPhases> kStaff{1.0, 1.0, 0.9, 0.45, 1.0};
constexpr std::array<double, kPhases> kDonor{1.0, 1.2, 1.1, 0.4, 1.0};
constexpr std::array<int, kPhases> kBuyers{0, 0, 2, 2, 3};

// Countries get unequal populations (a Zipf-like spread, the largest first).
std::vector<std::int64_t> country_sizes(std::int64_t firms, int countries) {
  double total = 0;
  for (int c = 0; c < countries; ++c) total += 1.0 / (1.0 + 0.3 * c);
  std::int64_t others = 0;
  std::vector<std::int64_t> rest;
  for (int c = 1; c < countries; ++c) {
    rest.push_back(std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::floor(static_cast<double>(firms) / (1.0 + 0.3 * c) / total))));
    others += rest.back();
  }
  std::vector<std::int64_t> size{std::max<std::int64_t>(1, firms - others)};  // the remainder to the largest
  size.insert(size.end(), rest.begin(), rest.end());
  return size;
}

// Phase boundaries: kPhaseMonths scaled to the run, each phase at least a month.
std::vector<std::pair<int, int>> phase_steps(int months) {
  const int phases = std::min(kPhases, months);
  int total = 0;
  for (int p = 0; p < phases; ++p) total += kPhaseMonths[static_cast<std::size_t>(p)];
  std::vector<std::pair<int, int>> out;
  int first = 0, cumulative = 0;
  for (int p = 0; p < phases; ++p) {
    cumulative += kPhaseMonths[static_cast<std::size_t>(p)];
    int last = p + 1 == phases
                   ? months - 1
                   : static_cast<int>(std::lround(static_cast<double>(months) * cumulative / total)) - 1;
    last = std::clamp(last, first, months - (phases - p));
    out.emplace_back(first, last);
    first = last + 1;
  }
  return out;
}

int active_countries(int phase, int countries) {
  switch (phase) {
    case 0:
      return (countries + 1) / 2;
    case 1:
      return std::max(1, static_cast<int>(std::ceil(0.65 * countries)));
    case 3:
      return countries > 1 ? countries - std::max(1, countries / 10) : countries;  // exits
    default:
      return countries;
  }
}

model::Country make_country(int c, std::int64_t firms) {
  model::Country k;
  k.id = "C" + std::to_string(c + 1);
  k.name = "Country " + std::to_string(c + 1);
  k.eligible_firms = firms;
  k.employees_min = 50;
  k.employees_max = 250;
  k.employees_median = 120 + 10 * (c % 6);
  k.manufacturing_share = 0.6 + 0.05 * (c % 5);
  k.value_added_per_worker_usd = 300 + 100 * (c % 10);
  k.trainer_day_usd = 250 + 50 * (c % 6);
  k.association_membership = 0.3;
  k.associations = static_cast<int>(std::clamp<std::int64_t>(firms / 3000, 5, 500));
  k.supplier_share = 0.2;
  k.buyers = static_cast<int>(std::clamp<std::int64_t>(firms / 5000, 5, 200));
  k.peer_degree = 4;
  k.cluster_size = 50;
  return k;
}

model::Plan make_plan(int phase, int c, const model::Country& k, int first_step, int last_step) {
  const auto p = static_cast<std::size_t>(phase);
  const double f = static_cast<double>(k.eligible_firms);
  model::Plan plan;
  plan.active = true;
  plan.subsidy_share.fill(kSubsidy[p]);
  plan.fee_share.fill(kFee[p]);
  plan.fee_share[0] = kFee[p] * 0.8;  // Module 1 is the door opener
  plan.ilo_share = 0.05;
  plan.trainers_per_year = std::max(2.0, f / 5000.0) * kTrainers[p];
  plan.providers_onboarded = kOnboarding[p] * std::max(1, static_cast<int>(std::lround(f / 20000.0)));
  plan.marketing_usd_per_month = (1000.0 + 0.04 * f) * kMarketing[p];
  plan.national_staff_usd_per_month = 9000.0 * kStaff[p];
  plan.buyer_partnerships = std::min(k.buyers, kBuyers[p]);
  plan.buyer_share = kBuyers[p] > 0 ? 0.3 : 0.0;
  if (c == 0 && phase >= 2) {
    plan.licences = 2;
    plan.licence_fee_usd_per_year = 10000;
  }
  // In the scale-up, one country in four hands over halfway through.
  if (phase == 4 && c % 4 == 3) plan.exit_step = first_step + (last_step - first_step + 1) / 2;
  return plan;
}

model::Funder funder(const char* id, const char* name, model::FunderKind kind) {
  model::Funder f;
  f.id = id;
  f.name = name;
  f.kind = kind;
  f.pacing = model::Pacing::none;  // the budgets were sized to be drawn as needed, not paced
  return f;
}

}  // namespace

std::optional<SyntheticSize> named_size(std::string_view name) {
  if (name == "small") return SyntheticSize{100'000, 15, 264, 20090101, 1};
  if (name == "large") return SyntheticSize{1'000'000, 15, 264, 20090102, 1};
  if (name == "huge") return SyntheticSize{10'000'000, 15, 264, 20090103, 1};
  return std::nullopt;
}

model::Description synthetic_scenario(const SyntheticSize& size) {
  model::Description m;
  m.name = "synthetic-" + std::to_string(size.firms) + "x" + std::to_string(size.countries) + "x" +
           std::to_string(size.months);
  m.start = {2009, 1};
  m.steps = size.months;
  m.end = m.start.plus(size.months - 1);
  m.seed = size.seed;
  m.replications = size.replications;

  const auto sizes = country_sizes(size.firms, size.countries);
  for (int c = 0; c < size.countries; ++c)
    m.countries.push_back(make_country(c, sizes[static_cast<std::size_t>(c)]));

  // Modules: effects of the order SCORE's Phase I firms reported.
  const std::array<std::array<double, model::kIndicators>, model::kModules> effects{{
      {0.18, 0.0, 0.0, 0.036, 0.0, 0.0},
      {0.12, 0.10, 0.0, 0.0, 0.0, 0.0},
      {0.08, 0.0, 0.0, 0.0, 0.02, 0.10},
      {0.08, 0.0, 0.0, 0.036, 0.0, 0.0},
      {0.0, 0.0, 0.16, 0.0, 0.0, 0.0},
  }};
  for (int k = 0; k < model::kModules; ++k) {
    model::Module& mod = m.modules[static_cast<std::size_t>(k)];
    mod.id = model::module_ids()[static_cast<std::size_t>(k)];
    mod.name = "Module " + std::to_string(k + 1);
    mod.effect_mean = effects[static_cast<std::size_t>(k)];
  }

  const auto steps = phase_steps(size.months);
  const double firms = static_cast<double>(size.firms);
  model::Funder seco = funder("DONOR_A", "Donor A", model::FunderKind::donor);
  model::Funder norad = funder("DONOR_B", "Donor B", model::FunderKind::donor);
  model::Funder ilo = funder("ILO", "International Labour Organization", model::FunderKind::ilo);
  const int gov_country = std::min(1, size.countries - 1), csr_country = std::min(2, size.countries - 1);
  model::Funder gov = funder("GOV", "Ministry of Labour", model::FunderKind::government);
  gov.country = gov_country;
  gov.share = 0.5;
  gov.modules = {true, false, false, false, false};
  gov.reliability = 0.9;
  model::Funder csr = funder("CSR", "Buyer foundation", model::FunderKind::csr);
  csr.country = csr_country;
  csr.share = 0.5;
  csr.suppliers =
      static_cast<int>(std::max<std::int64_t>(10, sizes[static_cast<std::size_t>(csr_country)] / 100));

  for (std::size_t p = 0; p < steps.size(); ++p) {
    const auto [first, last] = steps[p];
    model::Phase ph;
    ph.id = kPhaseIds[p];
    ph.name = std::string("Phase ") + kPhaseIds[p];
    ph.strategy = kStrategies[p];
    ph.first_step = first;
    ph.last_step = last;
    ph.start = m.start.plus(first);
    ph.end = m.start.plus(last);
    ph.global_overhead_usd_per_month = 4000.0 * size.countries;
    ph.tot_usd_per_trainee = 3000;
    const int active = active_countries(static_cast<int>(p), size.countries);
    for (int c = 0; c < size.countries; ++c)
      ph.plans.push_back(c < active ? make_plan(static_cast<int>(p), c,
                                                m.countries[static_cast<std::size_t>(c)], first, last)
                                    : model::Plan{});
    m.phases.push_back(std::move(ph));

    // Budgets in proportion to the population and the phase's length.
    const double years = (last - first + 1) / 12.0;
    seco.budget.push_back(3.0 * firms * years * kDonor[p]);
    norad.budget.push_back(1.2 * firms * years * kDonor[p]);
    ilo.budget.push_back(0.4 * firms * years);
    gov.budget.push_back(
        p >= 1 ? 2.0 * static_cast<double>(sizes[static_cast<std::size_t>(gov_country)]) * years : 0.0);
    csr.budget.push_back(p >= 2 ? 1500.0 * csr.suppliers : 0.0);
  }
  m.funders = {seco, norad, ilo, gov, csr};

  model::Behaviour& b = m.behaviour;
  b.enrol_rate = 0.03;
  b.continuation = 0.5;
  b.independence_cost_share = 0.2;
  b.marketing_reach_per_1000_usd = 2.0;
  b.trainer_attrition_per_month = 0.012;
  b.provider_markup = 0.2;
  b.provider_overhead_usd_per_month = 320;
  return m;
}

}  // namespace score::bench
