// Why a helper thread: Python runs signal handlers only on the main thread, and the library
// calls its progress callback from whichever TBB worker finished a chunk. So the caller's
// thread stays free to notice Ctrl-C while the work runs elsewhere, and tells the work to stop
// through the library's own cancel flag.
#include "interruptible.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace py = pybind11;

namespace entente::python {

void RunInterruptible(const std::function<void()>& work, std::atomic<bool>& cancel,
                      const Progress& progress, const py::object& on_progress) {
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  std::exception_ptr failure;
  std::optional<py::error_already_set> interrupt;
  std::int64_t last_done = -1;
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      try {
        work();
      } catch (...) {
        failure = std::current_exception();
      }
      const std::lock_guard<std::mutex> lock(mutex);
      finished = true;
      finished_cv.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex);
    while (!finished_cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished; })) {
      if (interrupt) continue;  // already cancelled: wait for the work to wind down
      lock.unlock();
      {
        py::gil_scoped_acquire gil;
        bool failed = false;
        try {
          const std::int64_t done = progress.done.load();
          if (!on_progress.is_none() && done != last_done) {
            last_done = done;
            on_progress(done, progress.total.load());
          }
        } catch (py::error_already_set& e) {
          e.restore();  // the callback raised: stop like on Ctrl-C, with its exception
          failed = true;
        }
        if (failed || PyErr_CheckSignals() != 0) {
          interrupt.emplace();  // takes the pending Python exception (KeyboardInterrupt)
          cancel.store(true);
        }
      }
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (interrupt) throw std::move(*interrupt);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace entente::python
