#include "output/temporary_path.hpp"

#include <unistd.h>

#include <atomic>
#include <string>

namespace score::output {

std::filesystem::path temporary_path(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "." + string.
  std::string name = ".";
  name += target.filename().string();
  name += ".partial-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  return target.parent_path() / name;
}

}  // namespace score::output
