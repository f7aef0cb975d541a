#include "report/scenario_levers.hpp"

#include <toml++/toml.h>

#include <map>
#include <sstream>

#include "scenario/diagnostic.hpp"

namespace score::report {
namespace {

using Flat = std::map<std::string, std::string>;

// A value as a person reads it: numbers in their shortest exact form
// (0.3, not 0.29999999999999999), text as is, arrays as [a, b].
std::string text_of(const toml::node& node) {
  if (const auto* d = node.as_floating_point()) return scenario::format_number(d->get());
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* t = node.as_string()) return t->get();
  if (const auto* a = node.as_array()) {
    std::string out = "[";
    for (const toml::node& element : *a) out += (out.size() > 1 ? ", " : "") + text_of(element);
    return out + "]";
  }
  std::ostringstream os;
  node.visit([&](const auto& value) { os << value; });
  return os.str();
}

// A documented value ({value = 2, source = "...", range = [...]}) is a
// lever like a plain one: its value counts, its provenance does not.
void flatten(const toml::table& table, const std::string& prefix, Flat& out) {
  for (const auto& [key, node] : table) {
    const std::string path = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const toml::table* sub = node.as_table();
    if (sub && sub->contains("value") && !sub->get("value")->is_table())
      out[path] = text_of(*sub->get("value"));
    else if (sub)
      flatten(*sub, path, out);
    else
      out[path] = text_of(node);
  }
}

Flat flat(const std::string& text) {
  Flat out;
  try {
    flatten(toml::parse(text), "", out);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(std::string("a stored scenario is not TOML: ") + std::string(e.description()));
  }
  return out;
}

}  // namespace

std::vector<LeverDifference> differing_levers(std::span<const std::string> tomls) {
  std::vector<Flat> flats;
  Flat keys;
  for (const std::string& t : tomls) {
    flats.push_back(flat(t));
    for (const auto& kv : flats.back()) keys[kv.first];
  }
  std::vector<LeverDifference> out;
  for (const auto& kv : keys) {
    if (kv.first.rfind("scenario.", 0) == 0) continue;
    LeverDifference d{kv.first, {}};
    for (const Flat& f : flats) {
      const auto it = f.find(kv.first);
      d.values.push_back(it == f.end() ? "(not set)" : it->second);
    }
    bool same = true;
    for (const std::string& v : d.values) same = same && v == d.values.front();
    if (!same) out.push_back(std::move(d));
  }
  return out;
}

std::string scenario_text(const std::string& scenario_toml, const std::string& key) {
  try {
    const toml::table table = toml::parse(scenario_toml);
    return std::string(table.at_path(key).value_or(std::string_view{}));
  } catch (const toml::parse_error&) {
    return "";
  }
}

}  // namespace score::report
