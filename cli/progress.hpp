// A progress line on stderr for long runs: done/total, rate and time left.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace alemsim {

class ProgressBar {
 public:
  // Draws nothing when `enabled` is false (not a terminal, or --quiet), and nothing during the first
  // second, so short runs stay quiet.
  ProgressBar(std::string what, std::int64_t total, bool enabled);
  void update(std::int64_t done);
  void finish();  // clears the line

 private:
  std::string what_;
  std::int64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// True when stderr is a terminal.
bool stderr_is_terminal();

}  // namespace alemsim
