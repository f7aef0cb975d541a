#pragma once
// The scenario document: the TOML tree a planner wrote, with `extends`
// resolved and `--set` overrides applied, every node still pointing at the
// file (and line) it came from so that diagnostics can name it.
#include <toml++/toml.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"

namespace score::scenario {

// A chain holds at most this many files (the scenario and its bases).
constexpr std::size_t kMaxExtendsChain = 16;

// Scenario and sweep files larger than this are taken for a mistake (a
// results file, a log), not read.
constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{4} << 20;

// Move-only on purpose: toml++ drops source positions when a node is copied,
// and positions are what make diagnostics useful.
struct Document {
  toml::table root;                          // merged; `extends` removed; overrides applied
  std::filesystem::path file;                // the scenario file named by the user
  std::vector<std::filesystem::path> chain;  // this file, then what it extends, ...
  std::vector<std::string> override_names;   // how diagnostics name each --set, in order (override_name)
  std::string sha256;                        // hex; every chain file's bytes in order, then the overrides
  std::vector<std::string> overrides;        // as given ("a.b=VALUE"), in order

  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  ~Document() = default;

  // How early a position reads in the merged scenario: the deepest base
  // first, then each file extending it, then --set overrides, then nodes
  // without a position. Used to keep keys and diagnostics in file order.
  std::size_t file_rank(const toml::source_region& where) const;
  std::size_t file_rank(std::string_view name) const;  // a chain file's or an override's name
  bool before(const toml::source_region& a, const toml::source_region& b) const;
  bool before(const Diagnostic& a, const Diagnostic& b) const;  // by file, line and column
};

// A scenario file and its `extends` chain, read and parsed once, for the
// many documents a sweep or a calibration makes of it, one set of overrides
// each: copying the parsed tree costs about a tenth of parsing it again.
// A copy keeps its keys' positions, and with them the file order, but not
// its values' (toml++ copies no node's position): a `keys` document builds
// the same model but names no line when it reports a mistake; an `all`
// document parses the bytes read at first once more. Either is made from
// those bytes, whatever happened to the files since.
class ParsedChain {
 public:
  enum class Positions { keys, all };

  // Reads and parses `file` and its chain; throws ScenarioError as
  // load_document does.
  explicit ParsedChain(const std::filesystem::path& file);

  // load_document(file, overrides), from the bytes read at first.
  Document document(const std::vector<std::string>& overrides, Positions positions) const;

  // The hash of those bytes: load_document(file).sha256.
  std::string sha256() const;

 private:
  struct Parsed;
  std::shared_ptr<const Parsed> parsed_;
};

// How diagnostics name the override `text`, given at `index` (0-based):
// "--set KEY=VALUE" when it is short and on one line, else "--set #N".
std::string override_name(const std::string& text, std::size_t index);

// Loads `file`, resolves its `extends` chain and applies each override
// ("a.b.c=VALUE", as given to `score run --set`). Throws ScenarioError.
Document load_document(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

// --- helpers shared by the scenario layer --------------------------------

// Why a scenario or sweep file cannot be read: "no such file", "is a
// directory", "is not a regular file" (a device or a pipe, which could be
// endless), "is larger than 4 MiB"; "" when it is a regular file of a
// plausible size.
std::string unreadable_because(const std::filesystem::path& file);

// "a.b.c" -> {"a", "b", "c"} (no quoting: ids in scenarios are bare keys).
std::vector<std::string> split_path(std::string_view dotted);
std::string join_path(const std::vector<std::string>& segments);

// The node at a dotted path, or nullptr.
const toml::node* find_node(const toml::table& root, std::string_view dotted);

// A diagnostic positioned at `where` (file, line, column when known).
Diagnostic diagnostic_at(const toml::source_region& where, std::string key_path, std::string message);

// A table's entries sorted by the position of their keys (file order).
std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(const Document& doc,
                                                                                  const toml::table& table);

}  // namespace score::scenario
