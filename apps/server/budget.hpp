#pragma once
/// \file
/// The running bound of one request: the estimate (cost.hpp) refuses what is clearly too
/// much before it starts, and a Budget stops what turns out so while it runs. A watcher thread
/// polls the CPU time of the thread serving the request and the client's hang-up flag, and
/// sets the flag the models poll once a round (ModelOptions::set_cancel) when either says stop.

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <time.h>

namespace entente::server {

/// See the file comment. Construct it on the thread that does the work.
class Budget {
 public:
  /// Watches the calling thread's CPU time against `max_cpu_ns` and `client_gone` (may be
  /// nullptr) until destroyed.
  Budget(const std::atomic<bool>* client_gone, double max_cpu_ns);
  /// Stops the watcher.
  ~Budget();
  Budget(const Budget&) = delete;
  Budget& operator=(const Budget&) = delete;

  /// The flag to give the models and the Monte Carlo: set when the work should stop.
  [[nodiscard]] const std::atomic<bool>* stop() const { return &stop_; }
  /// True when the work used up its CPU budget (the answer is then 422).
  [[nodiscard]] bool exhausted() const { return exhausted_.load(); }
  /// True when the client hung up (nobody reads the answer).
  [[nodiscard]] bool client_gone() const { return client_gone_ != nullptr && client_gone_->load(); }
  /// CPU seconds the calling thread used since construction.
  [[nodiscard]] double cpu_seconds() const;

 private:
  void Watch();

  const std::atomic<bool>* client_gone_;
  double max_cpu_ns_;
  clockid_t clock_{};
  double start_ns_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> exhausted_{false};
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread watcher_;
};

}  // namespace entente::server
