#include "scenario/build.hpp"

#include <algorithm>
#include <set>

#include "scenario/access.hpp"
#include "scenario/validate.hpp"

namespace score::scenario {
namespace {

constexpr int kMaxSteps = 1200;  // 100 years of months
constexpr std::int64_t kMaxFirms = 100'000'000;

using detail::at;

void read_calendar(Reader& r, model::Description& m) {
  m.name = r.string("scenario.name");
  m.seed = static_cast<std::uint64_t>(r.integer("run.seed"));
  m.replications = static_cast<int>(r.integer("run.replications"));
  const auto start = r.month("calendar.start");
  const auto end = r.month("calendar.end");
  if (!start || !end) return;
  m.start = *start;
  m.end = *end;
  m.steps = months_between(*start, *end) + 1;
  if (m.steps < 1) r.error("calendar.end", "ends before calendar.start (" + format_year_month(*start) + ")");
  if (m.steps > kMaxSteps)
    r.error("calendar.end", "the calendar spans " + std::to_string(m.steps) + " months; at most " +
                                std::to_string(kMaxSteps) + " are allowed");
}

void read_countries(Reader& r, model::Description& m) {
  std::int64_t total = 0;
  for (const std::string& id : r.keys("countries")) {
    const std::string p = "countries." + id;
    model::Country c;
    c.id = id;
    c.name = r.string(at(p, "name"));
    c.eligible_firms = r.integer(at(p, "eligible_firms"));
    c.employees_min = r.number(at(p, "employees_min"));
    c.employees_max = r.number(at(p, "employees_max"));
    c.employees_median = r.number(at(p, "employees_median"));
    const bool sizes_valid = r.valid(at(p, "employees_min")) && r.valid(at(p, "employees_median")) &&
                             r.valid(at(p, "employees_max"));
    if (sizes_valid && !(c.employees_min <= c.employees_median && c.employees_median <= c.employees_max))
      r.error(at(p, "employees_median"), "must lie between employees_min and employees_max");
    c.manufacturing_share = r.number(at(p, "manufacturing_share"));
    c.value_added_per_worker_usd = r.number(at(p, "value_added_per_worker_usd"));
    c.trainer_day_usd = r.number(at(p, "trainer_day_usd"));
    c.training_budget_share = r.number(at(p, "training_budget_share"));
    c.association_membership = r.number(at(p, "association_membership"));
    c.associations = static_cast<int>(r.integer(at(p, "associations")));
    c.supplier_share = r.number(at(p, "supplier_share"));
    c.buyers = static_cast<int>(r.integer(at(p, "buyers")));
    c.peer_degree = r.number(at(p, "peer_degree"));
    c.cluster_size = static_cast<int>(r.integer(at(p, "cluster_size")));
    if (r.valid(at(p, "eligible_firms"))) total += c.eligible_firms;
    m.countries.push_back(std::move(c));
  }
  if (m.countries.empty()) r.error("countries", "a scenario needs at least one country");
  if (total > kMaxFirms)
    r.error("countries", "the countries hold " + std::to_string(total) + " eligible firms in all; at most " +
                             std::to_string(kMaxFirms) + " are allowed");
}

void read_modules(Reader& r, model::Description& m) {
  const auto& ids = model::module_ids();
  for (const std::string& key : r.keys("modules"))
    if (std::find(ids.begin(), ids.end(), key) == ids.end())
      r.error("modules." + key, "modules are M1, M2, M3, M4 and M5");
  for (int k = 0; k < model::kModules; ++k) {
    const std::string p = std::string("modules.") + ids[static_cast<std::size_t>(k)];
    model::Module& mod = m.modules[static_cast<std::size_t>(k)];
    mod.id = ids[static_cast<std::size_t>(k)];
    mod.name = r.string(at(p, "name"));
    mod.trainer_days_per_firm = r.number(at(p, "trainer_days_per_firm"));
    mod.materials_usd_per_firm = r.number(at(p, "materials_usd_per_firm"));
    mod.duration_months = static_cast<int>(r.integer(at(p, "duration_months")));
    mod.effect_probability = r.number(at(p, "effect_probability"));
    for (int i = 0; i < model::kIndicators; ++i)
      mod.effect_mean[static_cast<std::size_t>(i)] =
          r.number(at(p, std::string("effect_") + model::indicator_names()[static_cast<std::size_t>(i)]));
  }
}

}  // namespace

void read_phases(Reader& r, model::Description& m);
void read_funders(Reader& r, model::Description& m);
void read_behaviour(Reader& r, model::Behaviour& b);

// Every problem in one pass: what each key says on its own (validate), then
// what the keys say together, leaving out keys already found wrong so that
// one mistake gives one message.
model::Description build_model(const Document& doc) {
  std::set<std::string> invalid;
  std::vector<Diagnostic> problems = validate(doc, invalid);
  Reader r(doc, std::move(invalid));
  model::Description m;
  read_calendar(r, m);
  read_countries(r, m);
  read_modules(r, m);
  read_phases(r, m);
  read_funders(r, m);
  read_behaviour(r, m.behaviour);
  problems.insert(problems.end(), r.diagnostics().begin(), r.diagnostics().end());
  if (problems.empty()) return m;
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return doc.before(a, b); });
  throw ScenarioError(std::move(problems));
}

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Scenario s;
  s.document = load_document(file, overrides);
  s.model = build_model(s.document);
  return s;
}

Scenario load_scenario(const ParsedChain& chain, const std::vector<std::string>& overrides) {
  Scenario s;
  s.document = chain.document(overrides, ParsedChain::Positions::all);
  s.model = build_model(s.document);
  return s;
}

model::Description load_model(const ParsedChain& chain, const std::vector<std::string>& overrides) {
  try {
    return build_model(chain.document(overrides, ParsedChain::Positions::keys));
  } catch (const ScenarioError&) {
    // Reported below, with the positions its values lost in the copy.
  }
  return build_model(chain.document(overrides, ParsedChain::Positions::all));
}

}  // namespace score::scenario
