#include "scenario/validate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/calendar.hpp"
#include "scenario/plain_text.hpp"

namespace score::scenario {
namespace {

// The schema's paths split once, for matching.
struct Pattern {
  std::vector<std::string> segments;
  const KeySpec* spec;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = [] {
    std::vector<Pattern> out;
    for (const KeySpec& spec : schema()) out.push_back({split_path(spec.path), &spec});
    return out;
  }();
  return all;
}

// Wildcards used to match `path` with `prefix` of a pattern; -1: no match.
int match_prefix(const Pattern& pattern, std::span<const std::string> path) {
  if (pattern.segments.size() < path.size()) return -1;
  int wildcards = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (pattern.segments[i] == "*")
      ++wildcards;
    else if (pattern.segments[i] != path[i])
      return -1;
  }
  return wildcards;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal string alignment distance: a transposition counts as one typo.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string quote_text(std::string_view s) {
  constexpr std::size_t kMax = 40;  // enough to recognise the value
  if (s.size() > kMax) return "\"" + std::string(s.substr(0, kMax)) + "...\"";
  return "\"" + std::string(s) + "\"";
}

// "string \"abc\"", "integer 3", "a table", ... for "got ..." messages.
std::string describe(const toml::node& node) {
  std::ostringstream os;
  if (const auto* s = node.as_string()) return "string " + quote_text(s->get());
  if (const auto* i = node.as_integer()) return "integer " + std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) return "float " + format_number(f->get());
  if (const auto* b = node.as_boolean()) return std::string("boolean ") + (b->get() ? "true" : "false");
  if (node.is_array()) return "an array";
  if (node.is_table()) return "a table";
  if (const auto* d = node.as_date())
    os << "date " << *d;
  else if (const auto* t = node.as_time())
    os << "time " << *t;
  else if (const auto* dt = node.as_date_time())
    os << "date-time " << *dt;
  return os.str();
}

std::string expected_text(Type type) {
  switch (type) {
    case Type::number:
      return "a number";
    case Type::integer:
      return "an integer";
    case Type::boolean:
      return "a boolean";
    case Type::string:
      return "a string";
    case Type::month:
      return "a month \"YYYY-MM\"";
    case Type::strings:
      return "an array of strings";
    case Type::integers:
      return "an array of integers";
  }
  return "a value";
}

std::string bounds_text(const KeySpec& spec) {
  std::string out = "[" + format_number(spec.min) + ", " + format_number(spec.max) + "]";
  if (!spec.unit.empty()) out += " (" + std::string(spec.unit) + ")";
  return out;
}

std::string choices_text(const KeySpec& spec) {
  std::string out;
  for (std::string_view c : spec.choices) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

constexpr std::array<std::string_view, 4> kProvenanceKeys{"value", "range", "source", "note"};

// Walks the merged tree in file order, collecting every problem.
class Validator {
 public:
  Validator(const Document& doc, std::set<std::string>* invalid) : doc_(doc), invalid_(invalid) {}

  std::vector<Diagnostic> run() {
    walk_table(doc_.root);
    std::stable_sort(found_.begin(), found_.end(),
                     [&](const Found& a, const Found& b) { return doc_.before(a.where, b.where); });
    std::vector<Diagnostic> out;
    for (Found& f : found_) out.push_back(std::move(f.diagnostic));
    return out;
  }

 private:
  struct Found {
    toml::source_region where;
    Diagnostic diagnostic;
  };
  const Document& doc_;
  std::set<std::string>* invalid_;  // schema keys with a wrong value, or nullptr
  std::vector<std::string> path_;
  std::string leaf_;  // the schema key being checked ("" between keys)
  std::vector<Found> found_;

  void report(const toml::source_region& where, std::string key_path, std::string message) {
    if (invalid_ && !leaf_.empty()) invalid_->insert(leaf_);
    found_.push_back({where, diagnostic_at(where, std::move(key_path), std::move(message))});
  }
  void report(const toml::node& node, std::string message) {
    report(node.source(), join_path(path_), std::move(message));
  }
  void wrong_type(const toml::node& node, Type expected) {
    report(node, "expected " + expected_text(expected) + ", got " + describe(node));
  }

  void walk_table(const toml::table& table) {
    for (const auto& [key, node] : entries_in_file_order(doc_, table)) {
      path_.emplace_back(key->str());
      walk_entry(*key, *node);
      path_.pop_back();
    }
  }

  void walk_entry(const toml::key& key, const toml::node& node) {
    if (const std::string c = control_character(key.str(), false); !c.empty()) {  // the key is not echoed
      if (invalid_) invalid_->insert(join_path(path_));  // and every key under it: no follow-on messages
      return report(key.source(), join_path({path_.begin(), path_.end() - 1}),
                    "control character " + c + " in a key; keys must be plain text");
    }
    if (const KeySpec* spec = find_spec(path_)) {
      leaf_ = join_path(path_);
      check_leaf(*spec, node);
      leaf_.clear();
      return;
    }
    if (schema_level(path_).known()) {
      if (const toml::table* table = node.as_table()) return walk_table(*table);
      if (invalid_) invalid_->insert(join_path(path_));  // and every key under it
      return report(node, "expected a table, got " + describe(node));
    }
    const SchemaLevel parent = schema_level(std::span(path_).first(path_.size() - 1));
    unknown_key(key, parent.names, "");
  }

  void unknown_key(const toml::key& key, std::span<const std::string_view> allowed,
                   std::string_view context) {
    std::string message = "unknown key '" + std::string(key.str()) + "'" + std::string(context);
    const std::string_view suggestion = closest_match(key.str(), allowed);
    if (!suggestion.empty()) {
      message += "; did you mean '" + std::string(suggestion) + "'?";
      // A misspelt required key is one problem, not also a missing key.
      if (invalid_ && leaf_.empty())
        invalid_->insert(join_path(std::vector(path_.begin(), path_.end() - 1)) + "." +
                         std::string(suggestion));
    }
    report(key.source(), join_path(path_), std::move(message));
  }

  void check_leaf(const KeySpec& spec, const toml::node& node) {
    switch (spec.type) {
      case Type::number:
      case Type::integer:
        if (const toml::table* table = node.as_table()) return check_provenance(spec, *table);
        check_number(spec, node);
        return;
      case Type::boolean:
        if (!node.is_boolean()) wrong_type(node, spec.type);
        return;
      case Type::string:
        return check_string(spec, node);
      case Type::month:
        return check_month(node);
      case Type::strings:
      case Type::integers:
        return check_array(spec, node);
    }
  }

  // The number's value if it is one of the right kind within bounds.
  std::optional<double> check_number(const KeySpec& spec, const toml::node& node) {
    const std::optional<double> value =
        node.is_integer() || node.is_floating_point() ? node.value<double>() : std::nullopt;
    if (!value) {
      wrong_type(node, spec.type);
      return std::nullopt;
    }
    if (spec.type == Type::integer && node.is_floating_point() && *value != std::floor(*value)) {
      report(node, "expected an integer, got " + describe(node));
      return std::nullopt;
    }
    if (!(*value >= spec.min && *value <= spec.max)) {
      report(node, "value " + format_number(*value) + " is out of range " + bounds_text(spec));
      return std::nullopt;
    }
    return value;
  }

  void check_string(const KeySpec& spec, const toml::node& node) {
    const auto* s = node.as_string();
    if (!s) return wrong_type(node, Type::string);
    check_plain(node, s->get(), path_.back() == "description");
    if (spec.choices.empty() ||
        std::find(spec.choices.begin(), spec.choices.end(), s->get()) != spec.choices.end())
      return;
    report(node, quote_text(s->get()) + " is not one of: " + choices_text(spec));
  }

  void check_plain(const toml::node& node, std::string_view text, bool line_breaks) {
    const std::string c = control_character(text, line_breaks);
    if (!c.empty())
      report(node,
             "control character " + c + " in text; names must be plain text (they are shown in terminals)");
  }

  void check_month(const toml::node& node) {
    const auto* s = node.as_string();
    if (!s) return wrong_type(node, Type::month);
    if (!parse_year_month(s->get()))
      report(node, "expected a month \"YYYY-MM\", got " + quote_text(s->get()));
  }

  void check_array(const KeySpec& spec, const toml::node& node) {
    const toml::array* array = node.as_array();
    if (!array) return wrong_type(node, spec.type);
    KeySpec element = spec;
    element.type = spec.type == Type::strings ? Type::string : Type::integer;
    for (std::size_t i = 0; i < array->size(); ++i) {
      path_.back().append("[").append(std::to_string(i)).append("]");
      if (element.type == Type::string)
        check_string(element, (*array)[i]);
      else
        check_number(element, (*array)[i]);
      path_.back().erase(path_.back().rfind('['));
    }
  }

  void check_provenance(const KeySpec& spec, const toml::table& table) {
    for (const auto& [key, node] : entries_in_file_order(doc_, table)) {
      path_.emplace_back(key->str());
      if (key->str() == "source" || key->str() == "note") {
        if (!node->is_string()) wrong_type(*node, Type::string);
      } else if (key->str() != "value" && key->str() != "range") {
        unknown_key(*key, kProvenanceKeys, " in a provenance table (value, range, source, note)");
      }
      path_.pop_back();
    }
    const toml::node* value_node = table.get("value");
    if (!value_node) return report(table, "a provenance table needs a 'value'");
    path_.emplace_back("value");
    const std::optional<double> value = check_number(spec, *value_node);
    path_.back() = "range";
    if (const toml::node* range = table.get("range")) check_range(spec, *range, value, *value_node);
    path_.pop_back();
  }

  void check_range(const KeySpec& spec, const toml::node& node, std::optional<double> value,
                   const toml::node& value_node) {
    const toml::array* array = node.as_array();
    std::optional<double> lo, hi;
    if (array && array->size() == 2) {
      const toml::node& first = (*array)[0];
      const toml::node& second = (*array)[1];
      lo = first.is_number() ? first.value<double>() : std::nullopt;
      hi = second.is_number() ? second.value<double>() : std::nullopt;
    }
    if (!lo || !hi || *lo > *hi) return report(node, "expected [lo, hi]: two numbers with lo <= hi");
    const std::string range_text = "[" + format_number(*lo) + ", " + format_number(*hi) + "]";
    if (!(*lo >= spec.min && *hi <= spec.max))
      return report(node, "range " + range_text + " is out of range " + bounds_text(spec));
    if (value && (*value < *lo || *value > *hi)) {
      path_.back() = "value";
      report(value_node, "value " + format_number(*value) + " is outside its own range " + range_text);
    }
  }
};

}  // namespace

std::vector<Diagnostic> validate(const Document& doc) { return Validator(doc, nullptr).run(); }

std::vector<Diagnostic> validate(const Document& doc, std::set<std::string>& invalid_keys) {
  return Validator(doc, &invalid_keys).run();
}

const KeySpec* find_spec(std::span<const std::string> segments) {
  const KeySpec* best = nullptr;
  int best_wildcards = 0;
  for (const Pattern& pattern : patterns()) {
    if (pattern.segments.size() != segments.size()) continue;
    const int wildcards = match_prefix(pattern, segments);
    if (wildcards >= 0 && (!best || wildcards < best_wildcards)) {
      best = pattern.spec;
      best_wildcards = wildcards;
    }
  }
  return best;
}

// Remembered per thread by path: a model asks for the spec of every key it
// reads from the defaults, and of the same keys for every model it builds.
const KeySpec* find_spec(std::string_view dotted) {
  thread_local std::unordered_map<std::string, const KeySpec*> known;
  const std::string path(dotted);
  if (const auto it = known.find(path); it != known.end()) return it->second;
  return known.emplace(path, find_spec(split_path(dotted))).first->second;
}

SchemaLevel schema_level(std::span<const std::string> table_path) {
  SchemaLevel level;
  for (const Pattern& pattern : patterns()) {
    if (pattern.segments.size() <= table_path.size() || match_prefix(pattern, table_path) < 0) continue;
    const std::string& next = pattern.segments[table_path.size()];
    if (next == "*")
      level.any_key = true;
    else if (std::find(level.names.begin(), level.names.end(), next) == level.names.end())
      level.names.push_back(next);
  }
  return level;
}

std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string lower = lowercase(word);
  // A third of the letters may be wrong, at least one and at most three.
  const std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string_view best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t d = edit_distance(lower, lowercase(candidate));
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace score::scenario
