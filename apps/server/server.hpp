#pragma once
/// \file
/// `entente serve`: the API and the embedded dashboard over HTTP (cpp-httplib).

#include <iosfwd>
#include <string>
#include <vector>

namespace entente::server {

/// Command-line settings of `entente serve`.
struct ServeOptions {
  std::vector<std::string> scenarios;  ///< files and folders to offer
  std::string host = "127.0.0.1";      ///< address to bind
  int port = 8080;                     ///< 0 picks a free port
  bool allow_remote = false;           ///< needed for a non-loopback host
  std::string db_path;                 ///< runs database; "" stores nothing
  int threads = 64;                    ///< connection threads (each keeps one client)
};

/// True for 127.0.0.0/8, ::1 and "localhost".
[[nodiscard]] bool IsLoopback(const std::string& host);

/// Serves until SIGINT/SIGTERM. Prints "listening on http://HOST:PORT" to `out` once bound.
/// Throws InputError for bad settings (non-loopback host without allow_remote, a scenario path
/// that does not exist), IoError when the address cannot be bound.
void Serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace entente::server
