// HTTP binding of the API: routes, body limits, JSON error pages, the embedded dashboard,
// loopback by default, Host and Origin checks, clean stop on SIGINT/SIGTERM. Connections are
// handled by the lobby (lobby.hpp), not by cpp-httplib's thread pool.
#include "server.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ostream>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <netdb.h>
#include <pthread.h>
#include <sys/socket.h>  // listen, SOMAXCONN
#include <unistd.h>

#include "api.hpp"
#include "assets.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/report/glossary.hpp"
#include "error_json.hpp"
#include "lobby.hpp"
#include "origin.hpp"

namespace entente::server {
namespace {

// cpp-httplib's accept loop hands each socket to a task queue; this one runs the task at
// once on the accepting thread, where LobbyServer::process_and_close_socket only admits the
// socket to the lobby (microseconds), which serves it with its own workers.
class InlineQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

// A cpp-httplib server whose connections live in a Lobby. Overriding the private virtual
// process_and_close_socket is the library's own extension point (its SSL server does so);
// the lobby's workers call the protected process_request for one request at a time.
class LobbyServer : public httplib::Server {
 public:
  explicit LobbyServer(const LobbyLimits& limits)
      : lobby_(limits, [this](httplib::Stream& stream, bool last, bool& closed) {
          return process_request(stream, last, closed, nullptr);
        }) {
    new_task_queue = [] { return new InlineQueue; };
  }
  Lobby& lobby() { return lobby_; }

 private:
  bool process_and_close_socket(socket_t sock) override {
    lobby_.Admit(sock);
    return true;
  }

  Lobby lobby_;
};

// Why `host:port` cannot be bound, probed with a socket of our own after cpp-httplib failed
// (it does not keep errno): 0 when it now can be.
int BindError(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0)
    return EADDRNOTAVAIL;
  int error = EADDRNOTAVAIL;
  for (addrinfo* a = found; a != nullptr && error != 0; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    error = ::bind(fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
    ::close(fd);
  }
  ::freeaddrinfo(found);
  return error;
}

// Host/Origin policy before routing; CORS headers for allowed foreign origins.
void Guard(httplib::Server& svr, const OriginPolicy& policy) {
  svr.set_pre_routing_handler([&policy](const httplib::Request& req, httplib::Response& res) {
    const bool has_origin = req.has_header("Origin");
    const std::string origin = req.get_header_value("Origin");
    const Verdict v =
        Check(policy, req.get_header_value("Host"), has_origin, origin, req.local_addr);
    if (!v.served()) {
      CloseAfterThisRequest();  // the body, if any, was not read
      res.status = 403;
      res.set_content(
          JsonResponse(0, ErrorsJson({Error{Location{"request", 0, v.header}, v.message, v.hint}}))
              .body,
          "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (has_origin && IsAllowedForeign(policy, origin)) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Access-Control-Expose-Headers", "Content-Disposition");
      res.set_header("Vary", "Origin");
      if (req.method == "OPTIONS") {  // the preflight of a JSON POST
        res.set_header("Access-Control-Allow-Methods", "GET, POST");
        res.set_header("Access-Control-Allow-Headers", "Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
        res.status = 204;
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
}

void Send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  if (!r.filename.empty())
    res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", r.filename));
  res.set_content(r.body, r.content_type);
}

constexpr std::string_view kNoDashboard =
    "<!doctype html><meta charset=utf-8><title>Entente</title><h1>Entente API</h1>"
    "<p>The dashboard is not built into this binary: the build found no node/npm. Install them "
    "(scripts/install-deps) and rebuild; the JSON API works at <a href=/api/health>/api/health</a> "
    "(docs/api.md).</p>";

void Routes(httplib::Server& svr, const Api& api) {
  svr.Get("/api/health",
          [&api](const httplib::Request&, httplib::Response& res) { Send(res, api.Health()); });
  svr.Get("/api/models",
          [&api](const httplib::Request&, httplib::Response& res) { Send(res, api.ListModels()); });
  svr.Get("/api/scenarios", [&api](const httplib::Request&, httplib::Response& res) {
    Send(res, api.ListScenarios());
  });
  svr.Get(R"(/api/scenarios/([^/]+))", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.GetScenario(req.matches[1].str()));
  });
  svr.Get("/api/runs",
          [&api](const httplib::Request&, httplib::Response& res) { Send(res, api.ListRuns()); });
  svr.Get("/api/calibrations", [&api](const httplib::Request&, httplib::Response& res) {
    Send(res, api.ListCalibrations());
  });
  svr.Get("/api/rules",
          [&api](const httplib::Request&, httplib::Response& res) { Send(res, api.ListRules()); });
  svr.Post("/api/import", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.PostImport(req.body));
  });
  const auto post =
      [&svr, &api](const char* path,
                   ApiResponse (Api::*handler)(std::string_view, const std::atomic<bool>*) const) {
        svr.Post(path, [&api, handler](const httplib::Request& req, httplib::Response& res) {
          Send(res, (api.*handler)(req.body, CurrentCancelFlag()));
        });
      };
  post("/api/validate", &Api::PostValidate);
  post("/api/forecast", &Api::PostForecast);
  post("/api/simulate", &Api::PostSimulate);
  post("/api/advise", &Api::PostAdvise);
  post("/api/backtest", &Api::PostBacktest);
  post("/api/coders", &Api::PostCoders);
  post("/api/export/yaml", &Api::ExportYaml);
  post("/api/export/report", &Api::ExportReport);
  // The glossary the dashboard's header links to, from the library's table.
  svr.Get("/glossary", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(report::GlossaryPage(), "text/html; charset=utf-8");
  });
  // The dashboard: embedded files only, looked up by exact path; nothing reads the disk.
  svr.Get(R"(/(?!api/).*)", [](const httplib::Request& req, httplib::Response& res) {
    const Asset* a = FindAsset(req.path);
    if (a == nullptr && DashboardAssets().empty() && req.path == "/") {
      res.set_content(std::string(kNoDashboard), "text/html; charset=utf-8");
      return;
    }
    if (a == nullptr) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(a->data), std::string(a->content_type));
  });
}

