// Host and Origin checks against DNS rebinding and cross-site requests (origin.hpp).
#include "origin.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace entente::server {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "[::1]" for an IPv6 literal, the text itself otherwise.
std::string Bracketed(std::string_view host) {
  if (host.find(':') != std::string_view::npos && !host.starts_with("["))
    return fmt::format("[{}]", host);
  return Lower(host);
}

// Splits "host[:port]" (host possibly "[v6]"); port -1 when absent, -2 when malformed.
std::pair<std::string, int> SplitHostPort(std::string_view text) {
  std::string_view host = text, port;
  if (text.starts_with("[")) {
    const std::size_t end = text.find(']');
    if (end == std::string_view::npos) return {"", -2};
    host = text.substr(0, end + 1);
    const std::string_view rest = text.substr(end + 1);
    if (!rest.empty()) {
      if (!rest.starts_with(":")) return {"", -2};
      port = rest.substr(1);
    }
  } else if (const std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return {"", -2};
  }
  int p = -1;
  if (!port.empty()) {
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (ec != std::errc() || end != port.data() + port.size() || p < 0 || p > 65535)
      return {"", -2};
  }
  return {Lower(host), p};
}

bool IsLocalName(const std::string& host, const OriginPolicy& policy, std::string_view local_addr) {
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]" ||
         host == Bracketed(policy.bound_host) ||
         (!local_addr.empty() && host == Bracketed(local_addr));
}

}  // namespace

Origin ParseOrigin(std::string_view text) {
  const std::size_t sep = text.find("://");
  if (sep == std::string_view::npos) return {};
  const std::string scheme = Lower(text.substr(0, sep));
  if (scheme != "http" && scheme != "https") return {};
  const std::string_view rest = text.substr(sep + 3);
  if (rest.empty() || rest.find_first_of("/?#@ ") != std::string_view::npos) return {};
  const auto [host, port] = SplitHostPort(rest);
  if (host.empty() || port == -2) return {};
  return Origin{scheme, host, port >= 0 ? port : (scheme == "https" ? 443 : 80)};
}

std::string HostOfHeader(std::string_view host_header) {
  return SplitHostPort(host_header).first;
}

Verdict Check(const OriginPolicy& policy, std::string_view host_header, bool has_origin,
              std::string_view origin_header, std::string_view local_addr) {
  const std::string own = fmt::format("http://{}:{}/", Bracketed(policy.bound_host), policy.port);
  if (!host_header.empty()) {
    const std::string host = HostOfHeader(host_header);
    const bool allowed = IsLocalName(host, policy, local_addr) ||
                         std::any_of(policy.allowed.begin(), policy.allowed.end(),
                                     [&host](const Origin& o) { return o.host == host; });
    if (!allowed) {
      return Verdict{"Host",
                     fmt::format("Host '{}' is not this server; requests through another name "
                                 "(DNS rebinding) are refused",
                                 host_header),
                     fmt::format("open {}, or start the server with --allow-origin http://{}:{}",
                                 own, host, policy.port)};
    }
  }
  if (!has_origin) return {};
  const Origin origin = ParseOrigin(origin_header);
  if (!origin.scheme.empty()) {
    if (origin.scheme == "http" && origin.port == policy.port &&
        IsLocalName(origin.host, policy, local_addr))
      return {};
    if (std::find(policy.allowed.begin(), policy.allowed.end(), origin) != policy.allowed.end())
      return {};
  }
  return Verdict{"Origin",
                 fmt::format("cross-site request from Origin '{}' refused: another web page may "
                             "not use this server",
                             origin_header),
                 fmt::format("open the dashboard at {}, or start the server with --allow-origin {}",
                             own, origin.scheme.empty() ? "ORIGIN" : std::string(origin_header))};
}

bool IsAllowedForeign(const OriginPolicy& policy, std::string_view origin_header) {
  const Origin origin = ParseOrigin(origin_header);
  return !origin.scheme.empty() &&
         std::find(policy.allowed.begin(), policy.allowed.end(), origin) != policy.allowed.end();
}

}  // namespace entente::server
