#include "scenario/plain_text.hpp"

#include <cstdio>

namespace score::scenario {

std::string control_character(std::string_view text, bool line_breaks) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned code = c;
    if (c == 0xC2 && i + 1 < text.size()) code = static_cast<unsigned char>(text[i + 1]);  // U+0080..U+00BF
    const bool control = (c < 0x20 && c != '\t' && !(line_breaks && c == '\n')) || c == 0x7F ||
                         (c == 0xC2 && code >= 0x80 && code <= 0x9F);
    if (!control) continue;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "U+%04X", code);
    return buffer;
  }
  return {};
}

}  // namespace score::scenario
