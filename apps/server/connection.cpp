// The worker's view of a connection. Reads come from the bytes the lobby already gathered
// (the whole request head, so httplib's byte-at-a-time header parsing touches memory only) and
// then from the socket in blocks; a block may run into the next pipelined request, which then
// stays in the buffer for the lobby.
#include "connection.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/socket.h>

namespace entente::server {
namespace {

constexpr std::size_t kReadBlock = 16 * 1024;

std::chrono::milliseconds Until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return std::max(left, std::chrono::milliseconds(0));
}

}  // namespace

bool Connection::HasHead() const {
  const std::string_view rest(buffer.data() + consumed, Pending());
  return rest.find("\r\n\r\n") != std::string_view::npos ||
         rest.find("\n\n") != std::string_view::npos;
}

bool PollFor(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd p{fd, events, 0};
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const int n = ::poll(&p, 1, static_cast<int>(Until(deadline).count()));
    if (n > 0) return (p.revents & (events | POLLHUP | POLLERR)) != 0;
    if (n == 0 || errno != EINTR) return false;
  }
}

bool ConnectionStream::is_readable() const {
  return c_.Pending() > 0 || PollFor(c_.fd, POLLIN, Until(c_.deadline));
}

bool ConnectionStream::is_writable() const {
  return PollFor(c_.fd, POLLOUT, write_timeout_);
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (c_.Pending() == 0) {
    c_.buffer.clear();
    c_.consumed = 0;
    for (;;) {
      if (!PollFor(c_.fd, POLLIN, Until(c_.deadline))) return -1;  // too slow: give up
      c_.buffer.resize(kReadBlock);
      const ssize_t n = ::recv(c_.fd, c_.buffer.data(), kReadBlock, MSG_DONTWAIT);
      c_.buffer.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
      if (n > 0) break;
      if (n == 0) return 0;
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
    }
  }
  const std::size_t n = std::min(size, c_.Pending());
  std::memcpy(ptr, c_.buffer.data() + c_.consumed, n);
  c_.consumed += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
        PollFor(c_.fd, POLLOUT, write_timeout_))
      continue;
    return -1;  // the client left, or took nothing for the whole write timeout
  }
  return static_cast<ssize_t>(size);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = c_.ip;
  port = c_.port;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = c_.local_ip;
  port = c_.local_port;
}

}  // namespace entente::server
