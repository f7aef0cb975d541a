#pragma once
// Text from a scenario or results file in HTML (the rule for any report the
// project writes): every such string goes through html_escape, so a
// description holding <script> or <img onerror=...> shows as those
// characters and runs nothing.
#include <string>
#include <string_view>

namespace score::output {

// `text` with & < > " ' as character references: safe in element content
// and in quoted attribute values. Control characters but tab and line breaks
// become U+FFFD, which HTML would otherwise take as errors.
std::string html_escape(std::string_view text);

}  // namespace score::output
