// The Planning tab's actions: a goal-seek answer read from what `score seek`
// printed, and the decision table of a policies x uncertainties sweep,
// computed as `score sweep` prints it (sweep/decision_table.hpp).
#include <stdexcept>

#include "app.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace score::viewer {

bool open_seek(App& app, const std::filesystem::path& file) {
  try {
    app.ui.seek = read_seek_text(file);
  } catch (const std::exception& e) {
    return outcome(app, e.what(), "");
  }
  app.ui.seek_file = file.string();
  show_tab(app, Tab::planning);
  const SeekText& s = *app.ui.seek;
  return outcome(app, "",
                 "opened " + file.string() +
                     (s.answered ? ": " + s.lever + " = " + s.answer : std::string(": no answer")));
}

bool open_policies(App& app, const std::filesystem::path& sweep_file, const std::filesystem::path& results) {
  try {
    const sweep::SweepSpec spec = sweep::parse_sweep_file(sweep_file, nullptr);
    if (spec.policies.empty())
      return outcome(app, sweep_file.string() + ": no [[policy]] options, so no decision table", "");
    const output::SweepFile file(results);
    if (file.info().policies.size() != spec.policies.size())
      return outcome(app,
                     results.string() + ": holds " + std::to_string(file.info().policies.size()) +
                         " policy options, " + sweep_file.string() + " has " +
                         std::to_string(spec.policies.size()) + ": not the results of this sweep",
                     "");
    app.ui.decision = sweep::decision_table(file.statistic(sweep::Statistic::mean), spec.policies,
                                            spec.criteria, file.info().phases);
  } catch (const std::exception& e) {  // scenario::ScenarioError, std::runtime_error, std::invalid_argument
    return outcome(app, e.what(), "");
  }
  app.ui.decision_file = results.string();
  show_tab(app, Tab::planning);
  return outcome(app, "", "opened the decision table of " + results.string());
}

}  // namespace score::viewer
