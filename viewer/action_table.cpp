// The viewer's commands by name: the one table the buttons (through
// request) and the script runner call.
#include "action_table.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace score::viewer {
namespace {

bool fail(App& app, const std::string& why) { return outcome(app, why, ""); }

bool select_tab(App& app, const std::string& name) {
  static const std::map<std::string, Tab> tabs{{"charts", Tab::charts},     {"compare", Tab::compare},
                                               {"results", Tab::results},   {"network", Tab::network},
                                               {"planning", Tab::planning}, {"runs", Tab::runs},
                                               {"files", Tab::files}};
  const auto it = tabs.find(name);
  if (it == tabs.end()) return fail(app, "no tab '" + name + "'");
  show_tab(app, it->second);
  return true;
}

// chart NAME show|hide|enlarge|all|log|linear
bool chart_command(App& app, const std::string& name, const std::string& what) {
  const auto chart = session::chart_named(name);
  if (!chart) return fail(app, "no chart '" + name + "'");
  const int c = static_cast<int>(*chart);
  const auto i = static_cast<std::size_t>(c);
  if (what == "show" || what == "hide")
    app.ui.chart_hidden[i] = what == "hide";
  else if (what == "enlarge")
    app.ui.chart_enlarged = c, app.ui.chart_hidden[i] = false;
  else if (what == "all")
    app.ui.chart_enlarged = -1;
  else if (what == "log" || what == "linear")
    app.ui.chart_log[i] = what == "log";
  else
    return fail(app, "chart " + name + ": show, hide, enlarge, all, log or linear, not '" + what + "'");
  if (what == "hide" && app.ui.chart_enlarged == c) app.ui.chart_enlarged = -1;
  return select_tab(app, "charts");
}

// The country index of an id in the run the charts lay out by (the last
// listed), -1 for "all"; -2 if unknown.
int country_index(const App& app, const std::string& id) {
  if (id == "all") return -1;
  const auto runs = app.session.runs();
  const session::SnapshotPtr snap = runs.empty() ? nullptr : runs.back().snapshot;
  for (std::size_t c = 0; snap && c < snap->country_ids.size(); ++c)
    if (snap->country_ids[c] == id) return static_cast<int>(c);
  return -2;
}

bool select_region(App& app, const std::string& id) {
  const int c = country_index(app, id);
  if (c == -2) return fail(app, "no country '" + id + "' in the run shown");
  app.ui.region = c;
  return true;
}

bool select_network(App& app, const std::string& id) {
  const session::SnapshotPtr snap = app.session.current();
  int c = -1;
  for (std::size_t k = 0; snap && k < snap->country_ids.size(); ++k)
    if (snap->country_ids[k] == id) c = static_cast<int>(k);
  if (c < 0) return fail(app, "no country '" + id + "' in the current run");
  app.ui.network_country = c;
  app.session.watch_network(c);
  return select_tab(app, "network");
}

bool on_off(App& app, const std::string& word, bool& target) {
  if (word != "on" && word != "off") return fail(app, "'on' or 'off', not '" + word + "'");
  target = word == "on";
  return true;
}

bool set_count(App& app, const std::string& word, int least, void (session::Session::*set)(int)) {
  const int n = std::stoi(word);
  if (n < least) return fail(app, "at least " + std::to_string(least) + ", not " + word);
  (app.session.*set)(n);
  return true;
}

bool reset_lever(App& app, const std::string& path) {
  if (!app.session.edits().contains(path)) return fail(app, "no edit of " + path + " to reset");
  app.session.reset_lever(path);
  return outcome(app, "", "reset " + path + " to the file's value");
}

bool reset_edits(App& app) {
  app.session.reset_edits();
  return outcome(app, "", "every lever back to the file's value");
}

bool export_size(App& app, const std::string& size) {
  int w = 0, h = 0;
  if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2) return fail(app, "a size is WxH, not '" + size + "'");
  app.ui.export_width = w, app.ui.export_height = h;
  return true;
}

// The index of `word` in `names`, or a failure naming the choices.
bool choose(App& app, const char* what, const std::string& word, const std::vector<std::string>& names,
            int& target) {
  const auto it = std::find(names.begin(), names.end(), word);
  if (it == names.end()) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    return fail(app, "no " + std::string(what) + " '" + word + "' (" + list + ")");
  }
  target = static_cast<int>(it - names.begin());
  return true;
}

// sweep-parameter KEY, sweep-outcome NAME, sweep-phase ID: what the sweep panel plots.
bool sweep_choice(App& app, const std::string& what, const std::string& word) {
  const auto sweep = app.session.sweep();
  if (!sweep) return fail(app, "no sweep file open");
  if (what == "parameter") return choose(app, "parameter", word, sweep->parameters, app.ui.sweep_parameter);
  if (what == "phase") return choose(app, "phase", word, sweep->phases, app.ui.sweep_phase);
  std::vector<std::string> outcomes;
  for (const auto& s : sim::summary_catalogue()) outcomes.emplace_back(s.name);
  return choose(app, "outcome", word, outcomes, app.ui.sweep_summary);
}

