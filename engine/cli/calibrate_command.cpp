// score calibrate FILE: ABC-SMC over the engine (docs/calibration.md).
#include <iostream>

#include "cli/calibrate_commands.hpp"
#include "cli/commands.hpp"

namespace score::cli {

int calibrate_command(const CalibrateArgs& args) {
  std::cerr << "score calibrate: " << args.file << ": calibration is not built yet; use --check\n";
  return kBadInput;
}

}  // namespace score::cli