// Bodies httplib rejects itself (413, 404, 400) get the API's JSON error shape.
void ErrorPages(httplib::Server& svr, const Limits& limits) {
  svr.set_error_handler([limits](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = fmt::format("HTTP {}", res.status);
    std::string hint;
    if (res.status == 413 &&
        req.get_header_value("Content-Type").find("x-www-form-urlencoded") != std::string::npos) {
      // httplib caps form-encoded bodies at 8 KiB whatever the limit (curl -d sends this type).
      message = "form-encoded request bodies are limited to 8 KiB";
      hint = "send the JSON with Content-Type: application/json";
    } else if (res.status == 413) {
      message = fmt::format("request body larger than {} bytes", limits.max_body_bytes);
      hint = "send a smaller scenario, or use the CLI";
    } else if (res.status == 404) {
      message = fmt::format("no such endpoint or file: {} {}", req.method, req.path);
      hint = "see docs/api.md for the endpoints";
    }
    res.set_content(
        JsonResponse(0, ErrorsJson({Error{Location{"request", 0, ""}, message, hint}})).body,
        "application/json");
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                               const std::exception_ptr&) {
    res.status = 500;
    res.set_content(ErrorsJson({Error{Location{}, "internal error", "please report this"}}).dump(),
                    "application/json");
  });
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

void Serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  if (!IsLoopback(options.host) && !options.allow_remote) {
    throw InputError(
        fmt::format("--host {} is not a loopback address; anyone who reaches it can run forecasts "
                    "and read the served "
                    "scenarios. Add --allow-remote to mean it, or keep the default 127.0.0.1",
                    options.host));
  }
  OriginPolicy policy{options.host, options.port, {}};
  for (const std::string& o : options.allow_origins) {
    Origin parsed = ParseOrigin(o);
    if (parsed.scheme.empty()) {
      throw InputError(fmt::format(
          "--allow-origin '{}' is not an origin; give scheme, host and port as a browser "
          "sends them, e.g. http://localhost:8888",
          o));
    }
    policy.allowed.push_back(std::move(parsed));
  }
  if (!(options.max_work > 0) || !(options.max_memory_mb > 0) || !(options.read_timeout > 0)) {
    throw InputError("--max-work, --max-memory and --read-timeout must be positive numbers");
  }
  LobbyLimits limits;
  limits.workers = options.threads;
  limits.read_timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(options.read_timeout * 1000));
  limits.max_per_client = options.max_client_connections;
  // Block the stop signals in every thread (the lobby's start now); one thread waits for them and
  // stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  LobbyServer svr(limits);

  ApiConfig config;
  config.catalog = Catalog::Build(options.scenarios).ValueOrThrow();
  config.calibrations = LoadCalibrations(options.calibrations).ValueOrThrow();
  config.db_path = options.db_path;
  config.dashboard = !DashboardAssets().empty();
  config.limits.cost.max_work = options.max_work;
  config.limits.cost.max_bytes = options.max_memory_mb * 1e6;
  config.connection_stats = [&svr] {
    const LobbyStats st = svr.lobby().Stats();
    return nlohmann::ordered_json{
        {"open", st.open}, {"refused", st.refused}, {"timed_out", st.timed_out}};
  };
  const Api api(std::move(config));

  svr.set_payload_max_length(api.config().limits.max_body_bytes);
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  Guard(svr, policy);
  Routes(svr, api);
  ErrorPages(svr, api.config().limits);

  // cpp-httplib listens with a backlog of 5, so a burst of new connections (50 clients
  // starting at once) can be reset. Keep the listening socket and widen its queue after bind:
  // listen() again on a listening socket only changes the backlog. Its default options also
  // set SO_REUSEPORT, which lets a second server bind the same port and take half the
  // requests; SO_REUSEADDR alone (a restart may bind while old connections linger) does not.
  int listen_fd = -1;
  svr.set_socket_options([&listen_fd](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = sock;
  });
  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
  } else if (!svr.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port >= 0 && listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
  if (port < 0) {
    const int error = BindError(options.host, options.port);
    if (error == EADDRINUSE) {
      throw InputError(fmt::format(
          "port {} on {} is in use (another `entente serve`, or another program); stop it, or "
          "choose another --port (0 picks a free one)",
          options.port, options.host));
    }
    throw InputError(fmt::format(
        "cannot listen on {}:{}: {}; give an address of this machine "
        "with --host, or another --port",
        options.host, options.port, error != 0 ? std::strerror(error) : "unknown error"));
  }
  policy.port = port;
  if (!IsLoopback(options.host)) {
    err << "warning: serving on " << options.host
        << ", reachable from other machines; the API has no authentication\n";
  }
  if (!api.config().dashboard)
    err << "note: dashboard not built into this binary (no node/npm at build time); API only\n";
  out << "listening on http://" << options.host << ':' << port << "/" << std::endl;

  std::atomic<bool> signalled{false}, listened{false};
  std::thread waiter([&svr, &signalled, &listened, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    signalled = true;
    // cpp-httplib's stop() does nothing until listen_after_bind has begun: a signal that
    // came just after "listening" was printed left the server running (a flaky test).
    while (!svr.is_running() && !listened)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    svr.stop();
  });
  const bool ok = svr.listen_after_bind();
  listened = true;
  svr.lobby().Stop();  // requests still running are cancelled
  // listen ended without a signal (an error): wake the waiter so it can be joined.
  // The waiter blocks SIGTERM and takes it with sigwait: this wakes it, it does not kill it.
  if (!signalled)
    pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  waiter.join();
  if (!ok) throw IoError("the server stopped on an error");
}

}  // namespace entente::server
