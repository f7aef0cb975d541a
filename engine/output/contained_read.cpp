#include "output/contained_read.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "output/hdf5_handle.hpp"

namespace score::output {
namespace {

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// Test-only fault injection (tests/output/results_reader_test.cpp):
// SCORE_TEST_READ_FAULT=crash, hang or hog makes the child crash, hang or
// take 256 MiB as HDF5 does on some damaged files.
void injected_fault() {
  const char* fault = std::getenv("SCORE_TEST_READ_FAULT");
  if (!fault) return;
  if (std::strcmp(fault, "crash") == 0) ::raise(SIGSEGV);
  if (std::strcmp(fault, "hang") == 0)
    for (;;) ::pause();
  if (std::strcmp(fault, "hog") == 0) {
    constexpr std::size_t kHog = std::size_t{256} << 20;
    // Written through volatile, page by page: an allocation never touched
    // would take no memory, and one never read could be left out.
    volatile char* const hog = new char[kHog];
    for (std::size_t i = 0; i < kHog; i += 4096) hog[i] = 1;
  }
}

// The most memory this process has held, in KiB.
std::int64_t peak_kib() {
  rusage use{};
  ::getrusage(RUSAGE_SELF, &use);
  return use.ru_maxrss;
}

// The child: "ok", or "error" and the message. Never returns.
[[noreturn]] void child(int fd, const std::function<void()>& read, const std::string& where,
                        std::int64_t limit_mib) {
  std::string reply = "ok";
  try {
    // A fork starts its own peak at what it holds (the parent's earlier
    // peaks are not its own), so the growth is the read's.
    const std::int64_t before = peak_kib();
    injected_fault();
    read();
    const std::int64_t grown_mib = (peak_kib() - before) / 1024;
    if (grown_mib > limit_mib)
      reply = "error" + where + "damaged: reading it took " + std::to_string(grown_mib) +
              " MiB of memory, more than the " + std::to_string(limit_mib) +
              " MiB a file of its size may (SCORE_READ_MEMORY_LIMIT sets the least)";
  } catch (const std::exception& e) {
    reply = std::string("error") + e.what();
  } catch (...) {
    reply = "error(an unknown exception)";
  }
  write_all(fd, reply);
  // No exit handlers, no flushing of the parent's buffers, no leak checks.
  ::_exit(0);
}

// Reads the child's reply until it closes the pipe or the time is up.
// False when the time ran out.
bool collect(int fd, std::string& reply, std::chrono::steady_clock::time_point deadline) {
  char buffer[4096];
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 60'000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
}

int reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

int read_time_limit() {
  const char* text = std::getenv("SCORE_READ_TIME_LIMIT");
  const long seconds = text ? std::strtol(text, nullptr, 10) : 0;
  return seconds > 0 && seconds < 1'000'000 ? static_cast<int>(seconds) : 30;
}

std::int64_t read_memory_limit_mib(std::uintmax_t file_bytes) {
  const char* text = std::getenv("SCORE_READ_MEMORY_LIMIT");
  const long long mib = text ? std::strtoll(text, nullptr, 10) : 0;
  const std::int64_t least = mib > 0 && mib < (std::int64_t{1} << 40) ? mib : 1024;
  return std::max<std::int64_t>(least, static_cast<std::int64_t>(file_bytes >> 20) * 16);
}

void read_contained(const std::string& kind, const std::filesystem::path& path,
                    const std::function<void()>& read) {
  const std::string where = kind + " '" + path.string() + "': ";
  std::error_code unknown;  // a file that cannot be sized is read to its error in the child
  const std::uintmax_t bytes = std::filesystem::file_size(path, unknown);
  const std::int64_t memory_limit = read_memory_limit_mib(unknown ? 0 : bytes);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(where + "cannot check it: " + std::strerror(errno));
  const int limit = read_time_limit();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limit);
  const pid_t pid = h5::fork_quiescent();
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1], read, where, memory_limit);
  }
  ::close(fds[1]);
  if (pid < 0) {
    ::close(fds[0]);
    throw std::runtime_error(where + "cannot check it: " + std::strerror(errno));
  }
  std::string reply;
  const bool in_time = collect(fds[0], reply, deadline);
  ::close(fds[0]);
  if (!in_time) ::kill(pid, SIGKILL);
  const int status = reap(pid);
  if (!in_time)
    throw std::runtime_error(where + "reading it did not finish within " + std::to_string(limit) +
                             " s (a damaged file on which HDF5 loops; SCORE_READ_TIME_LIMIT sets the limit)");
  if (reply == "ok" && WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  if (reply.rfind("error", 0) == 0) throw std::runtime_error(reply.substr(5));
  const std::string how = WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                              : "exit code " + std::to_string(WEXITSTATUS(status));
  throw std::runtime_error(where + "damaged: HDF5 crashed reading it (" + how + ", in a child process)");
}

}  // namespace score::output
