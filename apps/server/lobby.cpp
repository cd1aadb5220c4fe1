// The lobby: one epoll thread gathers request heads and enforces deadlines; workers serve one
// request each. Ownership of a connection follows its state: a waiting one is touched only by
// the epoll thread, a queued or served one only by its worker; the map and the state change
// under the mutex, and only the owner closes. Epoll events carry a connection id, never a
// pointer, so an event that arrives after its connection closed finds nothing.
#include "lobby.hpp"

#include <array>
#include <cerrno>

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "entente/core/error.hpp"
#include "error_json.hpp"

namespace entente::server {
namespace {

thread_local Connection* current = nullptr;

constexpr std::chrono::milliseconds kTick{100};  // deadline resolution

// glibc keeps memory a thread freed in that thread's arena, so a large answer built by each
// worker in turn left its peak behind in every arena: resident memory grew by the peak with
// each repetition (measured: +172 MB per 14.5 MB eu answer, docs/api.md). After a request that
// left much free memory, give it back to the system.
void ReleaseFreeMemory() {
  constexpr std::size_t kKeep = std::size_t{32} * 1024 * 1024;
  if (::mallinfo2().fordblks > kKeep) ::malloc_trim(0);
}

void Address(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                      : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  if (rc != 0) return;
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (a.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
    ::inet_ntop(AF_INET, &v4->sin_addr, text.data(), text.size());
    port = ntohs(v4->sin_port);
  } else if (a.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text.data(), text.size());
    port = ntohs(v6->sin6_port);
  }
  ip = text.data();
}

const char* Reason(int status) {
  switch (status) {
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    default: return "Service Unavailable";
  }
}

// Best effort, without blocking: an error answer in the API's JSON shape, then close. What the
// client sent is drained first so that the close does not reset the answer away.
void AnswerAndClose(int fd, int status, const std::string& message, const std::string& hint) {
  const std::string body =
      ErrorsJson({Error{Location{"request", 0, ""}, message, hint}})
          .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  const std::string head = fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n"
      "Connection: close\r\n\r\n",
      status, Reason(status), body.size());
  const std::string all = head + body;
  (void)::send(fd, all.data(), all.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  std::array<char, 4096> sink{};
  for (int i = 0; i < 16 && ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT) > 0; ++i) {
  }
  ::close(fd);
}

}  // namespace

const std::atomic<bool>* CurrentCancelFlag() {
  return current != nullptr ? &current->cancel : nullptr;
}

void CloseAfterThisRequest() {
  if (current != nullptr) current->close_after = true;
}

Lobby::Lobby(const LobbyLimits& limits, ServeOne serve)
    : limits_(limits), serve_(std::move(serve)) {
  // No more malloc arenas than cores (glibc's default is 8 per core): the workers share them,
  // and what one request frees the next can reuse.
  ::mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_ < 0 || wake_ < 0) throw IoError("cannot create the server's event queue");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = 0;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  loop_ = std::thread([this] { Loop(); });
  for (int i = 0; i < limits_.workers; ++i) workers_.emplace_back([this] { Work(); });
}

Lobby::~Lobby() {
  Stop();
  ::close(wake_);
  ::close(epoll_);
}

void Lobby::Admit(int fd) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // head and body go as written
  auto c = std::make_unique<Connection>();
  c->fd = fd;
  Address(fd, true, c->ip, c->port);
  Address(fd, false, c->local_ip, c->local_port);
  c->deadline = Clock::now() + limits_.read_timeout;
  std::string refusal, hint;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      refusal = "the server is stopping";
    } else if (static_cast<int>(entries_.size()) >= limits_.max_connections) {
      refusal = fmt::format("the server holds {} connections, its limit", entries_.size());
      hint = "retry when fewer clients are connected";
    } else if (per_client_[c->ip] >= limits_.max_per_client) {
      refusal = fmt::format("{} holds {} connections to this server, the most one client may",
                            c->ip, per_client_[c->ip]);
      hint = "close idle connections, or start the server with a higher --max-client-connections";
    } else {
      const std::uint64_t id = next_id_++;
      c->id = id;
      ++per_client_[c->ip];
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.u64 = id;
      entries_[id] = Entry{std::move(c), State::kWaiting, true};
      ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
      return;
    }
    if (per_client_[c->ip] == 0) per_client_.erase(c->ip);
  }
  ++refused_;
  AnswerAndClose(fd, 503, refusal, hint);
}

void Lobby::Stop() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ && !loop_.joinable()) return;
    stopping_ = true;
    for (auto& [id, e] : entries_) e.c->cancel = true;  // running models stop within a round
  }
  const std::uint64_t one = 1;
  (void)::write(wake_, &one, sizeof one);
  ready_cv_.notify_all();
  if (loop_.joinable()) loop_.join();
  for (std::thread& w : workers_) w.join();
  workers_.clear();
  for (auto& [id, e] : entries_) ::close(e.c->fd);
  entries_.clear();
  per_client_.clear();
  ready_.clear();
}

LobbyStats Lobby::Stats() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return LobbyStats{static_cast<std::int64_t>(entries_.size()), refused_.load(), timed_out_.load()};
}

void Lobby::Loop() {
  std::array<epoll_event, 256> events{};
  auto next_sweep = Clock::now() + kTick;
  for (;;) {
    const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                               static_cast<int>(kTick.count()));
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
    }
    for (int i = 0; i < n; ++i) {
      if (events[static_cast<std::size_t>(i)].data.u64 == 0) continue;  // a wake-up
      Handle(events[static_cast<std::size_t>(i)].data.u64,
             events[static_cast<std::size_t>(i)].events);
    }
    if (Clock::now() >= next_sweep) {
      Sweep();
      next_sweep = Clock::now() + kTick;
    }
  }
}

