#include "scenario/access.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "scenario/validate.hpp"

namespace score::scenario {
namespace {

std::optional<double> as_number(const toml::node& node) {
  if (const toml::table* table = node.as_table()) {
    const toml::node* value = table->get("value");
    return value ? as_number(*value) : std::nullopt;
  }
  return node.is_number() ? node.value<double>() : std::nullopt;
}

std::optional<std::int64_t> as_integer(const toml::node& node) {
  const std::optional<double> value = as_number(node);
  if (!value || *value != std::floor(*value) || std::fabs(*value) > 9.2e18) return std::nullopt;
  if (const auto* i = node.as_integer()) return i->get();  // exact beyond 2^53
  return static_cast<std::int64_t>(*value);
}

// The schema's defaults, each parsed once for the life of the program: a
// model reads most keys from their defaults, and parsing the default's text
// at every read was most of the time it took to build one.
const toml::node* parsed_default(const KeySpec& spec) {
  static const std::unordered_map<const KeySpec*, toml::table> parsed = [] {
    std::unordered_map<const KeySpec*, toml::table> out;
    for (const KeySpec& k : schema())
      if (!k.fallback.empty())
        out.emplace(&k, toml::parse("v = " + std::string(k.fallback), std::string("schema default")));
    return out;
  }();
  const auto it = parsed.find(&spec);
  return it == parsed.end() ? nullptr : it->second.get("v");
}

}  // namespace

// The node a read uses: the document's own, else the schema default's.
struct Reader::Resolved {
  const toml::node* node = nullptr;
};

Reader::Resolved Reader::resolve(std::string_view path) const {
  Resolved r;
  r.node = find_node(doc_.root, path);
  if (r.node) return r;
  const KeySpec* spec = find_spec(path);
  if (!spec) {
    error(path, "not a key of the scenario schema (a bug in the model builder)");
  } else if (spec->fallback.empty()) {
    error(path, "missing required key");
  } else {
    r.node = parsed_default(*spec);
  }
  return r;
}

void Reader::type_error(std::string_view path, std::string_view expected) const {
  error(path, "expected " + std::string(expected));
}

double Reader::number(std::string_view path) const {
  const Resolved r = resolve(path);
  if (!r.node) return 0;
  if (const std::optional<double> v = as_number(*r.node)) return *v;
  type_error(path, "a number");
  return 0;
}

std::optional<double> Reader::number_if(std::string_view path) const {
  if (!has(path)) return std::nullopt;
  return number(path);
}

std::int64_t Reader::integer(std::string_view path) const {
  const Resolved r = resolve(path);
  if (!r.node) return 0;
  if (const std::optional<std::int64_t> v = as_integer(*r.node)) return *v;
  type_error(path, "an integer");
  return 0;
}

bool Reader::boolean(std::string_view path) const {
  const Resolved r = resolve(path);
  if (!r.node) return false;
  if (const auto* b = r.node->as_boolean()) return b->get();
  type_error(path, "a boolean");
  return false;
}

std::string Reader::string(std::string_view path) const {
  const Resolved r = resolve(path);
  if (!r.node) return {};
  if (const auto* s = r.node->as_string()) return s->get();
  type_error(path, "a string");
  return {};
}

std::optional<YearMonth> Reader::month(std::string_view path) const {
  const Resolved r = resolve(path);
  if (!r.node) return std::nullopt;
  const auto* s = r.node->as_string();
  std::optional<YearMonth> ym = s ? parse_year_month(s->get()) : std::nullopt;
  if (!ym) type_error(path, "a month \"YYYY-MM\"");
  return ym;
}

std::optional<YearMonth> Reader::month_if(std::string_view path) const {
  if (!has(path)) return std::nullopt;
  return month(path);
}

std::vector<std::string> Reader::strings(std::string_view path) const {
  const Resolved r = resolve(path);
  std::vector<std::string> out;
  if (!r.node) return out;
  const toml::array* array = r.node->as_array();
  for (std::size_t i = 0; array && i < array->size() && (*array)[i].is_string(); ++i)
    out.push_back(*(*array)[i].value<std::string>());
  if (!array || out.size() != array->size()) {
    type_error(path, "an array of strings");
    out.clear();
  }
  return out;
}

std::vector<std::int64_t> Reader::integers(std::string_view path) const {
  const Resolved r = resolve(path);
  std::vector<std::int64_t> out;
  if (!r.node) return out;
  const toml::array* array = r.node->as_array();
  for (std::size_t i = 0; array && i < array->size(); ++i) {
    const std::optional<std::int64_t> v = as_integer((*array)[i]);
    if (!v) break;
    out.push_back(*v);
  }
  if (!array || out.size() != array->size()) {
    type_error(path, "an array of integers");
    out.clear();
  }
  return out;
}

std::vector<std::string> Reader::keys(std::string_view table_path) const {
  const toml::node* node = table_path.empty() ? &doc_.root : find_node(doc_.root, table_path);
  const toml::table* table = node ? node->as_table() : nullptr;
  std::vector<std::string> out;
  if (!table) return out;
  for (const auto& [key, value] : entries_in_file_order(doc_, *table)) out.emplace_back(key->str());
  return out;
}

bool Reader::has(std::string_view path) const { return find_node(doc_.root, path) != nullptr; }

std::optional<Reader::Provenance> Reader::provenance(std::string_view path) const {
  const toml::node* node = find_node(doc_.root, path);
  if (!node) return std::nullopt;
  Provenance p;
  p.value = number(path);
  const toml::table* table = node->as_table();
  if (!table) return p;
  if (const toml::array* range = table->get_as<toml::array>("range"); range && range->size() == 2) {
    const std::optional<double> lo = (*range)[0].value<double>(), hi = (*range)[1].value<double>();
    if (lo && hi) p.range = std::pair(*lo, *hi);
  }
  p.source = table->get("source") ? table->get("source")->value_or(std::string()) : std::string();
  p.note = table->get("note") ? table->get("note")->value_or(std::string()) : std::string();
  return p;
}

bool Reader::known_wrong(std::string_view path) const {
  for (std::size_t end = 0; end != std::string_view::npos;) {
    end = path.find('.', end + 1);
    if (invalid_.contains(std::string(path.substr(0, end)))) return true;
  }
  return false;
}

bool Reader::valid(std::string_view path) const {
  return !known_wrong(path) && std::none_of(diagnostics_.begin(), diagnostics_.end(),
                                            [&](const Diagnostic& d) { return d.key_path == path; });
}

void Reader::error(std::string_view path, std::string message) const {
  if (known_wrong(path)) return;
  const auto same = [&](const Diagnostic& d) { return d.key_path == path && d.message == message; };
  if (std::any_of(diagnostics_.begin(), diagnostics_.end(), same)) return;
  // The deepest node that exists along the path carries the position.
  const toml::node* at = &doc_.root;
  for (const std::string& segment : split_path(path)) {
    const toml::table* table = at->as_table();
    const toml::node* next = table ? table->get(segment) : nullptr;
    if (!next) break;
    at = next;
  }
  Diagnostic d = diagnostic_at(at->source(), std::string(path), std::move(message));
  if (at == &doc_.root) {  // the merged root is the deepest base's: name the user's file instead
    d.file = doc_.chain.empty() ? doc_.file.string() : doc_.chain.front().string();
    d.line = d.column = 0;
  }
  diagnostics_.push_back(std::move(d));
}

void Reader::throw_if_errors() const {
  if (!diagnostics_.empty()) throw ScenarioError(diagnostics_);
}

}  // namespace score::scenario
