#pragma once
// Where a file is written before it is renamed onto its real name: in the same
// directory (rename is atomic only within a file system), hidden, and unique
// per process and call so concurrent writers never share one.
#include <filesystem>

namespace score::output {

// ".<name>.partial-<pid>-<n>" next to `target`.
std::filesystem::path temporary_path(const std::filesystem::path& target);

}  // namespace score::output
