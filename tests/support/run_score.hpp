#pragma once
// The score command run as a user runs it, for the tests that drive it from
// outside: its exit code and what it printed. SCORE_EXE is the command's
// path, defined by the test's target (tests/*/CMakeLists.txt).
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace score_test {

struct Result {
  int code;         // the exit code; -1 when the command died of a signal
  std::string out;  // what the command printed (stdout and stderr, unless redirected)
};

// Runs a shell command line and collects its standard output.
inline Result shell(const std::string& command) {
  Result r{-1, ""};
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (fgets(buf.data(), static_cast<int>(buf.size()), pipe)) r.out += buf.data();
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

#ifdef SCORE_EXE
// `score ARGS`, stdout and stderr together.
inline Result score(const std::string& args) { return shell(std::string(SCORE_EXE) + " " + args + " 2>&1"); }
#endif

}  // namespace score_test
