#pragma once
/// \file
/// Running long library calls without the GIL, interruptible with Ctrl-C.
#include <atomic>
#include <cstdint>
#include <functional>

#include <pybind11/pybind11.h>

namespace entente::python {

/// What a long call reports while it runs (written by a worker thread, read by the caller's).
struct Progress {
  std::atomic<std::int64_t> done{0};   ///< units done (e.g. draws)
  std::atomic<std::int64_t> total{0};  ///< units in all; 0 while unknown
};

/// Runs `work` on a helper thread with the GIL released. The calling thread wakes every 50 ms,
/// takes the GIL, runs Python's signal handlers (PyErr_CheckSignals: only the main thread can)
/// and calls `on_progress(done, total)` when given. When a handler raises (Ctrl-C gives
/// KeyboardInterrupt), `cancel` is set, the work is awaited, and the Python exception is
/// rethrown (error_already_set). Exceptions thrown by `work` are rethrown as they are.
void RunInterruptible(const std::function<void()>& work, std::atomic<bool>& cancel,
                      const Progress& progress, const pybind11::object& on_progress);

}  // namespace entente::python
