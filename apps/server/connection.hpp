#pragma once
/// \file
/// One client connection of `entente serve`, and the httplib::Stream a worker reads a request
/// from and writes its answer to. The socket is non-blocking; every wait is a poll() with a
/// deadline, so no client can hold a worker longer than the timeouts allow.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include <httplib.h>

namespace entente::server {

/// The clock of every deadline.
using Clock = std::chrono::steady_clock;

/// A client connection, owned by the Lobby from accept to close.
struct Connection {
  std::uint64_t id = 0;        ///< unique for the server's life (epoll events carry it, not the fd)
  int fd = -1;                 ///< the socket
  std::string ip;              ///< the client's address; the per-client bound counts by it
  int port = 0;                ///< the client's port
  std::string local_ip;        ///< the address the client reached
  int local_port = 0;          ///< the port the client reached
  std::string buffer;          ///< bytes received, [consumed, size) not yet read by a request
  std::size_t consumed = 0;    ///< see buffer
  Clock::time_point deadline;  ///< waiting: when the lobby closes it; served: when the
                               ///< request must have been read in full
  bool started = false;        ///< a byte of the next request has arrived
  int requests = 0;            ///< requests served on it (keep-alive bound)
  bool close_after = false;    ///< close once the answer is written (the body was not read)
  std::atomic<bool> cancel{false};  ///< set when the client hangs up while it is served

  /// Bytes received and not yet read.
  [[nodiscard]] std::size_t Pending() const { return buffer.size() - consumed; }
  /// True when the pending bytes hold a whole request head (request line and headers).
  [[nodiscard]] bool HasHead() const;
};

/// The Stream httplib's request processing reads and writes through: pending bytes first,
/// then the socket, each wait bounded (reads by the connection's deadline, writes by
/// `write_timeout` without progress).
class ConnectionStream : public httplib::Stream {
 public:
  /// A stream over `c` (which must outlive it).
  ConnectionStream(Connection& c, std::chrono::milliseconds write_timeout)
      : c_(c), write_timeout_(write_timeout) {}
  using httplib::Stream::write;  // the string overloads, which call the one below

  /// True when a byte can be read before the deadline.
  bool is_readable() const override;
  /// True when the socket can take bytes within the write timeout.
  bool is_writable() const override;
  /// Up to `size` bytes; 0 at the end of the stream, -1 on an error or past the deadline.
  ssize_t read(char* ptr, size_t size) override;
  /// All `size` bytes, or -1 when the client stops taking them.
  ssize_t write(const char* ptr, size_t size) override;
  /// The client's address and port.
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  /// The address and port the client reached.
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  /// The socket (httplib compares it with FD_SETSIZE; the lobby keeps descriptors below it).
  socket_t socket() const override { return c_.fd; }

 private:
  Connection& c_;
  std::chrono::milliseconds write_timeout_;
};

/// Waits up to `timeout` for `events` (POLLIN, POLLOUT) on `fd`; true when they came.
[[nodiscard]] bool PollFor(int fd, short events, std::chrono::milliseconds timeout);

}  // namespace entente::server
