#pragma once
// Results files damaged as a crash or a bad disk leaves them, for the tests
// that every reader (the CLI's commands, the viewer) names such a file and
// never crashes on it.
#include <filesystem>
#include <fstream>
#include <string>

namespace score_test {

// Inverts `count` bytes at each of `hits` evenly spaced places of `path`, in place.
inline void flip_bytes(const std::filesystem::path& path, int hits, int count) {
  const auto size = std::filesystem::file_size(path);
  std::fstream io(path, std::ios::in | std::ios::out | std::ios::binary);
  for (int h = 1; h <= hits; ++h) {
    const auto at =
        static_cast<std::streamoff>(size * static_cast<unsigned>(h) / static_cast<unsigned>(hits + 1));
    std::string bytes(static_cast<std::size_t>(count), '\0');
    io.seekg(at);
    io.read(bytes.data(), count);
    for (char& c : bytes) c = static_cast<char>(~c);
    io.seekp(at);
    io.write(bytes.data(), count);
  }
}

// Cuts `path` to half its size, in place, as a write stopped midway leaves it.
inline void cut_in_half(const std::filesystem::path& path) {
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
}

}  // namespace score_test
