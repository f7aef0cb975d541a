#include "output/contained_read.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

// Test-only fault injection (tests/output/contained_read_test.cpp):
// SCORE_TEST_READ_FAULT=crash or hang makes the child crash or hang as
// HDF5 does on some damaged files.
void injected_fault() {
  const char* fault = std::getenv("SCORE_TEST_READ_FAULT");
  if (!fault) return;
  if (std::strcmp(fault, "crash") == 0) ::raise(SIGSEGV);
  if (std::strcmp(fault, "hang") == 0)
    for (;;) ::pause();
}

// The child: "ok", or "error" and the message. Never returns.
[[noreturn]] void child(int fd, const std::function<void()>& read) {
  std::string reply = "ok";
  try {
    injected_fault();
    read();
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

void read_contained(const std::string& kind, const std::filesystem::path& path,
                    const std::function<void()>& read) {
  const std::string where = kind + " '" + path.string() + "': ";
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(where + "cannot check it: " + std::strerror(errno));
  const int limit = read_time_limit();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limit);
  const pid_t pid = h5::fork_quiescent();
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1], read);
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
