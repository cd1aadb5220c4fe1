// HTTP binding of the API: routes, body limits, JSON error pages, the embedded dashboard,
// loopback by default, clean stop on SIGINT/SIGTERM.
#include "server.hpp"

#include <atomic>
#include <csignal>
#include <ostream>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>  // listen, SOMAXCONN

#include "api.hpp"
#include "assets.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "error_json.hpp"

namespace entente::server {
namespace {

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
  const auto post = [&svr, &api](const char* path,
                                 ApiResponse (Api::*handler)(std::string_view) const) {
    svr.Post(path, [&api, handler](const httplib::Request& req, httplib::Response& res) {
      Send(res, (api.*handler)(req.body));
    });
  };
  post("/api/validate", &Api::PostValidate);
  post("/api/forecast", &Api::PostForecast);
  post("/api/simulate", &Api::PostSimulate);
  post("/api/advise", &Api::PostAdvise);
  post("/api/backtest", &Api::PostBacktest);
  post("/api/export/yaml", &Api::ExportYaml);
  post("/api/export/report", &Api::ExportReport);
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
  ApiConfig config;
  config.catalog = Catalog::Build(options.scenarios).ValueOrThrow();
  config.db_path = options.db_path;
  config.dashboard = !DashboardAssets().empty();
  const Api api(std::move(config));

  // Block the stop signals in every thread; one thread waits for them and stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server svr;
  const int threads = options.threads;
  svr.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  svr.set_payload_max_length(api.config().limits.max_body_bytes);
  svr.set_keep_alive_max_count(100);
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  Routes(svr, api);
  ErrorPages(svr, api.config().limits);

  // cpp-httplib listens with a backlog of 5, so a burst of new connections (50 clients
  // starting at once) can be reset. Keep the listening socket and widen its queue after bind:
  // listen() again on a listening socket only changes the backlog.
  int listen_fd = -1;
  svr.set_socket_options([&listen_fd](int sock) {
    httplib::default_socket_options(sock);
    listen_fd = sock;
  });
  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
  } else if (!svr.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port >= 0 && listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
  if (port < 0)
    throw IoError(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                              options.host, options.port));
  if (!IsLoopback(options.host)) {
    err << "warning: serving on " << options.host
        << ", reachable from other machines; the API has no authentication\n";
  }
  if (!api.config().dashboard)
    err << "note: dashboard not built into this binary (no node/npm at build time); API only\n";
  out << "listening on http://" << options.host << ':' << port << "/" << std::endl;

  std::atomic<bool> signalled{false};
  std::thread waiter([&svr, &signalled, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    signalled = true;
    svr.stop();
  });
  const bool ok = svr.listen_after_bind();
  // listen ended without a signal (an error): wake the waiter so it can be joined.
  // The waiter blocks SIGTERM and takes it with sigwait: this wakes it, it does not kill it.
  if (!signalled)
    pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  waiter.join();
  if (!ok) throw IoError("the server stopped on an error");
}

}  // namespace entente::server
