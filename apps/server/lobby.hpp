#pragma once
/// \file
/// The lobby of `entente serve`: connections wait here, holding no worker, until a whole
/// request head has arrived; a worker then serves that one request and hands the connection
/// back. A client that trickles its headers or idles on a keep-alive connection therefore
/// costs a socket and a buffer, never a worker, and is closed at its deadline; each client
/// address may hold only so many connections. While a request is served the lobby watches its
/// socket for a hang-up and sets the request's cancel flag, which the models poll.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "connection.hpp"

namespace entente::server {

/// Bounds on connections (flags of `entente serve`, docs/api.md).
struct LobbyLimits {
  int workers = 64;                                ///< requests served at once
  std::chrono::milliseconds read_timeout{10000};   ///< a request, head and body, from its first
                                                   ///< byte (a new connection's first request:
                                                   ///< also from the accept)
  std::chrono::milliseconds idle_timeout{5000};    ///< keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{10000};  ///< an answer's write without progress
  int max_per_client = 128;                        ///< open connections per client address
  int max_connections = 768;                       ///< open connections in all (< FD_SETSIZE)
  int max_requests = 100;                          ///< requests per keep-alive connection
  std::size_t max_head_bytes = 64 * 1024;          ///< a larger request head gets 431
};

/// What the lobby has counted since the start (GET /api/health reports it).
struct LobbyStats {
  std::int64_t open = 0;       ///< connections open now
  std::int64_t refused = 0;    ///< turned away at accept: a bound was reached (503)
  std::int64_t timed_out = 0;  ///< closed at a deadline with a request half sent (408)
};

/// See the file comment. Thread-safe: Admit is called by the accepting thread, Stats by any.
class Lobby {
 public:
  /// Serves one request read from `stream`: `last` asks to close the connection after it,
  /// `closed` is set when the request asked for that. False when the connection is unusable.
  using ServeOne = std::function<bool(httplib::Stream& stream, bool last, bool& closed)>;

  /// Starts the event thread and `limits.workers` workers.
  Lobby(const LobbyLimits& limits, ServeOne serve);
  /// Stop().
  ~Lobby();
  Lobby(const Lobby&) = delete;
  Lobby& operator=(const Lobby&) = delete;

  /// Takes an accepted socket: waits for its request, or answers 503 and closes it when the
  /// client or the server is at its connection bound.
  void Admit(int fd);
  /// Cancels the requests being served, waits for the workers and closes every connection.
  void Stop();
  /// The counters.
  [[nodiscard]] LobbyStats Stats() const;

 private:
  enum class State { kWaiting, kQueued, kServing };
  struct Entry {
    std::unique_ptr<Connection> c;
    State state = State::kWaiting;
    bool watched = true;  // registered with epoll
  };
  enum class Read { kMore, kHead, kClosed, kTooLarge };

  void Loop();
  void Work();
  void Handle(std::uint64_t id, std::uint32_t events);
  Read Receive(Connection& c);
  void Dispatch(std::uint64_t id);
  void Requeue(Connection& c);
  void Sweep();
  void Close(std::uint64_t id);

  LobbyLimits limits_;
  ServeOne serve_;
  int epoll_ = -1;
  int wake_ = -1;  // eventfd that interrupts epoll_wait on Stop
  mutable std::mutex mutex_;
  std::condition_variable ready_cv_;
  std::deque<Connection*> ready_;
  std::unordered_map<std::uint64_t, Entry> entries_;
  std::unordered_map<std::string, int> per_client_;
  std::uint64_t next_id_ = 1;  // 0 marks the wake-up descriptor in epoll events
  bool stopping_ = false;
  std::atomic<std::int64_t> refused_{0}, timed_out_{0};
  std::thread loop_;
  std::vector<std::thread> workers_;
};

/// The cancel flag of the request the calling thread serves; nullptr outside a lobby worker.
[[nodiscard]] const std::atomic<bool>* CurrentCancelFlag();

/// Closes the calling worker's connection once its answer is written: for answers given
/// before the request body was read (a refused request), whose unread bytes would otherwise
/// be taken for the next request. Does nothing outside a lobby worker.
void CloseAfterThisRequest();

}  // namespace entente::server
