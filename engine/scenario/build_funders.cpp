// Building a funder's money terms as donors manage them: the currency of its
// budget (with the scenario's yearly rates), the months it pays in, its
// earmarks (countries, cost lines) and a yearly spending schedule.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>

#include "scenario/access.hpp"
#include "scenario/build.hpp"

namespace score::scenario {
namespace {

using detail::at;

std::string money(double v) {
  char text[48];
  std::snprintf(text, sizeof text, "%.0f", v);
  return text;
}

// The year a key of a yearly table names ("2017"), or nothing.
std::optional<int> year_key(const std::string& key) {
  if (key.size() != 4 ||
      !std::all_of(key.begin(), key.end(), [](unsigned char ch) { return std::isdigit(ch); }))
    return std::nullopt;
  return std::stoi(key);
}

// A yearly table (year -> number), each key checked to be a year.
std::map<int, double> read_yearly(Reader& r, const std::string& table) {
  std::map<int, double> out;
  for (const std::string& key : r.keys(table)) {
    const auto year = year_key(key);
    if (!year)
      r.error(at(table, key), "keys of this table are years (YYYY), not '" + key + "'");
    else
      out[*year] = r.number(at(table, key));
  }
  return out;
}

std::string currency_name(const model::Description& m, const model::Funder& f) {
  return f.currency < 0 ? "USD" : m.currencies[static_cast<std::size_t>(f.currency)].id;
}

// The months the funder pays in: inside the calendar, start before end.
void read_window(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  const auto start = r.month_if(at(p, "start"));
  const auto end = r.month_if(at(p, "end"));
  const bool calendar = r.valid("calendar.start") && r.valid("calendar.end");
  for (const auto& [key, month] : {std::pair{"start", start}, std::pair{"end", end}})
    if (month && calendar && (*month < m.start || *month > m.end))
      r.error(at(p, key), format_year_month(*month) + " lies outside the calendar (" +
                              format_year_month(m.start) + " to " + format_year_month(m.end) + ")");
  if (start && end && *end < *start)
    r.error(at(p, "end"), "the funder stops before it starts (" + format_year_month(*start) + ")");
  if (start) f.first_step = std::max(0, months_between(m.start, *start));
  if (end) f.last_step = std::max(0, months_between(m.start, *end));
}

// Earmarks bind programme money (donor, ILO): a government or CSR funder is
// already tied to its country and pays delivery only. A buyer's countries
// are where its partnerships are signed.
void read_earmarks(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  const bool programme = model::payer_info(f.kind).tie == model::Tie::programme;
  const bool buyer = f.kind == model::FunderKind::buyer;
  const std::string kind = model::payer_info(f.kind).name;
  if (r.has(at(p, "countries"))) {
    if (!programme && !buyer)
      r.error(at(p, "countries"), "a " + kind + " funder is tied to its country; no earmark applies");
    f.countries.assign(m.countries.size(), false);
    for (const std::string& id : r.strings(at(p, "countries"))) {
      const auto it =
          std::find_if(m.countries.begin(), m.countries.end(), [&](const auto& c) { return c.id == id; });
      if (it == m.countries.end())
        r.error(at(p, "countries"), "unknown country '" + id + "' (not under [countries])");
      else
        f.countries[static_cast<std::size_t>(it - m.countries.begin())] = true;
    }
  }
  if (r.has(at(p, "lines"))) {
    if (!programme) r.error(at(p, "lines"), "a " + kind + " funder pays delivery only; no earmark applies");
    static const char* names[model::kCostLines] = {"delivery", "trainers", "marketing", "staff", "overhead"};
    const auto lines = r.strings(at(p, "lines"));
    for (int k = 0; k < model::kCostLines; ++k)
      f.lines[static_cast<std::size_t>(k)] = std::find(lines.begin(), lines.end(), names[k]) != lines.end();
  }
}

// Months of a year the funder pays in, inside the calendar.
int months_paying(const model::Description& m, const model::Funder& f, int year) {
  int n = 0;
  for (int t = 0; t < m.steps; ++t) n += m.start.plus(t).year == year && f.active_at(t) ? 1 : 0;
  return n;
}

// A yearly plan: each year's amount spread evenly over the months the funder
// pays in that year, cumulated from each phase's start; a phase may not plan
// more than its budget.
void read_schedule(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  const std::string table = at(p, "schedule");
  const bool planned = f.pacing == model::Pacing::schedule;
  if (!planned) {
    if (r.has(table)) r.error(table, "a schedule is read only with pacing = \"schedule\"");
    return;
  }
  const std::map<int, double> years = read_yearly(r, table);
  if (years.empty()) r.error(at(p, "pacing"), "pacing \"schedule\" needs a yearly table " + table);
  for (const auto& [year, amount] : years)
    if (months_paying(m, f, year) == 0)
      r.error(at(table, std::to_string(year)), "the funder pays in no month of " + std::to_string(year));
  f.scheduled.assign(static_cast<std::size_t>(m.steps), 0.0);
  for (std::size_t k = 0; k < m.phases.size(); ++k) {
    const model::Phase& ph = m.phases[k];
    double sum = 0;
    for (int t = ph.first_step; t <= ph.last_step && t < m.steps; ++t) {
      const int year = m.start.plus(t).year;
      const auto it = years.find(year);
      if (it != years.end() && f.active_at(t)) sum += it->second / months_paying(m, f, year);
      f.scheduled[static_cast<std::size_t>(t)] = sum;
    }
    if (sum > f.budget[k] * (1 + 1e-9) + 1e-6)
      r.error(table, "the schedule plans " + currency_name(m, f) + " " + money(sum) + " in phase " + ph.id +
                         ", more than its budget (" + money(f.budget[k]) + ")");
  }
}

}  // namespace

void read_currencies(Reader& r, model::Description& m) {
  for (const std::string& id : r.keys("currencies")) {
    const std::string table = "currencies." + id + ".usd_per_unit";
    if (id == "USD") r.error("currencies.USD", "USD is the unit of account (its rate is 1)");
    const std::map<int, double> rates = read_yearly(r, table);
    model::Currency c;
    c.id = id;
    if (rates.empty()) {
      r.error(table, "a currency needs its yearly rates to the US dollar");
    } else {
      c.first_year = rates.begin()->first;
      for (int y = c.first_year; y <= rates.rbegin()->first; ++y) {
        const auto it = rates.find(y);
        if (it == rates.end())
          r.error(table, "no rate for " + std::to_string(y) + ": give every year in between");
        c.usd_per_unit.push_back(it == rates.end() ? 1.0 : it->second);
      }
    }
    m.currencies.push_back(std::move(c));
  }
}

// The currency, read before the budgets (they are written in it).
void read_funder_currency(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  const std::string id = r.string(at(p, "currency"));
  if (id == "USD") return;
  for (std::size_t k = 0; k < m.currencies.size(); ++k)
    if (m.currencies[k].id == id) f.currency = static_cast<int>(k);
  if (f.currency < 0) r.error(at(p, "currency"), "unknown currency '" + id + "' (not under [currencies])");
}

// A buyer's partnerships: how many lead buyers it signs in each of its
// countries; the key belongs to buyers only.
void read_partnerships(Reader& r, const std::string& p, model::Funder& f) {
  const std::string key = at(p, "buyers");
  const bool buyer = f.kind == model::FunderKind::buyer;
  if (r.has(key) && !buyer)
    r.error(key, std::string("a ") + model::payer_info(f.kind).name +
                     " funder signs no buyers; buyers is a buyer's");
  if (buyer && !r.has(key))
    r.error(key, "a buyer funder needs the number of lead buyers it signs per country");
  if (buyer && r.has(key)) f.buyers = static_cast<int>(r.integer(key));
  const std::string takes_over = at(p, "plan_partners");
  if (r.has(takes_over) && !buyer)
    r.error(takes_over, std::string("a ") + model::payer_info(f.kind).name +
                            " funder signs no buyers; plan_partners is a buyer's");
  if (buyer && r.has(takes_over)) f.plan_partners = r.boolean(takes_over);
}

// The terms read after the budgets and the pacing.
void read_funder_money(Reader& r, const model::Description& m, const std::string& p, model::Funder& f) {
  read_window(r, m, p, f);
  read_earmarks(r, m, p, f);
  read_partnerships(r, p, f);
  read_schedule(r, m, p, f);
}

}  // namespace score::scenario
