// Building phases (with their per-country plans), funders and behaviour.
#include <algorithm>
#include <cstdio>
#include <optional>

#include "scenario/access.hpp"
#include "scenario/build.hpp"

namespace score::scenario {
namespace {

using detail::at;

std::string format_share(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

int country_index(const model::Description& m, const std::string& id) {
  for (int c = 0; c < static_cast<int>(m.countries.size()); ++c)
    if (m.countries[static_cast<std::size_t>(c)].id == id) return c;
  return -1;
}

// A lever's value for one country: the country's override wins over the
// phase-wide value, which falls back to the schema default.
double lever(Reader& r, const std::string& phase, const std::string& country, std::string_view name) {
  const std::string specific = phase + ".country." + country + "." + std::string(name);
  return r.has(specific) ? r.number(specific) : r.number(at(phase, name));
}

// A per-module lever: country+module, country, phase+module, phase.
// Where a per-module lever's value is written: country+module, country,
// phase+module, phase.
std::string module_lever_path(Reader& r, const std::string& phase, const std::string& country,
                              const char* module, std::string_view name) {
  const std::string cp = phase + ".country." + country;
  for (const std::string& path : {cp + ".modules." + module + "." + std::string(name), at(cp, name),
                                  phase + ".modules." + module + "." + std::string(name)})
    if (r.has(path)) return path;
  return at(phase, name);
}

double module_lever(Reader& r, const std::string& phase, const std::string& country, const char* module,
                    std::string_view name) {
  return r.number(module_lever_path(r, phase, country, module, name));
}

// Programme money (donor subsidy and ILO) cannot pay more than the whole
// price. (A fee_share that leaves less room than the subsidy is not an
// error: the fee is the firm's least share, and the subsidy stops there.)
// Reported once, at the subsidy share that was written (a phase-wide value
// once for the phase, not once per country), and not at all when either
// share is already wrong on its own.
void check_shares(Reader& r, const std::string& phase, const std::string& country, const model::Plan& plan) {
  const std::string ilo = r.has(at(phase + ".country." + country, "ilo_share"))
                              ? at(phase + ".country." + country, "ilo_share")
                              : at(phase, "ilo_share");
  if (!r.valid(ilo)) return;
  for (int k = 0; k < model::kModules; ++k) {
    const auto u = static_cast<std::size_t>(k);
    if (plan.subsidy_share[u] + plan.ilo_share <= 1.0 + 1e-9) continue;
    const std::string subsidy = module_lever_path(r, phase, country, model::module_ids()[u], "subsidy_share");
    if (!r.valid(subsidy)) continue;
    r.error(subsidy, "shares do not add up: subsidy_share " + format_share(plan.subsidy_share[u]) +
                         " + ilo_share " + format_share(plan.ilo_share) + " exceed the whole price (1)");
  }
}

// Where a country's entry or exit month is written: for the country, else
// for the whole phase; "" when neither is.
std::string window_path(Reader& r, const std::string& phase, const std::string& country, const char* name) {
  const std::string specific = phase + ".country." + country + "." + name;
  if (r.has(specific)) return specific;
  return r.has(at(phase, name)) ? at(phase, name) : std::string();
}

// A month of the country's window, checked against the calendar and the
// phase; nullopt when absent or wrong (the problem is recorded where the
// month was written).
std::optional<YearMonth> window_month(Reader& r, const model::Description& m, const std::string& path,
                                      const model::Phase& ph, const char* what) {
  if (path.empty()) return std::nullopt;
  const auto month = r.month(path);
  if (!month) return std::nullopt;
  const std::string text = std::string("the ") + what + " month (" + format_year_month(*month) + ")";
  const bool calendar_valid = r.valid("calendar.start") && r.valid("calendar.end");
  if (calendar_valid && (*month < m.start || *month > m.end)) {
    r.error(path, text + " lies outside the calendar (" + format_year_month(m.start) + " to " +
                      format_year_month(m.end) + ")");
    return std::nullopt;
  }
  if (*month < ph.start || *month > ph.end) {
    r.error(path, std::string("the ") + what + " month must lie inside the phase");
    return std::nullopt;
  }
  return month;
}

// The months a country's plan is in force: from its entry (a country that
// joins a phase late; the plan of its previous phase stays in force until
// then) to its exit (support stops, the plan stays in force).
void read_window(Reader& r, const model::Description& m, const std::string& phase, const std::string& country,
                 const model::Phase& ph, model::Plan& plan) {
  const std::string entry_path = window_path(r, phase, country, "entry");
  const std::string exit_path = window_path(r, phase, country, "exit");
  const auto entry = window_month(r, m, entry_path, ph, "entry");
  const auto exit = window_month(r, m, exit_path, ph, "exit");
  if (entry) plan.entry_step = ph.first_step + months_between(ph.start, *entry);
  if (exit) plan.exit_step = ph.first_step + months_between(ph.start, *exit);
  if (entry && exit && !(*entry < *exit))
    r.error(entry_path, "the entry month (" + format_year_month(*entry) +
                            ") must come before the exit month (" + format_year_month(*exit) + ")");
}

model::Plan read_plan(Reader& r, const model::Description& m, const std::string& phase,
                      const std::string& country, const model::Phase& ph) {
  model::Plan plan;
  plan.active = true;
  for (int k = 0; k < model::kModules; ++k) {
    const char* mod = model::module_ids()[static_cast<std::size_t>(k)];
    plan.subsidy_share[static_cast<std::size_t>(k)] = module_lever(r, phase, country, mod, "subsidy_share");
    plan.fee_share[static_cast<std::size_t>(k)] = module_lever(r, phase, country, mod, "fee_share");
  }
  plan.ilo_share = lever(r, phase, country, "ilo_share");
  check_shares(r, phase, country, plan);
  plan.trainers_per_year = lever(r, phase, country, "trainers_per_year");
  plan.providers_onboarded = static_cast<int>(lever(r, phase, country, "providers_onboarded"));
  for (int t = 0; t < model::kProviderTypes; ++t)
    plan.provider_mix[static_cast<std::size_t>(t)] =
        lever(r, phase, country,
              std::string("provider_mix.") + model::provider_type_names()[static_cast<std::size_t>(t)]);
  plan.marketing_usd_per_month = lever(r, phase, country, "marketing_usd_per_month");
  plan.national_staff_usd_per_month = lever(r, phase, country, "national_staff_usd_per_month");
  plan.buyer_partnerships = static_cast<int>(lever(r, phase, country, "buyer_partnerships"));
  plan.buyer_share = lever(r, phase, country, "buyer_share");
  plan.licences = static_cast<int>(lever(r, phase, country, "licences"));
  plan.licence_fee_usd_per_year = lever(r, phase, country, "licence_fee_usd_per_year");
  read_window(r, m, phase, country, ph, plan);
  return plan;
}

void read_lines(Reader& r, const std::string& p, model::Phase& ph) {
  const auto lines = r.strings(at(p, "donor_pays"));
  auto has = [&](const char* line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
  ph.donor_pays_delivery = has("delivery");
  ph.donor_pays_trainers = has("trainers");
  ph.donor_pays_marketing = has("marketing");
  ph.donor_pays_staff = has("staff");
  ph.donor_pays_overhead = has("overhead");
}

void read_phase(Reader& r, model::Description& m, const std::string& id) {
  const std::string p = "phases." + id;
  model::Phase ph;
  ph.id = id;
  ph.name = r.string(at(p, "name"));
  ph.strategy = r.string(at(p, "strategy"));
  const auto start = r.month(at(p, "start"));
  const auto end = r.month(at(p, "end"));
  if (!start || !end) return;
  ph.start = *start;
  ph.end = *end;
  if (*end < *start)
    r.error(at(p, "end"), "the phase ends before it starts (" + format_year_month(*start) + ")");
  const bool calendar_valid = r.valid("calendar.start") && r.valid("calendar.end");
  if (calendar_valid && (*start < m.start || *end > m.end))  // at the month that leaves the calendar
    r.error(at(p, *end > m.end ? "end" : "start"),
            "the phase (" + format_year_month(*start) + " to " + format_year_month(*end) +
                ") lies outside the calendar (" + format_year_month(m.start) + " to " +
                format_year_month(m.end) + ")");
  ph.first_step = months_between(m.start, *start);
  ph.last_step = months_between(m.start, *end);
  ph.global_overhead_usd_per_month = r.number(at(p, "global_overhead_usd_per_month"));
  ph.tot_usd_per_trainee = r.number(at(p, "tot_usd_per_trainee"));
  read_lines(r, p, ph);
  const std::string unfunded = r.string(at(p, "unfunded_seats"));
  ph.unfunded = unfunded == "rationed"   ? model::Unfunded::rationed
                : unfunded == "absorbed" ? model::Unfunded::absorbed
                                         : model::Unfunded::priced_up;
  ph.plans.resize(m.countries.size());
  const auto active = r.strings(at(p, "countries"));
  for (const std::string& cid : active) {
    const int c = country_index(m, cid);
    if (c < 0) {
      r.error(at(p, "countries"), "unknown country '" + cid + "' (not under [countries])");
      continue;
    }
    ph.plans[static_cast<std::size_t>(c)] = read_plan(r, m, p, cid, ph);
  }
  for (const std::string& cid : r.keys(at(p, "country")))
    if (std::find(active.begin(), active.end(), cid) == active.end())
      r.error(p + ".country." + cid, "country '" + cid + "' is not in " + p + ".countries");
  for (const std::string& mod : r.keys(at(p, "modules")))
    if (std::find(model::module_ids().begin(), model::module_ids().end(), mod) == model::module_ids().end())
      r.error(p + ".modules." + mod, "modules are M1, M2, M3, M4 and M5");
  m.phases.push_back(std::move(ph));
}

// Phase b starts before phase a ends: reported at whichever of the two
// months was written later (a variant's change, not the base it broke).
void report_overlap(Reader& r, const model::Phase& a, const model::Phase& b) {
  const std::string a_end = "phases." + a.id + ".end", b_start = "phases." + b.id + ".start";
  const Document& doc = r.document();
  const toml::node* a_node = find_node(doc.root, a_end);
  const toml::node* b_node = find_node(doc.root, b_start);
  const std::string starts = "phase " + b.id + " starts (" + format_year_month(b.start) + ")";
  const std::string ends = "phase " + a.id + " ends (" + format_year_month(a.end) + ")";
  if (a_node && b_node && doc.before(b_node->source(), a_node->source()))
    r.error(a_end, ends + " after " + starts);
  else
    r.error(b_start, starts + " before " + ends);
}

}  // namespace

void read_phases(Reader& r, model::Description& m) {
  for (const std::string& id : r.keys("phases")) read_phase(r, m, id);
  std::vector<std::size_t> order(m.phases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return m.phases[a].start < m.phases[b].start; });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const model::Phase& a = m.phases[order[k - 1]];
    const model::Phase& b = m.phases[order[k]];
    if (b.start <= a.end) report_overlap(r, a, b);
  }
  std::vector<model::Phase> sorted;
  for (std::size_t i : order) sorted.push_back(std::move(m.phases[i]));
  m.phases = std::move(sorted);
}

namespace {

int phase_index(const model::Description& m, const std::string& id) {
  const auto it = std::find_if(m.phases.begin(), m.phases.end(), [&](const auto& ph) { return ph.id == id; });
  return it == m.phases.end() ? -1 : static_cast<int>(it - m.phases.begin());
}

std::array<bool, model::kModules> module_set(Reader& r, const std::string& path) {
  std::array<bool, model::kModules> set{};
  for (std::int64_t mod : r.integers(path)) {
    if (mod < 1 || mod > model::kModules) {  // the schema's range may not reach every place a list is read
      r.error(path, "module numbers run from 1 to " + std::to_string(model::kModules));
      continue;
    }
    set[static_cast<std::size_t>(mod - 1)] = true;
  }
  return set;
}

// The kind, from the source table: an unknown kind is an error, never a default.
void read_kind(Reader& r, const std::string& p, model::Funder& f) {
  const std::string kind = r.string(at(p, "kind"));
  if (!model::funder_kind_from_name(kind, f.kind))
    r.error(at(p, "kind"), "unknown funder kind '" + kind + "'");
}

void read_country(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  const std::string country = r.string(at(p, "country"));
  const std::string kind = model::payer_info(f.kind).name;
  if (f.kind == model::FunderKind::buyer) {
    if (!country.empty())
      r.error(at(p, "country"), "a buyer funder is signed in countries (a list), not one country");
  } else if (model::payer_info(f.kind).tie != model::Tie::programme) {
    f.country = country_index(m, country);
    if (f.country < 0)
      r.error(at(p, "country"), "a " + kind + " funder needs a country defined under [countries]" +
                                    (country.empty() ? std::string() : ", not '" + country + "'"));
  } else if (!country.empty()) {
    r.error(at(p, "country"), "a " + kind + " funder is not tied to a country");
  }
}

// Only a levy fund pays by firm size: for other kinds the key is an error.
void read_levy_threshold(Reader& r, const std::string& p, model::Funder& f) {
  f.min_employees = r.number(at(p, "min_employees"));
  if (r.has(at(p, "min_employees")) && model::payer_info(f.kind).share != model::ShareRule::levy_fee_share)
    r.error(at(p, "min_employees"),
            std::string("a ") + model::payer_info(f.kind).name +
                " funder pays for every firm it covers; min_employees is a levy's threshold");
}

// Budgets, shares and modules per phase: a phase's own setting never
// changes another phase.
// A phase written under [phases] but left out of the model for a problem of
// its own is known: only a phase never written is reported here.
void check_phase_known(Reader& r, const std::string& key, const std::string& phase) {
  const std::vector<std::string> written = r.keys("phases");
  if (std::find(written.begin(), written.end(), phase) == written.end())
    r.error(key, "unknown phase '" + phase + "' (not under [phases])");
}

// Budgets per phase: budget in the funder's currency, or budget_usd in US
// dollars (for a funder in another currency, converted at the rate of the
// phase's first year, so a variant may still cut a franc budget in
// dollars); not both for one phase.
void read_budgets(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  f.budget.assign(m.phases.size(), 0.0);
  std::vector<bool> written(m.phases.size(), false);
  for (const char* table : {"budget", "budget_usd"}) {
    for (const std::string& phase : r.keys(at(p, table))) {
      const std::string key = at(at(p, table), phase);
      const int k = phase_index(m, phase);
      if (k < 0) {
        check_phase_known(r, key, phase);
        continue;
      }
      const auto u = static_cast<std::size_t>(k);
      if (written[u])
        r.error(key, "phase " + phase + "'s budget is written twice (under budget_usd and budget)");
      written[u] = true;
      const bool convert = f.currency >= 0 && std::string_view(table) == "budget_usd";
      f.budget[u] =
          r.number(key) /
          (convert ? m.currencies[static_cast<std::size_t>(f.currency)].rate(m.phases[u].start.year) : 1.0);
    }
  }
}

void read_phase_terms(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  read_budgets(r, m, p, f);
  f.share = r.number(at(p, "share"));
  f.modules = module_set(r, at(p, "modules"));
  f.phase_share.assign(m.phases.size(), f.share);
  f.phase_modules.assign(m.phases.size(), f.modules);
  for (const std::string& phase : r.keys(at(p, "phase"))) {
    const int k = phase_index(m, phase);
    const std::string q = p + ".phase." + phase;
    if (k < 0) {
      check_phase_known(r, q, phase);
      continue;
    }
    if (r.has(at(q, "share"))) f.phase_share[static_cast<std::size_t>(k)] = r.number(at(q, "share"));
    if (r.has(at(q, "modules")))
      f.phase_modules[static_cast<std::size_t>(k)] = module_set(r, at(q, "modules"));
  }
}

}  // namespace

void read_currencies(Reader& r, model::Description& m);
void read_funder_currency(Reader& r, const model::Description& m, const std::string& p, model::Funder& f);
void read_funder_money(Reader& r, const model::Description& m, const std::string& p, model::Funder& f);

void read_funders(Reader& r, model::Description& m) {
  read_currencies(r, m);
  for (const std::string& id : r.keys("funders")) {
    const std::string p = "funders." + id;
    model::Funder f;
    f.id = id;
    f.name = r.string(at(p, "name"));
    read_kind(r, p, f);
    read_country(r, m, p, f);
    read_funder_currency(r, m, p, f);
    read_phase_terms(r, m, p, f);
    const std::string pacing = r.string(at(p, "pacing"));
    f.pacing = pacing == "front_loaded" ? model::Pacing::front_loaded
               : pacing == "none"       ? model::Pacing::none
               : pacing == "schedule"   ? model::Pacing::schedule
                                        : model::Pacing::even;
    f.unspent =
        r.string(at(p, "unspent")) == "carry_over" ? model::Unspent::carry_over : model::Unspent::lapse;
    f.reliability = r.number(at(p, "reliability"));
    f.suppliers = static_cast<int>(r.integer(at(p, "suppliers")));
    read_levy_threshold(r, p, f);
    read_funder_money(r, m, p, f);
    m.funders.push_back(std::move(f));
  }
}

void read_behaviour(Reader& r, model::Behaviour& b) {
  struct Field {
    const char* key;
    double model::Behaviour::*number;
    int model::Behaviour::*integer;
  };
  using B = model::Behaviour;
  static const Field fields[] = {
      {"marketing_reach_per_1000_usd", &B::marketing_reach_per_1000_usd, nullptr},
      {"association_awareness", &B::association_awareness, nullptr},
      {"peer_awareness", &B::peer_awareness, nullptr},
      {"buyer_awareness", &B::buyer_awareness, nullptr},
      {"enrol_rate", &B::enrol_rate, nullptr},
      {"benefit_horizon_months", &B::benefit_horizon_months, nullptr},
      {"told_savings_usd", &B::told_savings_usd, nullptr},
      {"peer_weight", &B::peer_weight, nullptr},
      {"buyer_pressure", &B::buyer_pressure, nullptr},
      {"continuation", &B::continuation, nullptr},
      {"max_wait_months", &B::max_wait_months, nullptr},
      {"firms_per_classroom", &B::firms_per_classroom, nullptr},
      {"participants_per_firm", nullptr, &B::participants_per_firm},
      {"classrooms_per_trainer_month", &B::classrooms_per_trainer_month, nullptr},
      {"supervised_months", nullptr, &B::supervised_months},
      {"certification_probability", &B::certification_probability, nullptr},
      {"trainer_attrition_per_month", &B::trainer_attrition_per_month, nullptr},
      {"provider_overhead_usd_per_month", &B::provider_overhead_usd_per_month, nullptr},
      {"trainer_usd_per_month", &B::trainer_usd_per_month, nullptr},
      {"provider_markup", &B::provider_markup, nullptr},
      {"loss_months_to_drop", nullptr, &B::loss_months_to_drop},
      {"fixed_cost_pricing", &B::fixed_cost_pricing, nullptr},
      {"max_price_over_direct", &B::max_price_over_direct, nullptr},
      {"own_trainers_target", nullptr, &B::own_trainers_target},
      {"reserves_keep_open", nullptr, &B::reserves_keep_open},
      {"independence_window_months", nullptr, &B::independence_window_months},
      {"independence_cost_share", &B::independence_cost_share, nullptr},
      {"independence_min_trainers", nullptr, &B::independence_min_trainers},
      {"adoption_probability", &B::adoption_probability, nullptr},
      {"savings_probability", &B::savings_probability, nullptr},
      {"savings_max_usd_per_month", &B::savings_max_usd_per_month, nullptr},
      {"employees_log_sd", &B::employees_log_sd, nullptr},
      {"fee_capacity_log_sd", &B::fee_capacity_log_sd, nullptr},
  };
  for (const Field& f : fields) {
    const std::string path = std::string("behaviour.") + f.key;
    if (f.number)
      b.*f.number = r.number(path);
    else
      b.*f.integer = static_cast<int>(r.integer(path));
  }
}

}  // namespace score::scenario
