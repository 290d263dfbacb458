#include "gazette/http/trusted_proxies.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TrustedProxies Trust(const std::vector<std::string>& cidrs) {
  auto proxies = TrustedProxies::Parse(cidrs);
  EXPECT_TRUE(proxies.ok()) << (proxies ? "" : proxies.error().message);
  return proxies ? *proxies : TrustedProxies();
}

TEST(TrustedProxies, ParsesRangesAndBareHosts) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8", "192.0.2.7", "::1", "2001:db8::/32"});
  EXPECT_TRUE(proxies.Contains("10.200.0.1"));
  EXPECT_TRUE(proxies.Contains("192.0.2.7"));
  EXPECT_FALSE(proxies.Contains("192.0.2.8"));
  EXPECT_TRUE(proxies.Contains("::1"));
  EXPECT_TRUE(proxies.Contains("2001:db8:1::5"));
  EXPECT_FALSE(proxies.Contains("2001:db9::5"));
  EXPECT_FALSE(proxies.Contains("not an address"));
  EXPECT_FALSE(proxies.Contains(""));
}

TEST(TrustedProxies, RefusesBadRangesNamingThem) {
  auto proxies = TrustedProxies::Parse({"10.0.0.0/8", "10.0.0.1/8"});
  ASSERT_FALSE(proxies.ok());
  EXPECT_EQ(proxies.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(proxies.error().message, ::testing::HasSubstr("\"10.0.0.1/8\""));
  EXPECT_THAT(TrustedProxies::Parse({"proxy.local"}).error().message, ::testing::HasSubstr("proxy.local"));
}

TEST(TrustedProxies, NobodyIsTrustedByDefault) {
  const TrustedProxies nobody;
  EXPECT_FALSE(nobody.Contains("127.0.0.1"));
  EXPECT_EQ(nobody.ClientAddress("127.0.0.1", "203.0.113.9", "for=203.0.113.9"), "127.0.0.1");
}

TEST(TrustedProxies, IgnoresSpoofedHeadersFromAnUntrustedPeer) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("198.51.100.4", "203.0.113.9", ""), "198.51.100.4");
  EXPECT_EQ(proxies.ClientAddress("198.51.100.4", "", "for=203.0.113.9"), "198.51.100.4");
  // Even when the spoofed chain names a trusted proxy.
  EXPECT_EQ(proxies.ClientAddress("198.51.100.4", "203.0.113.9, 10.0.0.1", ""), "198.51.100.4");
}

TEST(TrustedProxies, BelievesXForwardedForFromATrustedPeer) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9", ""), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "  203.0.113.9  ", ""), "203.0.113.9");
  // No header: the proxy itself is all there is.
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", " ", ""), "10.0.0.1");
}

TEST(TrustedProxies, TakesTheRightMostUntrustedAddress) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8", "192.0.2.0/24"});
  // The client wrote "1.1.1.1" itself; the proxies appended what they saw.
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "1.1.1.1, 203.0.113.9, 192.0.2.5, 10.0.0.2", ""),
            "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "1.1.1.1,203.0.113.9", ""), "203.0.113.9");
}

TEST(TrustedProxies, LeftMostWhenEveryHopIsTrusted) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "10.0.0.3, 10.0.0.2", ""), "10.0.0.3");
}

TEST(TrustedProxies, GarbageStopsTheWalkAtTheLastGoodAddress) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9, garbage", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9, garbage, 10.0.0.2", ""), "10.0.0.2");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9, , 10.0.0.2", ""), "10.0.0.2");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9,", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "01.2.3.4", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9:99999", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "[2001:db8::1", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "[2001:db8::1]x", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "[203.0.113.9]", ""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", std::string(5000, ','), ""), "10.0.0.1");
}

TEST(TrustedProxies, StripsPortsWhereTheyAreUnambiguous) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "203.0.113.9:51234", ""), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "[2001:db8::7]:443", ""), "2001:db8::7");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "[2001:db8::7]", ""), "2001:db8::7");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "2001:db8::7", ""), "2001:db8::7");
}

TEST(TrustedProxies, HandlesIpv6AndMappedIpv4Peers) {
  const TrustedProxies proxies = Trust({"127.0.0.1", "fd00::/8"});
  // A dual-stack socket reports an IPv4 proxy as a mapped address: it must still be trusted.
  EXPECT_EQ(proxies.ClientAddress("::ffff:127.0.0.1", "203.0.113.9", ""), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("fd00::5", "2001:db8::1, fd00::6", ""), "2001:db8::1");
  EXPECT_EQ(proxies.ClientAddress("fd00::5", "::ffff:203.0.113.9", ""), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("::ffff:198.51.100.4", "203.0.113.9", ""), "198.51.100.4");
  EXPECT_EQ(proxies.ClientAddress("2001:DB8::0001", "", ""), "2001:db8::1");
}

TEST(TrustedProxies, LeavesAPeerThatIsNoAddressAlone) {
  const TrustedProxies proxies = Trust({"0.0.0.0/0"});
  EXPECT_EQ(proxies.ClientAddress("", "203.0.113.9", ""), "");
  EXPECT_EQ(proxies.ClientAddress("unix:/run/gazette.sock", "203.0.113.9", ""), "unix:/run/gazette.sock");
}

TEST(TrustedProxies, ReadsForwardedWhenXForwardedForIsAbsent) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "For=\"203.0.113.9:4711\";proto=https;by=10.0.0.1"),
            "203.0.113.9");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=\"[2001:db8:cafe::17]:4711\""), "2001:db8:cafe::17");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=192.0.2.43, for=\"[2001:db8::1]\", for=10.0.0.9"),
            "2001:db8::1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "proto=http; for=203.0.113.9 ; host=example.org"),
            "203.0.113.9");
  // X-Forwarded-For wins when both are present.
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "198.51.100.4", "for=203.0.113.9"), "198.51.100.4");
}

TEST(TrustedProxies, ObfuscatedForwardedNodesStopTheWalk) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=unknown"), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=203.0.113.9, for=_hidden, for=10.0.0.2"), "10.0.0.2");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=\"_gazonk\""), "10.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=\"203.0.113.9:_port1\""), "203.0.113.9");
}

TEST(TrustedProxies, MalformedForwardedStopsTheWalk) {
  const TrustedProxies proxies = Trust({"10.0.0.0/8"});
  for (const char* header : {"for=", "for", "=203.0.113.9", "for=\"203.0.113.9", "for=\"203.0.113\\.9\"",
                             "for=203.0.113.9 junk", "for=203.0.113.9;for=198.51.100.4", "proto=https",
                             "for=[2001:db8::1]", "for=203.0.113.9, for=10.0.0.2 @"}) {
    EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", header), "10.0.0.1") << header;
  }
  // A bad element on the left stops the walk there, after the good ones on its right.
  EXPECT_EQ(proxies.ClientAddress("10.0.0.1", "", "for=unknown;x, for=203.0.113.9"), "203.0.113.9");
}

}  // namespace
}  // namespace gazette::http
