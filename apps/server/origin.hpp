#pragma once
/// \file
/// Which browsers the server answers. A web page on another site can send requests to a
/// loopback server (a text/plain POST needs no preflight) and, by DNS rebinding (its own name
/// resolving to 127.0.0.1), read the answers. So a request is served only when its Host names
/// this server (localhost, a loopback address, the bound address, the address the client
/// reached) and its Origin, when present, is this server's own, unless `--allow-origin` names
/// them.

#include <string>
#include <string_view>
#include <vector>

namespace entente::server {

/// An origin as (scheme, lower-case host, port); IPv6 hosts keep their brackets.
struct Origin {
  std::string scheme;  ///< "http" or "https"
  std::string host;    ///< e.g. "127.0.0.1", "localhost", "[::1]"
  int port = 0;        ///< explicit, or the scheme's default
  friend bool operator==(const Origin&, const Origin&) = default;
};

/// Parses `scheme://host[:port]` (no path, http or https); an empty scheme when it is not one.
[[nodiscard]] Origin ParseOrigin(std::string_view text);

/// The host part of a Host header ("localhost:8080" -> "localhost", "[::1]:80" -> "[::1]"),
/// lower case.
[[nodiscard]] std::string HostOfHeader(std::string_view host_header);

/// Settings of `entente serve` that decide what is refused.
struct OriginPolicy {
  std::string bound_host;       ///< --host
  int port = 0;                 ///< the port bound
  std::vector<Origin> allowed;  ///< --allow-origin, parsed
};

/// Why a request is refused (403): the header at fault, what is wrong, the fix.
struct Verdict {
  std::string header;   ///< "Host" or "Origin"; empty when the request is served
  std::string message;  ///< what is wrong
  std::string hint;     ///< how to reach the server, or to allow the origin
  /// True when the request is served.
  [[nodiscard]] bool served() const { return header.empty(); }
};

/// Checks a request's Host and Origin. `has_origin` tells an absent Origin (curl, scripts:
/// served) from an empty one; `local_addr` is the address the client reached.
[[nodiscard]] Verdict Check(const OriginPolicy& policy, std::string_view host_header,
                            bool has_origin, std::string_view origin_header,
                            std::string_view local_addr);

/// True when `origin_header` is one of `--allow-origin`'s (the answer then carries CORS headers
/// so that the page may read it).
[[nodiscard]] bool IsAllowedForeign(const OriginPolicy& policy, std::string_view origin_header);

}  // namespace entente::server
