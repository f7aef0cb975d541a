#include "sweep/seek_target.hpp"

#include <cmath>
#include <limits>
#include <regex>

#include "sim/metric_names.hpp"

namespace score::sweep {
namespace {

constexpr const char* kForm =
    "expected METRIC[CID] OP VALUE at YYYY-MM, ... in YYYY or ... from YYYY-MM to YYYY-MM "
    "(for example \"firms_trained_total >= 6000 at 2029-12\")";

sim::Metric target_metric(const std::string& name) {
  const auto metric = sim::metric_named(name, "seek target");  // old names too
  if (!metric)
    throw SeekInputError("unknown metric '" + name + "' (the time series of docs/output-format.md)");
  if (sim::info(*metric).kind == sim::Kind::ratio && *metric != sim::Metric::cost_recovery)
    throw SeekInputError("'" + name +
                         "' is a ratio that cannot be a target; cost_recovery is the one that can");
  return *metric;
}

int country_named(const std::string& id, const model::Description& model) {
  for (std::size_t c = 0; c < model.countries.size(); ++c)
    if (model.countries[c].id == id) return static_cast<int>(c);
  throw SeekInputError("no country '" + id + "' in the scenario");
}

Target::Op op_named(const std::string& op) {
  if (op == ">=") return Target::Op::ge;
  if (op == ">") return Target::Op::gt;
  if (op == "<=") return Target::Op::le;
  return Target::Op::lt;
}

// The target's months as steps; throws when they leave the calendar.
YearMonth month(const std::string& when, const std::string& date) {
  const auto ym = parse_year_month(date);
  if (!ym) throw SeekInputError("'" + when + "' needs a month YYYY-MM, got '" + date + "'");
  return *ym;
}

void set_window(Target& t, const std::string& when, const std::string& date, const std::string& to,
                const model::Description& model) {
  YearMonth first, last;
  if (when == "at") {
    first = last = month(when, date);
  } else if (when == "from") {
    if (to.empty()) throw SeekInputError("'from YYYY-MM' needs 'to YYYY-MM'");
    first = month(when, date);
    last = month("to", to);
    if (last < first) throw SeekInputError("'to " + to + "' comes before 'from " + date + "'");
    t.change = true;
  } else {
    if (date.size() != 4) throw SeekInputError("'in' needs a year YYYY, got '" + date + "'");
    first = {std::stoi(date), 1};
    last = {first.year, 12};
  }
  t.first_step = months_between(model.start, first);
  t.last_step = months_between(model.start, last);
  if (t.first_step < 0 || t.last_step >= model.steps)
    throw SeekInputError("'" + date + "' lies outside the scenario's calendar (" +
                         format_year_month(model.start) + " to " + format_year_month(model.end) + ")");
}

double sum(const sim::Series& s, sim::Metric m, int first, int last, int country, int k) {
  double total = 0;
  for (int t = first; t <= last; ++t)
    for (int c = 0; c < s.countries(); ++c)
      if (country < 0 || c == country) total += s.at(m, t, c, k);
  return total;
}

double sum_axis(const sim::Series& s, sim::Metric m, int first, int last, int country) {
  double total = 0;
  for (int k = 0; k < sim::axis_length(sim::info(m).axis); ++k) total += sum(s, m, first, last, country, k);
  return total;
}

double cost_recovery(const Target& t, const sim::Series& s) {
  double recovered = 0;
  for (int src = 0; src < model::kSources; ++src)
    if (sim::counts_as_recovery(src))
      recovered += sum(s, sim::Metric::revenue_usd, t.first_step, t.last_step, t.country, src);
  return sim::cost_recovery(recovered,
                            sum(s, sim::Metric::delivery_cost_usd, t.first_step, t.last_step, t.country, 0));
}

}  // namespace

Target parse_target(std::string_view text, const model::Description& model) {
  static const std::regex form(
      R"(^\s*([a-z_]+)(?:\[([A-Za-z0-9_]+)\])?\s*(>=|<=|>|<)\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(%?)\s+(at|in|from)\s+([0-9-]+)(?:\s+to\s+([0-9-]+))?\s*$)");
  const std::string s(text);
  std::smatch m;
  if (!std::regex_match(s, m, form)) throw SeekInputError("target \"" + s + "\": " + kForm);
  Target t;
  t.text = s;
  try {
    t.metric = target_metric(m[1]);
    if (m[2].matched) t.country = country_named(m[2], model);
    t.op = op_named(m[3]);
    t.value = std::stod(m[4]) / (m[5].length() > 0 ? 100.0 : 1.0);
    if (m[8].matched && m[6] != "from") throw SeekInputError("'to' follows 'from' only");
    set_window(t, m[6], m[7], m[8], model);
  } catch (const SeekInputError& e) {
    throw SeekInputError("target \"" + s + "\": " + e.what());
  }
  return t;
}

double target_value(const Target& t, const sim::Series& s) {
  if (t.metric == sim::Metric::cost_recovery) return cost_recovery(t, s);
  if (sim::info(t.metric).kind == sim::Kind::stock) {
    const double end = sum_axis(s, t.metric, t.last_step, t.last_step, t.country);
    if (!t.change || t.first_step == 0) return end;
    return end - sum_axis(s, t.metric, t.first_step - 1, t.first_step - 1, t.country);
  }
  return sum_axis(s, t.metric, t.first_step, t.last_step, t.country);
}

bool target_met(const Target& t, const sim::Series& s) {
  const double v = target_value(t, s);
  if (std::isnan(v)) return false;
  switch (t.op) {
    case Target::Op::ge:
      return v >= t.value;
    case Target::Op::gt:
      return v > t.value;
    case Target::Op::le:
      return v <= t.value;
    case Target::Op::lt:
      return v < t.value;
  }
  return false;
}

}  // namespace score::sweep
