#include "output/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace score::output {
namespace {

std::string holder_of(int fd) {
  char text[300] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  std::string holder = n > 0 ? std::string(text, static_cast<std::size_t>(n)) : "";
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
  return holder.empty() ? "another process (it has not yet said which)" : holder;
}

std::string this_process() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return "process " + std::to_string(getpid()) + (host[0] ? std::string(" on ") + host : "");
}

// The lock file still names the file we locked: a holder that finished in
// between removed it (and a newcomer may have made a new one), in which case
// our lock guards nothing and the caller tries again.
bool still_linked(int fd, const std::filesystem::path& path) {
  struct stat held {
  }, named{};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
         held.st_dev == named.st_dev;
}

}  // namespace

std::filesystem::path OutputLock::path_for(const std::filesystem::path& target) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "." + string.
  std::string name = ".";
  name += target.filename().string();
  name += ".lock";
  return target.parent_path() / name;
}

OutputLock::OutputLock(const std::filesystem::path& target) : path_(path_for(target)) {
  auto fail = [&](const std::string& what, int error) {
    throw std::runtime_error("cannot write results file '" + target.string() + "': " + what + " '" +
                             path_.string() + "': " + std::strerror(error));
  };
  std::error_code error;
  if (!target.parent_path().empty()) std::filesystem::create_directories(target.parent_path(), error);
  for (int attempt = 0; attempt < 100; ++attempt) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create the lock file", errno);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int why = errno;
      const std::string holder = holder_of(fd_);
      ::close(fd_);
      fd_ = -1;
      if (why != EWOULDBLOCK) fail("cannot lock", why);
      throw OutputBusy("'" + target.string() + "' is being written by " + holder +
                       "; wait for it to finish or stop it (lock file " + path_.string() + ")");
    }
    if (still_linked(fd_, path_)) break;
    ::close(fd_);
    fd_ = -1;
  }
  if (fd_ < 0) fail("cannot lock", EAGAIN);
  const std::string me = this_process() + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, me.data(), me.size(), 0) != static_cast<ssize_t>(me.size())) {
    const int why = errno ? errno : ENOSPC;
    ::unlink(path_.c_str());
    ::close(fd_);
    fail("cannot write the lock file", why);
  }
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // Removed while still held, so no one can lock the old file after us.
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace score::output