void Lobby::Handle(std::uint64_t id, std::uint32_t events) {
  Connection* c = nullptr;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end()) return;
    Entry& e = it->second;
    c = e.c.get();
    if (e.state != State::kWaiting) {
      // Queued or served: only a hang-up is watched. Level-triggered, so stop watching.
      if ((events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0) {
        c->cancel = true;
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, c->fd, nullptr);
        e.watched = false;
      }
      return;
    }
  }
  switch (Receive(*c)) {
    case Read::kMore: return;
    case Read::kHead: Dispatch(id); return;
    case Read::kClosed: Close(id); return;
    case Read::kTooLarge: {
      const int fd = c->fd;
      c->fd = -1;
      Close(id);
      AnswerAndClose(
          fd, 431, fmt::format("the request head is larger than {} bytes", limits_.max_head_bytes),
          "send fewer or shorter headers");
      return;
    }
  }
}

Lobby::Read Lobby::Receive(Connection& c) {
  std::array<char, std::size_t{16} * 1024> buf{};
  for (;;) {
    if (c.Pending() >= limits_.max_head_bytes) return Read::kTooLarge;
    const std::size_t room = std::min(buf.size(), limits_.max_head_bytes - c.Pending());
    const ssize_t n = ::recv(c.fd, buf.data(), room, MSG_DONTWAIT);
    if (n > 0) {
      if (!c.started) {
        c.started = true;
        c.deadline = Clock::now() + limits_.read_timeout;
      }
      // Look for the blank line only where it can newly be: the last 3 old bytes onwards.
      const std::size_t from = c.buffer.size() - std::min<std::size_t>(c.Pending(), 3);
      c.buffer.append(buf.data(), static_cast<std::size_t>(n));
      const std::string_view fresh(c.buffer.data() + from, c.buffer.size() - from);
      if (fresh.find("\r\n\r\n") != std::string_view::npos ||
          fresh.find("\n\n") != std::string_view::npos)
        return Read::kHead;
      continue;
    }
    if (n == 0) return Read::kClosed;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK ? Read::kMore : Read::kClosed;
  }
}

void Lobby::Dispatch(std::uint64_t id) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    Entry& e = entries_.at(id);
    e.state = State::kQueued;
    epoll_event ev{};
    ev.events = EPOLLRDHUP;  // from now on only a hang-up matters
    ev.data.u64 = id;
    ::epoll_ctl(epoll_, EPOLL_CTL_MOD, e.c->fd, &ev);
    ready_.push_back(e.c.get());
  }
  ready_cv_.notify_one();
}

void Lobby::Work() {
  for (;;) {
    Connection* c = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      if (stopping_) return;
      c = ready_.front();
      ready_.pop_front();
      entries_.at(c->id).state = State::kServing;
    }
    if (c->cancel) {
      Close(c->id);
      continue;
    }
    // A body still arriving gets the read timeout from now, however long the head waited.
    c->deadline = std::max(c->deadline, Clock::now() + limits_.read_timeout);
    ++c->requests;
    const bool last = c->requests >= limits_.max_requests;
    bool closed = false;
    current = c;
    ConnectionStream stream(*c, limits_.write_timeout);
    const bool ok = serve_(stream, last, closed);
    current = nullptr;
    ReleaseFreeMemory();
    if (!ok || closed || last || c->cancel || c->close_after) {
      Close(c->id);
    } else {
      Requeue(*c);
    }
  }
}

void Lobby::Requeue(Connection& c) {
  c.buffer.erase(0, c.consumed);
  c.consumed = 0;
  c.started = c.Pending() > 0;
  c.deadline = Clock::now() + (c.started ? limits_.read_timeout : limits_.idle_timeout);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    Entry& e = entries_.at(c.id);
    if (!stopping_ && c.HasHead()) {  // a pipelined request is here already
      e.state = State::kQueued;
      ready_.push_back(&c);
      ready_cv_.notify_one();
      return;
    }
    e.state = State::kWaiting;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.u64 = c.id;
    ::epoll_ctl(epoll_, e.watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, c.fd, &ev);
    e.watched = true;
  }
}

void Lobby::Sweep() {
  const auto now = Clock::now();
  std::vector<std::pair<std::uint64_t, bool>> expired;  // id, had begun a request
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [id, e] : entries_) {
      if (e.state == State::kWaiting && e.c->deadline <= now)
        expired.emplace_back(id, e.c->started);
    }
  }
  for (const auto& [id, started] : expired) {
    if (!started) {
      Close(id);  // an idle keep-alive (or a connection that never spoke): close quietly
      continue;
    }
    ++timed_out_;
    int fd = -1;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      fd = entries_.at(id).c->fd;
      entries_.at(id).c->fd = -1;
    }
    Close(id);
    AnswerAndClose(fd, 408,
                   fmt::format("the request did not arrive within {} s",
                               limits_.read_timeout.count() / 1000.0),
                   "send the whole request at once");
  }
}

void Lobby::Close(std::uint64_t id) {
  int fd = -1;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end()) return;
    fd = it->second.c->fd;
    const std::string& ip = it->second.c->ip;
    if (--per_client_[ip] <= 0) per_client_.erase(ip);
    if (fd >= 0 && it->second.watched) ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    entries_.erase(it);
  }
  if (fd >= 0) ::close(fd);
}

}  // namespace entente::server
