#include "session/levers.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "scenario/validate.hpp"

namespace score::session {
namespace {

// Provider levers are spread over phases and behaviour in the file; planners
// look for them together, so they get a group of their own.
std::string group_of(const std::vector<std::string>& segments) {
  const std::string& key = segments.back();
  const bool provider = key.find("provider") != std::string::npos ||
                        key.find("licence") != std::string::npos ||
                        (segments.size() > 1 && segments[segments.size() - 2] == "provider_mix");
  if (provider) return "providers";
  return segments.front();
}

std::string node_text(const toml::node& node) {
  if (const auto* text = node.as_string()) return text->get();  // unquoted: it is read, not parsed
  std::ostringstream os;
  node.visit([&](const auto& v) { os << v; });
  return os.str();
}

bool is_provenance(const toml::node& node) { return node.is_table() && node.as_table()->contains("value"); }

void read_provenance(const toml::table& table, Lever& lever) {
  lever.value = table["value"].value<double>().value_or(0);
  if (const toml::array* r = table["range"].as_array(); r && r->size() == 2)
    lever.range = std::pair{(*r)[0].value<double>().value_or(0), (*r)[1].value<double>().value_or(0)};
  lever.source = table["source"].value<std::string>().value_or("");
  lever.note = table["note"].value<std::string>().value_or("");
}

Lever make_lever(const std::vector<std::string>& segments, const scenario::KeySpec& spec,
                 const toml::node& node) {
  Lever lever;
  lever.path = scenario::join_path(segments);
  lever.group = group_of(segments);
  lever.table = scenario::join_path({segments.begin(), segments.end() - 1});
  lever.key = segments.back();
  lever.spec = &spec;
  lever.numeric = spec.type == scenario::Type::number || spec.type == scenario::Type::integer;
  if (lever.numeric && is_provenance(node))
    read_provenance(*node.as_table(), lever);
  else if (lever.numeric)
    lever.value = node.value<double>().value_or(0);
  else
    lever.text = node_text(node);
  return lever;
}

void collect(const scenario::Document& doc, const toml::table& table, std::vector<std::string>& path,
             std::vector<Lever>& out) {
  for (const auto& [key, node] : scenario::entries_in_file_order(doc, table)) {
    path.emplace_back(key->str());
    const scenario::KeySpec* spec = scenario::find_spec(path);
    if (spec && (!node->is_table() || is_provenance(*node)))
      out.push_back(make_lever(path, *spec, *node));
    else if (node->is_table())
      collect(doc, *node->as_table(), path, out);
    path.pop_back();
  }
}

void add_default_behaviour(std::vector<Lever>& out) {
  for (const scenario::KeySpec& spec : scenario::schema()) {
    const std::string path(spec.path);
    if (!path.starts_with("behaviour.") || find_lever(out, path)) continue;
    auto parsed = toml::parse("v = " + std::string(spec.fallback));
    Lever lever = make_lever(scenario::split_path(path), spec, *parsed.get("v"));
    lever.is_default = true;
    out.push_back(std::move(lever));
  }
}

// A variant's keys come after its base's: keep each table's levers together,
// tables in the order they first appear.
void group_by_table(std::vector<Lever>& levers) {
  std::map<std::string, std::size_t> first;
  for (const Lever& l : levers) first.try_emplace(l.table, first.size());
  std::stable_sort(levers.begin(), levers.end(),
                   [&](const Lever& a, const Lever& b) { return first.at(a.table) < first.at(b.table); });
}

}  // namespace

std::vector<Lever> levers_of(const scenario::Document& doc) {
  std::vector<Lever> out;
  std::vector<std::string> path;
  collect(doc, doc.root, path, out);
  add_default_behaviour(out);
  group_by_table(out);
  return out;
}

const Lever* find_lever(const std::vector<Lever>& levers, const std::string& path) {
  const auto it = std::find_if(levers.begin(), levers.end(), [&](const Lever& l) { return l.path == path; });
  return it == levers.end() ? nullptr : &*it;
}

const std::vector<std::string>& lever_groups() {
  static const std::vector<std::string> groups{"phases",  "countries", "funders",  "providers", "behaviour",
                                               "modules", "scenario",  "calendar", "run"};
  return groups;
}

}  // namespace score::session
