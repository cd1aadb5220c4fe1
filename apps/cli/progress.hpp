#pragma once
/// \file
/// A progress bar on stderr for long runs, and Ctrl-C turned into a clean stop.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace entente::cli {

/// Draws `[#####.....] 45%  450000/1000000  812k/s  0:01 left` on stderr, but only when stderr
/// is a terminal and the run has taken more than a second; silent when piped.
class ProgressBar {
 public:
  ProgressBar();
  /// Redraws with `done` of `total` units finished.
  void Update(std::int64_t done, std::int64_t total);
  /// Clears the bar's line if one was drawn.
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

/// Installs a SIGINT handler that sets the returned flag (a second Ctrl-C kills the process as
/// usual). The flag is process-wide.
const std::atomic<bool>& InterruptFlag();

}  // namespace entente::cli
