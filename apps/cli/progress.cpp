#include "progress.hpp"

#include <csignal>
#include <cstdio>

#include <unistd.h>  // isatty

#include <fmt/format.h>

namespace entente::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnSigint(int /*signal*/) {
  g_interrupted.store(true);
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

}  // namespace

ProgressBar::ProgressBar()
    : enabled_(::isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(std::int64_t done, std::int64_t total) {
  if (!enabled_ || total <= 0) return;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (elapsed < 1.0 && !drawn_) return;
  const double frac = static_cast<double>(done) / static_cast<double>(total);
  const int width = 30;
  const int filled = static_cast<int>(frac * width);
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  const auto secs = static_cast<long>(left);
  std::fprintf(stderr, "\r[%s%s] %3.0f%%  %lld/%lld  %s/s  %ld:%02ld left ",
               std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
               100 * frac, static_cast<long long>(done), static_cast<long long>(total),
               rate >= 1e6   ? fmt::format("{:.1f}M", rate / 1e6).c_str()
               : rate >= 1e3 ? fmt::format("{:.0f}k", rate / 1e3).c_str()
                             : fmt::format("{:.0f}", rate).c_str(),
               secs / 60, secs % 60);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (drawn_) std::fprintf(stderr, "\r%80s\r", "");
  drawn_ = false;
}

const std::atomic<bool>& InterruptFlag() {
  std::signal(SIGINT, OnSigint);
  return g_interrupted;
}

}  // namespace entente::cli
