// A watcher thread per request (tens of microseconds to start, against requests of
// milliseconds and more) wakes every 20 ms: the CPU clock of another thread can be read
// (pthread_getcpuclockid), its work cannot be interrupted, so the models poll a flag.
#include "budget.hpp"

#include <chrono>
#include <cmath>

#include <pthread.h>

namespace entente::server {
namespace {

constexpr std::chrono::milliseconds kPoll{20};

double Nanoseconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

}  // namespace

Budget::Budget(const std::atomic<bool>* client_gone, double max_cpu_ns)
    : client_gone_(client_gone), max_cpu_ns_(max_cpu_ns) {
  if (pthread_getcpuclockid(pthread_self(), &clock_) != 0) {
    clock_ = CLOCK_MONOTONIC;  // no CPU clock: watch the client only
    max_cpu_ns_ = HUGE_VAL;
  }
  start_ns_ = Nanoseconds(clock_);
  // A client gone already stops the work at once, not at the watcher's first look (20 ms,
  // longer than many requests take).
  if (client_gone != nullptr && client_gone->load()) stop_ = true;
  watcher_ = std::thread([this] { Watch(); });
}

Budget::~Budget() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  done_cv_.notify_one();
  watcher_.join();
}

double Budget::cpu_seconds() const {
  return (Nanoseconds(clock_) - start_ns_) / 1e9;
}

void Budget::Watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!done_cv_.wait_for(lock, kPoll, [this] { return done_; })) {
    if (client_gone()) stop_ = true;
    if (Nanoseconds(clock_) - start_ns_ > max_cpu_ns_) {
      exhausted_ = true;
      stop_ = true;
    }
    if (stop_) return;
  }
}

}  // namespace entente::server
