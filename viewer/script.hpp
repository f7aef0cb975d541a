#pragma once
// Scripted mode: a text file of commands that drive the viewer through the
// same actions as its buttons, one command per frame, the window drawn in
// between (docs/viewer.md lists the commands). Used by the tests under Xvfb
// and to take the screenshots of the documentation.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "app.hpp"

namespace score::viewer {

class ScriptRunner {
 public:
  // Reads the script; throws std::runtime_error if it cannot.
  explicit ScriptRunner(const std::filesystem::path& file);

  // Runs what can run this frame; false once the script is over.
  bool advance(App& app);
  // 0 when every command and expectation held, 1 otherwise.
  int exit_code() const { return failed_ ? 1 : 0; }

 private:
  struct Command {
    int line = 0;
    std::vector<std::string> words;
  };
  bool execute(App& app, const Command& command);  // false: a command or an expectation failed
  bool waiting(const App& app);                    // still waiting for runs or frames
  double elapsed() const;

  std::vector<Command> commands_;
  std::size_t next_ = 0;
  bool last_ok_ = true, failed_ = false, waiting_for_runs_ = false;
  int frames_to_wait_ = 0;
  int months_to_wait_ = 0;  // wait-months: until the current run has simulated this many
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace score::viewer
