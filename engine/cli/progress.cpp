#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace score::cli {

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)),
      enabled_(enabled && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(std::int64_t done, std::int64_t total) {
  if (!enabled_) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock) return;  // another thread is drawing; skip, the next update catches up
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw(done, total);
}

void Progress::draw(std::int64_t done, std::int64_t total) {
  constexpr int width = 30;
  const double share = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const int filled = static_cast<int>(share * width);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double left = share > 0 ? elapsed * (1 - share) / share : 0;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  std::fprintf(stderr, "\r%s [%s] %3.0f%%  %.1fs elapsed, ~%.1fs left ", label_.c_str(), bar.c_str(),
               share * 100, elapsed, left);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_) std::fprintf(stderr, "\n");
  drawn_ = false;
}

}  // namespace score::cli
