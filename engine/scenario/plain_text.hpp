#pragma once
// Text from a scenario (names, descriptions, table keys) is shown in
// terminals, the viewer and CSV files. A control character in it could move
// a terminal's cursor, recolour or retitle it, or fake a line of output, so
// validation refuses such text rather than each display cleaning it.
#include <string>
#include <string_view>

namespace score::scenario {

// "U+001B" for the first control character of `text` (C0 but tab, DEL, C1 in
// UTF-8), with line breaks allowed only when `line_breaks`; "" when none.
std::string control_character(std::string_view text, bool line_breaks);

}  // namespace score::scenario
