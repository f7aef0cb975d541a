#include "scenario/resolved.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "scenario/validate.hpp"

namespace score::scenario {
namespace {

bool is_bare_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string basic_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string key_text(std::string_view key) { return is_bare_key(key) ? std::string(key) : basic_string(key); }

// Shortest text that parses back to the same double, always as a TOML float.
std::string float_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  std::string out(buf, r.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

class Emitter {
 public:
  explicit Emitter(const Document& doc) : doc_(doc) {}

  std::string run() {
    out_ << "# Resolved scenario " << doc_.file.string() << ": extends and --set applied.\n";
    if (doc_.chain.size() > 1) {
      out_ << "# Files:";
      for (const auto& f : doc_.chain) out_ << ' ' << f.string();
      out_ << " (each extends the next)\n";
    }
    out_ << "# sha256: " << doc_.sha256 << '\n';
    std::vector<std::string> path;
    section(doc_.root, path);
    return out_.str();
  }

 private:
  const Document& doc_;
  std::ostringstream out_;

  // Tables become [sections] unless written inline or a schema leaf (a
  // provenance table reads best on the line of its key).
  static bool is_section(const std::vector<std::string>& path, const toml::node& node) {
    const toml::table* table = node.as_table();
    return table && !table->is_inline() && !find_spec(path);
  }

  void section(const toml::table& table, std::vector<std::string>& path) {
    const auto entries = entries_in_file_order(doc_, table);
    std::vector<std::pair<const toml::key*, const toml::node*>> sections;
    bool header_written = path.empty();
    for (const auto& [key, node] : entries) {
      path.emplace_back(key->str());
      if (is_section(path, *node)) {
        sections.emplace_back(key, node);
      } else {
        if (!header_written) header(path.size() - 1, path);
        header_written = true;
        out_ << key_text(key->str()) << " = " << value(*node) << '\n';
      }
      path.pop_back();
    }
    if (!header_written && entries.empty()) header(path.size(), path);
    for (const auto& [key, node] : sections) {
      path.emplace_back(key->str());
      section(*node->as_table(), path);
      path.pop_back();
    }
  }

  void header(std::size_t depth, const std::vector<std::string>& path) {
    out_ << "\n[";
    for (std::size_t i = 0; i < depth; ++i) out_ << (i ? "." : "") << key_text(path[i]);
    out_ << "]\n";
  }

  std::string value(const toml::node& node) {
    if (const auto* s = node.as_string()) return basic_string(s->get());
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) return float_text(f->get());
    if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
    if (const auto* a = node.as_array()) {
      std::string out = "[";
      for (std::size_t i = 0; i < a->size(); ++i) out += (i ? ", " : "") + value((*a)[i]);
      return out + "]";
    }
    if (const auto* t = node.as_table()) return inline_table(*t);
    std::ostringstream os;  // dates and times: toml++ writes them in TOML form
    if (const auto* d = node.as_date())
      os << *d;
    else if (const auto* tm = node.as_time())
      os << *tm;
    else if (const auto* dt = node.as_date_time())
      os << *dt;
    return os.str();
  }

  std::string inline_table(const toml::table& table) {
    if (table.empty()) return "{}";
    std::string out = "{ ";
    bool first = true;
    for (const auto& [key, node] : entries_in_file_order(doc_, table)) {
      out += (first ? "" : ", ") + key_text(key->str()) + " = " + value(*node);
      first = false;
    }
    return out + " }";
  }
};

}  // namespace

std::string to_toml(const Document& doc) { return Emitter(doc).run(); }

}  // namespace score::scenario
