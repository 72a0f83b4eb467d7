#include "cli/progress.hpp"

#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

namespace alemsim {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(std::string what, std::int64_t total, bool enabled)
    : what_(std::move(what)), total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::update(std::int64_t done) {
  if (!enabled_) return;
  using namespace std::chrono;
  const auto now = steady_clock::now();
  const double elapsed = duration<double>(now - start_).count();
  if (elapsed < 1.0 || (drawn_ && now - last_draw_ < milliseconds(200))) return;
  last_draw_ = now;
  drawn_ = true;
  const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const double rate = static_cast<double>(done) / elapsed;
  const double left = rate > 0.0 ? static_cast<double>(total_ - done) / rate : 0.0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(fraction * kWidth);
  fmt::print(stderr, "\r[{:=<{}}{:<{}}] {:3.0f}% {}/{} {}, {:.0f}/s, {:.0f} s left ", "", filled, "", kWidth - filled,
             100.0 * fraction, done, total_, what_, rate, left);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_ && drawn_) {
    fmt::print(stderr, "\r{:<100}\r", "");
    std::fflush(stderr);
  }
}

}  // namespace alemsim
