#pragma once
/// \file
/// `entente serve`: the API and the embedded dashboard over HTTP (cpp-httplib).

#include <iosfwd>
#include <string>
#include <vector>

namespace entente::server {

/// Command-line settings of `entente serve`.
struct ServeOptions {
  std::vector<std::string> scenarios;      ///< files and folders to offer
  std::vector<std::string> calibrations;   ///< calibration files and folders to offer
  std::string host = "127.0.0.1";          ///< address to bind
  int port = 8080;                         ///< 0 picks a free port
  bool allow_remote = false;               ///< needed for a non-loopback host
  std::string db_path;                     ///< runs database; "" stores nothing
  int threads = 64;                        ///< workers: requests served at once
  std::vector<std::string> allow_origins;  ///< --allow-origin: foreign origins (and their hosts)
                                           ///< whose requests are served, with CORS headers
  double max_work = 5e9;                   ///< estimated work units per request (cost.hpp)
  double max_memory_mb = 1024;             ///< estimated peak memory per request, MB
  double read_timeout = 10;                ///< seconds a request may take to arrive
  int max_client_connections = 128;        ///< open connections per client address
};

/// True for 127.0.0.0/8, ::1 and "localhost".
[[nodiscard]] bool IsLoopback(const std::string& host);

/// Serves until SIGINT/SIGTERM. Prints "listening on http://HOST:PORT" to `out` once bound.
/// Throws InputError for bad settings (non-loopback host without allow_remote, a scenario path
/// that does not exist, a malformed --allow-origin, a port in use or an address not of this
/// machine), IoError when serving fails otherwise.
void Serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace entente::server
