#pragma once
// One writer per results file: `score run`, `score sweep` and `score sweep
// --resume` each hold an advisory lock (flock) on ".<name>.lock" next to
// their target from before their temporary file exists until after it is
// renamed, so that a second writer or resumer of the same target is refused
// instead of sharing (and breaking) the first one's partial file and journal.
// The kernel drops the lock when its holder dies, however it dies: a lock
// file left by a killed process never blocks anyone. flock locks are not
// reliable on every network file system; there, as before, one writer per
// target is the user's to ensure.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace score::output {

// Another live process holds the lock. The message names the target and
// the holder's pid and host; the CLI exits 2.
class OutputBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputLock {
 public:
  // Takes the lock of `target`, creating its directory and lock file if
  // needed, and records this process (pid and host) in the file. Never
  // waits: throws OutputBusy when another process holds it, and
  // std::runtime_error naming the target when the lock file cannot be made.
  explicit OutputLock(const std::filesystem::path& target);
  // Removes the lock file and releases the lock.
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // ".<name>.lock" next to `target`.
  static std::filesystem::path path_for(const std::filesystem::path& target);

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace score::output
