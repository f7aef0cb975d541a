#pragma once
// Default output names. Scenario, sweep, phase and country names come from
// files other people write: they are data, never paths. A default output
// path is made from a name by keeping a fixed set of characters, so a name
// like "../../x/evil" or "CON" can only ever name a file inside results/;
// `-o` (or the viewer's save dialog) is the only way to choose a folder.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace score::output {

// The longest stem safe_file_stem returns, in bytes.
inline constexpr std::size_t kMaxStem = 64;

// A file name stem made from `name`: only ASCII letters, digits and . _ - =
// (anything else becomes _), no leading . _ or -, no trailing . , at most
// kMaxStem bytes (a longer one is cut and ends in - and 8 hex digits of a
// hash of the whole name, so two long names stay apart), never empty
// ("unnamed"), never a name Windows reserves (CON, NUL, COM1, ...).
std::string safe_file_stem(std::string_view name);

// results/<stem>.h5 for a scenario or sweep `name`; with `overrides`
// (`--set key=value` texts) the stem is the name and each override joined by
// "--", so a changed run never overwrites the plain scenario's results.
std::filesystem::path default_results_path(std::string_view name,
                                           const std::vector<std::string>& overrides = {});

}  // namespace score::output
