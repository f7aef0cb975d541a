#include "output/temporary_path.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace score::output {
namespace {

// ".<name>.partial-<host>-": what every temporary of `target` made on this
// host starts with.
std::string temporary_prefix(const std::filesystem::path& target) {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0 || !host[0]) host[0] = '-';
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "." + string.
  std::string name = ".";
  name += target.filename().string();
  name += ".partial-";
  name += host;
  name += "-";
  return name;
}

}  // namespace

std::filesystem::path temporary_path(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  return target.parent_path() /
         (temporary_prefix(target) + std::to_string(getpid()) + "-" + std::to_string(counter++));
}

void remove_stale_temporaries(const std::filesystem::path& target) {
  const std::string prefix = temporary_prefix(target);
  const std::filesystem::path directory = target.parent_path().empty() ? "." : target.parent_path();
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    // "<pid>-<n>" after the prefix.
    const std::string rest = name.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find('-', dash + 1) != std::string::npos ||
        rest.find_first_not_of("0123456789-") != std::string::npos)
      continue;
    const long pid = std::stol(rest.substr(0, dash));
    if (pid <= 0 || pid == getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code ignored;
    std::filesystem::remove(it->path(), ignored);
  }
}

void sync_file(const std::filesystem::path& path) {
  auto fail = [&](const char* what) {
    throw std::runtime_error(std::string("cannot ") + what + " '" + path.string() +
                             "': " + std::strerror(errno));
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("open");
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    fail("sync");
  }
  if (::close(fd) != 0) fail("close");
}

void sync_directory_of(const std::filesystem::path& file) {
  const std::filesystem::path directory =
      file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace score::output
