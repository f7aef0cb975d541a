#include "scenario/document.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "scenario/hash.hpp"
#include "scenario/validate.hpp"

namespace score::scenario {
namespace fs = std::filesystem;
namespace detail {

// One file of the chain as read from disk (kept by ParsedChain).
struct ChainFile {
  std::string display;  // the path as diagnostics show it
  fs::path identity;    // canonical, to recognise a file reached twice
  std::string bytes;
};

}  // namespace detail

namespace {

using detail::ChainFile;

[[noreturn]] void fail(Diagnostic d) { throw ScenarioError({std::move(d)}); }

// Where an `extends` pointed from, to position errors about the base file.
struct ExtendsSite {
  toml::source_region where;
};

std::string read_or_fail(const ChainFile& file, const ExtendsSite* site) {
  std::string problem = unreadable_because(file.display);
  std::ifstream in(file.display, std::ios::binary);
  if (problem.empty() && !in) problem = "cannot be opened";
  if (!problem.empty()) {
    if (site) fail(diagnostic_at(site->where, "extends", "cannot read '" + file.display + "': " + problem));
    fail({file.display, 0, 0, "", "cannot read scenario: " + problem});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

toml::table parse_or_fail(const ChainFile& file) {
  try {
    return toml::parse(file.bytes, std::string(file.display));
  } catch (const toml::parse_error& e) {
    fail(diagnostic_at(e.source(), "", std::string(e.description())));
  }
}

std::string cycle_message(const std::vector<ChainFile>& chain, const ChainFile& again) {
  std::string out = "extends cycle: ";
  bool in_cycle = false;
  for (const ChainFile& f : chain) {
    in_cycle = in_cycle || f.identity == again.identity;
    if (in_cycle) out += f.display + " -> ";
  }
  return out + again.display;
}

// Tables merge key by key; anything else in the child replaces the base's
// value whole, including arrays and provenance tables (a schema leaf given
// as { value = .. } must not inherit a stale range from the base).
void merge_into(toml::table& base, toml::table& child, std::vector<std::string>& path) {
  for (auto&& [key, node] : child) {
    path.emplace_back(key.str());
    toml::node* existing = base.get(key.str());
    if (existing && existing->is_table() && node.is_table() && !find_spec(path)) {
      merge_into(*existing->as_table(), *node.as_table(), path);
    } else if (existing) {
      base.insert_or_assign(key.str(), std::move(node));  // keeps the base's key, so its place
    } else {
      base.insert_or_assign(toml::key(key), std::move(node));
    }
    path.pop_back();
  }
}

class ChainLoader {
 public:
  std::vector<ChainFile> files;

  ChainLoader() = default;
  // Loads the chain read before (ParsedChain) again from its bytes, without
  // looking at the disk: a file since removed, edited or re-linked changes
  // nothing.
  explicit ChainLoader(const std::vector<ChainFile>& read_before) : read_before_(&read_before) {}

  toml::table load(const fs::path& path, const ExtendsSite* site) {
    ChainFile file = read_before_ ? next_read_before(path) : locate(path);
    check_chain(file, site);
    if (!read_before_) file.bytes = read_or_fail(file, site);
    files.push_back(std::move(file));
    toml::table table = parse_or_fail(files.back());
    const toml::node* extends = table.get("extends");
    if (!extends) return table;
    const std::optional<std::string> base_name = extends->value<std::string>();
    if (!base_name || base_name->empty())
      fail(diagnostic_at(extends->source(), "extends", "expected the path of a scenario file (a string)"));
    const ExtendsSite here{extends->source()};
    table.erase("extends");
    toml::table merged = load(path.parent_path() / *base_name, &here);
    std::vector<std::string> key_path;
    merge_into(merged, table, key_path);
    return merged;
  }

 private:
  const std::vector<ChainFile>* read_before_ = nullptr;

  static ChainFile locate(const fs::path& path) {
    ChainFile file{path.lexically_normal().string(), {}, {}};
    std::error_code ec;
    file.identity = fs::weakly_canonical(path, ec);
    if (ec) file.identity = fs::absolute(path).lexically_normal();
    return file;
  }

  // The same bytes give the same chain: its files come in the order they
  // were read.
  ChainFile next_read_before(const fs::path& path) const {
    const std::size_t k = files.size();
    if (k >= read_before_->size() || (*read_before_)[k].display != path.lexically_normal().string())
      throw std::logic_error("scenario chain: '" + path.string() +
                             "' was not read with the rest of its chain");
    return (*read_before_)[k];
  }

  void check_chain(const ChainFile& file, const ExtendsSite* site) const {
    const bool seen = std::any_of(files.begin(), files.end(),
                                  [&](const ChainFile& f) { return f.identity == file.identity; });
    if (seen && site) fail(diagnostic_at(site->where, "extends", cycle_message(files, file)));
    if (files.size() >= kMaxExtendsChain && site)
      fail(diagnostic_at(site->where, "extends",
                         "extends chain longer than " + std::to_string(kMaxExtendsChain) + " files"));
  }
};

// --- overrides ------------------------------------------------------------

// A long or multi-line override is named by its place on the command line;
// its message then quotes it.
constexpr std::size_t kMaxOverrideName = 60;

bool names_itself(const std::string& text) {
  return text.size() <= kMaxOverrideName &&
         std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// One override as it was given.
struct Override {
  const std::string& text;
  std::string name;  // how diagnostics name it: "--set KEY=VALUE" or "--set #N"
};

Diagnostic override_error(const Override& o, const std::string& why) {
  if (names_itself(o.text)) return {o.name, 0, 0, "", "invalid override: " + why};
  std::string quoted = "\"";
  for (char c : o.text.substr(0, kMaxOverrideName)) {
    if (c == '\n' || c == '\r')
      quoted += c == '\n' ? "\\n" : "\\r";
    else
      quoted += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  }
  quoted += o.text.size() > kMaxOverrideName ? "...\"" : "\"";
  return {o.name, 0, 0, "", "invalid override " + quoted + ": " + why};
}

// How many segments KEY has in "KEY=VALUE" (parsed as a TOML key).
std::size_t key_depth(const Override& o, std::size_t eq) {
  const std::string expected = "expected KEY=VALUE with KEY a dotted key such as behaviour.enrol_rate";
  toml::table probe;
  try {
    probe = toml::parse(o.text.substr(0, eq) + "= 0", o.name);
  } catch (const toml::parse_error&) {
    fail(override_error(o, expected));
  }
  std::size_t depth = 0;
  for (const toml::node* node = &probe; node->is_table(); ++depth) {
    // One key per level; none when KEY was a comment ("#a.b=1", found by fuzzing).
    const toml::table& level = *node->as_table();
    if (level.size() != 1) fail(override_error(o, expected));
    node = &level.begin()->second;
  }
  return depth;
}

// "KEY=VALUE" as a one-entry-per-level TOML table. VALUE is any TOML value;
// anything that is not is taken as a bare string, so --set scenario.name=Pilot
// and --set calendar.start=2013-09 work without shell-escaped quotes.
toml::table parse_override(const Override& o, std::size_t& depth) {
  const std::string& text = o.text;
  const std::size_t eq = text.find('=');
  if (text.find_first_of("\r\n") != std::string::npos) fail(override_error(o, "must be one line"));
  if (eq == std::string::npos) fail(override_error(o, "expected KEY=VALUE"));
  depth = key_depth(o, eq);
  const std::size_t value_start = text.find_first_not_of(" \t", eq + 1);
  if (value_start == std::string::npos) fail(override_error(o, "missing value after '='"));
  try {
    return toml::parse(text, o.name);
  } catch (const toml::parse_error&) {
    std::string value = text.substr(value_start);
    value.erase(value.find_last_not_of(" \t") + 1);
    std::ostringstream quoted;
    quoted << toml::value<std::string>(std::move(value));
    return toml::parse(text.substr(0, value_start) + quoted.str(), o.name);
  }
}

// Replaces the value at KEY whole (a plain number replaces a provenance
// table), creating the tables on the way.
void apply_override(toml::table& root, const Override& o) {
  std::size_t depth = 0;
  toml::table parsed = parse_override(o, depth);
  if (parsed.contains("extends"))  // the chain is already resolved: it would be silently ignored
    fail(override_error(o, "extends cannot be overridden; write a scenario file that extends the other"));
  toml::table* target = &root;
  toml::table* source = &parsed;
  std::vector<std::string> path;
  for (std::size_t level = 1;; ++level) {
    const auto entry = source->begin();  // owns the proxy the references below go through
    const toml::key& key = entry->first;
    toml::node& node = entry->second;
    path.emplace_back(key.str());
    toml::node* existing = target->get(key.str());
    if (level == depth || !existing) {
      if (existing)
        target->insert_or_assign(key.str(), std::move(node));
      else
        target->insert_or_assign(toml::key(key), std::move(node));
      return;
    }
    if (!existing->is_table())
      fail(override_error(o, std::string("'").append(join_path(path)).append("' is not a table")));
    target = existing->as_table();
    source = node.as_table();
  }
}

// --- hashing ----------------------------------------------------------------

// SHA-256 of the chain's bytes, then of each override after a NUL (which no
// TOML file holds), so the hash of a lone file is its plain sha256sum.
std::string hex_sha256(const std::vector<ChainFile>& files, const std::vector<std::string>& overrides) {
  std::string bytes;
  for (const ChainFile& f : files) bytes += f.bytes;
  for (const std::string& text : overrides) {
    bytes += '\0';
    bytes += text;
  }
  return sha256_hex(bytes);
}

}  // namespace

std::string unreadable_because(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (!fs::exists(status)) return "no such file";
  if (fs::is_directory(status)) return "is a directory";
  if (!fs::is_regular_file(status)) return "is not a regular file";
  const auto size = fs::file_size(file, ec);
  if (ec) return "cannot be opened";
  if (size > kMaxInputBytes) return "is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB";
  return "";
}

namespace {

// The document of a loaded chain: its merged tree with the overrides applied.
Document chain_document(toml::table root, const fs::path& file, const std::vector<ChainFile>& files,
                        const std::vector<std::string>& overrides) {
  Document doc;
  doc.root = std::move(root);
  doc.file = file;
  for (const ChainFile& f : files) doc.chain.emplace_back(f.display);
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    doc.override_names.push_back(override_name(overrides[i], i));
    apply_override(doc.root, {overrides[i], doc.override_names.back()});
  }
  doc.sha256 = hex_sha256(files, overrides);
  doc.overrides = overrides;
  return doc;
}

}  // namespace

Document load_document(const fs::path& file, const std::vector<std::string>& overrides) {
  ChainLoader loader;
  toml::table root = loader.load(file, nullptr);
  return chain_document(std::move(root), file, loader.files, overrides);
}

struct ParsedChain::Parsed {
  fs::path file;
  std::vector<detail::ChainFile> files;
  toml::table root;  // merged, before any override
};

ParsedChain::ParsedChain(const fs::path& file) {
  ChainLoader loader;
  auto parsed = std::make_shared<Parsed>();
  parsed->root = loader.load(file, nullptr);
  parsed->file = file;
  parsed->files = std::move(loader.files);
  parsed_ = std::move(parsed);
}

Document ParsedChain::document(const std::vector<std::string>& overrides, Positions positions) const {
  if (positions == Positions::keys)
    return chain_document(parsed_->root, parsed_->file, parsed_->files, overrides);
  ChainLoader loader(parsed_->files);
  toml::table root = loader.load(parsed_->file, nullptr);
  return chain_document(std::move(root), parsed_->file, loader.files, overrides);
}

std::string ParsedChain::sha256() const { return hex_sha256(parsed_->files, {}); }

std::string override_name(const std::string& text, std::size_t index) {
  return names_itself(text) ? "--set " + text : "--set #" + std::to_string(index + 1);
}

std::size_t Document::file_rank(std::string_view name) const {
  for (std::size_t i = 0; i < chain.size(); ++i)
    if (chain[i].string() == name) return chain.size() - 1 - i;
  for (std::size_t i = 0; i < override_names.size(); ++i)
    if (override_names[i] == name) return chain.size() + i;
  return chain.size() + override_names.size();
}

std::size_t Document::file_rank(const toml::source_region& where) const {
  return where.path ? file_rank(*where.path) : chain.size() + override_names.size() + 1;
}

bool Document::before(const toml::source_region& a, const toml::source_region& b) const {
  return std::tuple(file_rank(a), a.begin.line, a.begin.column) <
         std::tuple(file_rank(b), b.begin.line, b.begin.column);
}

bool Document::before(const Diagnostic& a, const Diagnostic& b) const {
  return std::tuple(file_rank(a.file), a.line, a.column) < std::tuple(file_rank(b.file), b.line, b.column);
}

std::vector<std::string> split_path(std::string_view dotted) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t dot = dotted.find('.');
    out.emplace_back(dotted.substr(0, dot));
    if (dot == std::string_view::npos) return out;
    dotted.remove_prefix(dot + 1);
  }
}

std::string join_path(const std::vector<std::string>& segments) {
  std::string out;
  for (const std::string& s : segments) {
    if (!out.empty()) out += '.';
    out += s;
  }
  return out;
}

// Segment by segment as split_path cuts them, without making the strings: a
// model reads a few thousand keys.
const toml::node* find_node(const toml::table& root, std::string_view dotted) {
  const toml::node* node = &root;
  for (;;) {
    const std::size_t dot = dotted.find('.');
    const toml::table* table = node->as_table();
    node = table ? table->get(dotted.substr(0, dot)) : nullptr;
    if (!node || dot == std::string_view::npos) return node;
    dotted.remove_prefix(dot + 1);
  }
}

Diagnostic diagnostic_at(const toml::source_region& where, std::string key_path, std::string message) {
  Diagnostic d;
  if (where.path) d.file = *where.path;
  d.line = static_cast<int>(where.begin.line);
  d.column = static_cast<int>(where.begin.column);
  d.key_path = std::move(key_path);
  d.message = std::move(message);
  return d;
}

std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(const Document& doc,
                                                                                  const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> out;
  for (auto&& [key, node] : table) out.emplace_back(&key, &node);
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return doc.before(a.first->source(), b.first->source());
  });
  return out;
}

}  // namespace score::scenario
