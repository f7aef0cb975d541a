#pragma once
// `score` started in the background for the tests that signal, stop or kill
// it part-way. The command announces how far it got on a pipe
// (SCORE_TEST_READY_FD, cli/run_support.hpp: "signals", "output",
// "running"), and the test blocks reading that pipe until the stage it wants:
// no sleeps, whatever the machine's load. A command that exits before the
// stage closes the pipe, so the wait ends (and reports it) instead of hanging.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/file_text.hpp"

namespace score_test {

class SignalledRun {
 public:
  // Starts `score ARGS`, stdout and stderr into `log`. With `ignore_sigint`
  // the command starts with SIGINT ignored, as a background job of a shell
  // script does.
  SignalledRun(const std::vector<std::string>& args, const std::filesystem::path& log,
               bool ignore_sigint = false)
      : log_(log) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;  // other commands the test starts inherit neither end
    pid_ = ::fork();
    if (pid_ == 0) {
      ::fcntl(fds[1], F_SETFD, 0);  // this one keeps the write end
      // Set either way: a test runner started from a script in the
      // background has SIGINT ignored, which `score` would inherit.
      ::signal(SIGINT, ignore_sigint ? SIG_IGN : SIG_DFL);
      ::setenv("SCORE_TEST_READY_FD", std::to_string(fds[1]).c_str(), 1);
      const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(out, 2);
      std::vector<char*> argv{const_cast<char*>(SCORE_EXE)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(SCORE_EXE, argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    ready_ = fds[0];
  }
  ~SignalledRun() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
    if (ready_ >= 0) ::close(ready_);
  }
  SignalledRun(const SignalledRun&) = delete;
  SignalledRun& operator=(const SignalledRun&) = delete;

  pid_t pid() const { return pid_; }

  // Blocks until the command announces `stage`; false if it exited first.
  bool wait_for(const std::string& stage) {
    std::string line;
    char c = 0;
    while (::read(ready_, &c, 1) == 1) {
      if (c != '\n') {
        line += c;
        continue;
      }
      if (line == stage) return true;
      line.clear();
    }
    return false;
  }

  void signal(int number) const { ::kill(pid_, number); }

  // Waits for the command to end; its wait status.
  int wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    return status;
  }

  // What the command printed.
  std::string output() const { return score_test::file_text(log_); }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int ready_ = -1;
  bool reaped_ = false;
};

}  // namespace score_test
