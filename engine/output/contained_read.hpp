#pragma once
// Reading a results file that may be damaged without letting HDF5 take the
// process down. HDF5 1.10 is not safe against every damaged file: on some it
// loops forever, reads out of bounds (in its global heap, reading the
// variable-length strings of every attribute; docs/reliability.md) or asks
// for memory no results file needs (a size field gone wrong). Nothing
// outside the library can stop that, so the readers first read the file in
// a child process (fork) with a time limit, and read it themselves only
// when the child got through within it and within a memory bound. A child
// that crashes, runs out of time or grows past the bound becomes an
// ordinary error naming the file.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace score::output {

// Runs `read` in a forked child process (the calling process's HDF5 state
// quiescent: the fork happens under the HDF5 lock) and waits for it at most
// read_time_limit() seconds. Returns when the child ran `read` to its end
// having grown by no more than read_memory_limit_mib(the file's size);
// throws std::runtime_error with the message of what `read` threw (the
// same error the reader would have given), or, when the child crashed, ran
// out of time or grew past the bound, one that starts "`kind` 'PATH': " and
// says so. Must not be called while holding an h5::Lock.
void read_contained(const std::string& kind, const std::filesystem::path& path,
                    const std::function<void()>& read);

// `path`, once check(path) returned: lets a reader's constructor check its
// file in a child process before it delegates to the one that opens it.
inline const std::filesystem::path& checked(const std::filesystem::path& path,
                                            void (*check)(const std::filesystem::path&)) {
  check(path);
  return path;
}

// Seconds a child may take: SCORE_READ_TIME_LIMIT when set to a positive
// number, else 30. The check reads at most 2^24 values of a run's time
// series (128 MiB) and a sweep's outcomes: about a second from a local disk,
// so 30 s leaves room for slow file systems and loaded machines.
int read_time_limit();

// MiB of memory a child may take on while it reads a file of `file_bytes`:
// SCORE_READ_MEMORY_LIMIT when set to a positive number, else 1024, and
// never less than 16 times the file's size. The checks read at most 2^24
// values of a run (128 MiB), a sweep's statistics (a few MiB per MiB of
// file, a deflated one's up to about 13) and, for `score diff`, each file
// a slab of rows at a time. HDF5 asked a fuzzed 58 kB sweep file for
// 1,040 MiB at once.
std::int64_t read_memory_limit_mib(std::uintmax_t file_bytes);

}  // namespace score::output
