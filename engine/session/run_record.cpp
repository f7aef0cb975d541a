#include "session/run_record.hpp"

#include <fstream>
#include <set>

#include "scenario/diagnostic.hpp"
#include "session/readable.hpp"
#include "session/words.hpp"

namespace score::session {
namespace {

std::string readable_value(const Lever& lever, double value) {
  return is_share(lever) ? grouped(100 * value, 1) + " %" : scenario::format_number(value);
}

}  // namespace

std::string run_label(const std::string& name, const std::vector<Lever>& levers, const Edits& edits) {
  const std::vector<std::string> overrides = edits.overrides();
  if (overrides.empty()) return name;
  if (overrides.size() > 2) return name + ", " + std::to_string(overrides.size()) + " edits";
  std::string out = name;
  for (const std::string& o : overrides) {
    const std::string path = o.substr(0, o.find('='));
    const Lever* lever = find_lever(levers, path);
    out += ", " + (lever ? lever_label(*lever) + " " + readable_value(*lever, edits.value(path)) : o);
  }
  return out;
}

std::map<std::string, std::string> lever_values(const std::vector<Lever>& levers, const Edits& edits) {
  std::map<std::string, std::string> out;
  for (const Lever& l : levers) {
    if (!l.numeric)
      out[l.path] = l.text;
    else
      out[l.path] = readable_value(l, edits.contains(l.path) ? edits.value(l.path) : l.value);
  }
  return out;
}

std::string question_of(const std::filesystem::path& scenario_file) {
  std::ifstream in(scenario_file);
  std::string line, out;
  bool inside = false;
  while (std::getline(in, line) && line.starts_with("#")) {
    std::string text = line.substr(
        line.find_first_not_of("# ") == std::string::npos ? line.size() : line.find_first_not_of("# "));
    if (!inside && text.starts_with("Question")) {
      inside = true;
      if (const auto colon = text.find(':'); colon != std::string::npos) text = text.substr(colon + 1);
    } else if (inside && text.empty()) {
      break;
    }
    if (!inside) continue;
    if (!text.empty() && text.front() == ' ') text.erase(0, 1);
    out += (out.empty() ? "" : " ") + text;
  }
  // "Question: ... ? This is the default scenario ..." keeps the question only.
  if (const auto mark = out.find('?'); mark != std::string::npos) out.resize(mark + 1);
  return out;
}

std::vector<LeverDifference> differing_levers(const std::vector<const RunRecord*>& runs) {
  std::set<std::string> paths;
  for (const RunRecord* r : runs)
    for (const auto& [path, value] : r->levers) paths.insert(path);
  std::vector<LeverDifference> out;
  for (const std::string& path : paths) {
    if (path.starts_with("scenario.")) continue;  // names and descriptions differ by design
    LeverDifference d{path, {}};
    for (const RunRecord* r : runs) {
      const auto it = r->levers.find(path);
      d.values.push_back(it == r->levers.end() ? "" : it->second);
    }
    bool same = true;
    for (const std::string& v : d.values) same = same && v == d.values.front();
    if (!same) out.push_back(std::move(d));
  }
  return out;
}

}  // namespace score::session
