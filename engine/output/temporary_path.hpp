#pragma once
// Where a file is written before it is renamed onto its real name: in the same
// directory (rename is atomic only within a file system), hidden, and unique
// per process and call so concurrent writers never share one. And the syncs
// that make the rename durable.
#include <filesystem>

namespace score::output {

// ".<name>.partial-<host>-<pid>-<n>" next to `target`.
std::filesystem::path temporary_path(const std::filesystem::path& target);

// Removes the temporaries of `target` that processes of this host left
// behind when they were killed (SIGKILL, a crash, a node going down) and that
// no live process owns: they are hidden and harmless, but would pile up.
// Temporaries of other hosts (a shared file system) are left alone. Best
// effort; never throws.
void remove_stale_temporaries(const std::filesystem::path& target);

// fsync's the file's data before it is renamed, so that a crash just after
// the rename cannot leave an empty target. Throws std::runtime_error naming
// the file when it cannot be opened, synced or closed (a full disk or a
// failing device shows up here).
void sync_file(const std::filesystem::path& path);

// fsync's the directory holding `file`, so that a rename into it survives a
// crash. Best effort: some file systems refuse to open or sync directories.
void sync_directory_of(const std::filesystem::path& file);

}  // namespace score::output
