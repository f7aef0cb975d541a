#include "cli/sweep_progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace score::cli {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto s = static_cast<long long>(std::llround(seconds));
  char buffer[32];
  if (s < 60)
    std::snprintf(buffer, sizeof buffer, "%llds", s);
  else if (s < 3600)
    std::snprintf(buffer, sizeof buffer, "%lldm%02llds", s / 60, s % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", s / 3600, s % 3600 / 60);
  return buffer;
}

SweepProgress::SweepProgress(int points, int done, std::int64_t months_per_point, int replications,
                             bool enabled)
    : points_(points),
      done_(done),
      done_at_start_(done),
      months_left_at_start_(static_cast<std::int64_t>(points - done) * months_per_point),
      replications_(replications),
      enabled_(enabled && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

SweepProgress::~SweepProgress() { finish(); }

void SweepProgress::month() {
  ++months_;
  maybe_draw(false);
}

void SweepProgress::point() {
  ++done_;
  maybe_draw(true);
}

void SweepProgress::maybe_draw(bool force) {
  if (!enabled_) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock) return;  // another thread is drawing; the next update catches up
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw();
}

// Call with mutex_ held.
void SweepProgress::draw() {
  constexpr int width = 24;
  const int done = done_.load();
  const double share = points_ > 0 ? static_cast<double>(done) / points_ : 1.0;
  std::string bar(static_cast<std::size_t>(share * width), '#');
  bar.resize(width, '.');
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double runs = static_cast<double>(done - done_at_start_) * replications_;
  const auto months = static_cast<double>(months_.load());
  // Months are the finer measure of work: the time left follows them.
  const double left =
      months > 0 ? elapsed * (static_cast<double>(months_left_at_start_) - months) / months : NAN;
  std::fprintf(stderr, "\rscore sweep [%s] %d/%d points  %.2f runs/s  ~%s left   ", bar.c_str(), done,
               points_, elapsed > 0 ? runs / elapsed : 0.0, format_duration(left).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void SweepProgress::message(const std::string& text) {
  std::lock_guard lock(mutex_);
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
  if (drawn_) draw();
}

void SweepProgress::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_) {
    draw();
    std::fprintf(stderr, "\n");
  }
  drawn_ = false;
  enabled_ = false;
}

}  // namespace score::cli