bool export_choice(App& app, const std::string& name) {
  std::vector<std::string> names;
  for (const auto& c : session::chart_catalogue()) names.emplace_back(c.name);
  const auto chart = session::chart_named(name);  // old names too
  return choose(app, "chart", chart ? session::info(*chart).name : name, names, app.ui.export_chart);
}

bool unpin(App& app) {
  app.session.unpin();
  return true;
}

const Action kActions[] = {
    {"open", 1, [](App& a, const Args& w) { return open_scenario(a, w[0]); }},
    {"compare-with", 1, [](App& a, const Args& w) { return compare_with(a, w[0]); }},
    {"set", 2, [](App& a, const Args& w) { return set_lever(a, w[0], std::stod(w[1])); }},
    {"reset-lever", 1, [](App& a, const Args& w) { return reset_lever(a, w[0]); }},
    {"reset-edits", 0, [](App& a, const Args&) { return reset_edits(a); }},
    {"undo", 0, [](App& a, const Args&) { return undo_edit(a); }},
    {"replications", 1,
     [](App& a, const Args& w) { return set_count(a, w[0], 1, &session::Session::set_replications); }},
    {"threads", 1,
     [](App& a, const Args& w) { return set_count(a, w[0], 0, &session::Session::set_threads); }},
    {"run", 0, [](App& a, const Args&) { return start_run(a); }},
    {"step", 0, [](App& a, const Args&) { return step_month(a); }},
    {"pause", 0, [](App& a, const Args&) { return pause_run(a); }},
    {"resume", 0, [](App& a, const Args&) { return resume_run(a); }},
    {"reset", 0, [](App& a, const Args&) { return reset_run(a); }},
    {"pin", 0, [](App& a, const Args&) { return pin_run(a); }},
    {"unpin", 0, [](App& a, const Args&) { return unpin(a); }},
    {"remove-run", 1, [](App& a, const Args& w) { return remove_run(a, std::stoi(w[0])); }},
    {"browse", 1, [](App& a, const Args& w) { return browse(a, w[0]); }},
    {"browse-open", 1, [](App& a, const Args& w) { return browse_open(a, w[0]); }},
    {"tab", 1, [](App& a, const Args& w) { return select_tab(a, w[0]); }},
    {"region", 1, [](App& a, const Args& w) { return select_region(a, w[0]); }},
    {"bands", 1, [](App& a, const Args& w) { return on_off(a, w[0], a.ui.bands); }},
    {"chart", 2, [](App& a, const Args& w) { return chart_command(a, w[0], w[1]); }},
    {"network", 1, [](App& a, const Args& w) { return select_network(a, w[0]); }},
    {"save-scenario", 1, [](App& a, const Args& w) { return save_scenario(a, w[0]); }},
    {"save-results", 1, [](App& a, const Args& w) { return save_results(a, w[0]); }},
    {"open-results", 1, [](App& a, const Args& w) { return open_results(a, w[0]); }},
    {"open-seek", 1, [](App& a, const Args& w) { return open_seek(a, w[0]); }},
    {"open-policies", 2, [](App& a, const Args& w) { return open_policies(a, w[0], w[1]); }},
    {"export-table", 1, [](App& a, const Args& w) { return export_table(a, w[0]); }},
    {"export-choose", 1, [](App& a, const Args& w) { return export_choice(a, w[0]); }},
    {"sweep-parameter", 1, [](App& a, const Args& w) { return sweep_choice(a, "parameter", w[0]); }},
    {"sweep-outcome", 1, [](App& a, const Args& w) { return sweep_choice(a, "outcome", w[0]); }},
    {"sweep-phase", 1, [](App& a, const Args& w) { return sweep_choice(a, "phase", w[0]); }},
    {"export-size", 1, [](App& a, const Args& w) { return export_size(a, w[0]); }},
    {"export-chart", 2, [](App& a, const Args& w) { return export_png(a, w[0], w[1]); }},
    {"screenshot", 1, [](App& a, const Args& w) { return export_png(a, "", w[0]); }},
    {"report", 1, [](App& a, const Args& w) { return write_report(a, w[0]); }},
};

}  // namespace

std::span<const Action> actions() { return kActions; }

bool act(App& app, std::string_view name, const Args& args) {
  const auto it =
      std::find_if(std::begin(kActions), std::end(kActions), [&](const Action& a) { return a.name == name; });
  if (it == std::end(kActions)) return fail(app, "no command '" + std::string(name) + "'");
  if (args.size() != it->arguments)
    return fail(app, std::string(name) + " takes " + std::to_string(it->arguments) + " argument(s), not " +
                         std::to_string(args.size()));
  try {
    return it->run(app, args);
  } catch (const std::invalid_argument&) {  // std::stod and std::stoi
    return fail(app, std::string(name) + ": not a number");
  } catch (const std::out_of_range&) {
    return fail(app, std::string(name) + ": number out of range");
  }
}

void request(UiState& ui, std::string name, Args args) {
  ui.requests.emplace_back(std::move(name), std::move(args));
}

void run_requests(App& app) {
  // Taken first: an action may draw nothing, but must not see its own request again.
  const auto requests = std::exchange(app.ui.requests, {});
  for (const auto& [name, args] : requests) act(app, name, args);
}

}  // namespace score::viewer
