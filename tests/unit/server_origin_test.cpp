// Host and Origin checks of `entente serve` (origin.hpp). Regression (issue #16, item 8): a
// text/plain POST with `Origin: http://evil.example` stored a run, and any Host was served,
// so a page using DNS rebinding could read scenarios and runs.
#include <gtest/gtest.h>

#include "origin.hpp"

namespace entente::server {
namespace {

OriginPolicy Loopback(std::vector<std::string> allowed = {}) {
  OriginPolicy p{"127.0.0.1", 8080, {}};
  for (const std::string& o : allowed) p.allowed.push_back(ParseOrigin(o));
  return p;
}

TEST(ServerOrigin, ParsesOriginsAsBrowsersSendThem) {
  EXPECT_EQ(ParseOrigin("http://localhost:8888"), (Origin{"http", "localhost", 8888}));
  EXPECT_EQ(ParseOrigin("HTTPS://Example.ORG"), (Origin{"https", "example.org", 443}));
  EXPECT_EQ(ParseOrigin("http://[::1]:9000"), (Origin{"http", "[::1]", 9000}));
  for (const char* bad : {"null", "localhost:8888", "ftp://x", "http://", "http://a/b",
                          "http://a:port", "http://a:70000", "http://u@a"}) {
    EXPECT_TRUE(ParseOrigin(bad).scheme.empty()) << bad;
  }
}

TEST(ServerOrigin, HostHeadersLoseTheirPort) {
  EXPECT_EQ(HostOfHeader("LocalHost:8080"), "localhost");
  EXPECT_EQ(HostOfHeader("[::1]:80"), "[::1]");
  EXPECT_EQ(HostOfHeader("127.0.0.1"), "127.0.0.1");
}

TEST(ServerOrigin, ServesItsOwnHostsAndOriginsAndScriptsWithoutOrigin) {
  const OriginPolicy p = Loopback();
  EXPECT_TRUE(Check(p, "127.0.0.1:8080", false, "", "127.0.0.1").served());
  EXPECT_TRUE(Check(p, "localhost:8080", true, "http://localhost:8080", "127.0.0.1").served());
  EXPECT_TRUE(Check(p, "127.0.0.1:8080", true, "http://127.0.0.1:8080", "127.0.0.1").served());
  EXPECT_TRUE(Check(p, "", false, "", "127.0.0.1").served());  // HTTP/1.0 without Host
}

TEST(ServerOrigin, RegressionForeignOriginsAndHostsAreRefused) {
  const OriginPolicy p = Loopback();
  const Verdict origin = Check(p, "127.0.0.1:8080", true, "http://evil.example", "127.0.0.1");
  EXPECT_EQ(origin.header, "Origin");
  EXPECT_NE(origin.message.find("evil.example"), std::string::npos);
  EXPECT_NE(origin.hint.find("--allow-origin http://evil.example"), std::string::npos)
      << origin.hint;
  // DNS rebinding: the page's own name resolves to 127.0.0.1, so it arrives as Host.
  const Verdict host = Check(p, "evil.example:8080", true, "http://evil.example:8080", "127.0.0.1");
  EXPECT_EQ(host.header, "Host");
  EXPECT_NE(host.message.find("Host 'evil.example:8080'"), std::string::npos) << host.message;
  EXPECT_FALSE(Check(p, "evil.example:8080", false, "", "127.0.0.1").served());
  // Same host, other port or scheme: another origin.
  EXPECT_FALSE(Check(p, "127.0.0.1:8080", true, "http://127.0.0.1:9999", "127.0.0.1").served());
  EXPECT_FALSE(Check(p, "127.0.0.1:8080", true, "https://127.0.0.1:8080", "127.0.0.1").served());
  EXPECT_FALSE(Check(p, "127.0.0.1:8080", true, "null", "127.0.0.1").served());  // sandboxed page
}

TEST(ServerOrigin, AllowOriginAdmitsThatOriginAndItsHost) {
  const OriginPolicy p = Loopback({"http://notebook.example:8888"});
  EXPECT_TRUE(
      Check(p, "127.0.0.1:8080", true, "http://notebook.example:8888", "127.0.0.1").served());
  EXPECT_TRUE(Check(p, "notebook.example:8080", false, "", "127.0.0.1").served());
  EXPECT_TRUE(IsAllowedForeign(p, "http://notebook.example:8888"));
  EXPECT_FALSE(IsAllowedForeign(p, "http://127.0.0.1:8080"));
  EXPECT_FALSE(
      Check(p, "127.0.0.1:8080", true, "http://notebook.example:9999", "127.0.0.1").served());
}

TEST(ServerOrigin, AServerOnAllAddressesAcceptsTheAddressItWasReachedAt) {
  const OriginPolicy p{"0.0.0.0", 8080, {}};
  EXPECT_TRUE(Check(p, "192.0.2.7:8080", true, "http://192.0.2.7:8080", "192.0.2.7").served());
  EXPECT_FALSE(Check(p, "evil.example:8080", false, "", "192.0.2.7").served());
}

}  // namespace
}  // namespace entente::server
