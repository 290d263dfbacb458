#include "gazette/base/ip_address.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gazette {
namespace {

IpAddress Ip(std::string_view text) {
  auto address = ParseIpAddress(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address.value_or(IpAddress{});
}

CidrRange Range(std::string_view text) {
  auto range = ParseCidr(text);
  EXPECT_TRUE(range.ok()) << text << ": " << (range ? "" : range.error().message);
  return range ? *range : CidrRange{};
}

TEST(ParseIpAddress, ReadsBothFamilies) {
  const IpAddress v4 = Ip("192.0.2.1");
  EXPECT_FALSE(v4.v6);
  EXPECT_EQ(v4.bytes[0], 192);
  EXPECT_EQ(v4.bytes[3], 1);
  const IpAddress v6 = Ip("2001:db8::1");
  EXPECT_TRUE(v6.v6);
  EXPECT_EQ(v6.bytes[0], 0x20);
  EXPECT_EQ(v6.bytes[15], 1);
}

TEST(ParseIpAddress, RefusesAnythingAroundTheAddress) {
  for (const char* text :
       {"", " 192.0.2.1", "192.0.2.1 ", "192.0.2.1:80", "[::1]", "::1%lo", "01.2.3.4", "1.2.3", "1.2.3.4.5",
        "256.1.1.1", "1::2::3", "localhost", "unknown", "_hidden", "0x7f.0.0.1", "1:2:3:4:5:6:7:8:9"}) {
    EXPECT_FALSE(ParseIpAddress(text).has_value()) << text;
  }
  EXPECT_FALSE(ParseIpAddress(std::string(100, '1')).has_value());
  EXPECT_FALSE(ParseIpAddress(std::string_view("1.2.3.4\0", 8)).has_value());
}

TEST(IpAddress, WritesCanonicalText) {
  EXPECT_EQ(Ip("192.0.2.1").ToString(), "192.0.2.1");
  EXPECT_EQ(Ip("0.0.0.0").ToString(), "0.0.0.0");
  EXPECT_EQ(Ip("255.255.255.255").ToString(), "255.255.255.255");
  EXPECT_EQ(Ip("10.200.3.40").ToString(), "10.200.3.40");
  EXPECT_EQ(Ip("2001:0DB8:0:0:0:0:0:1").ToString(), "2001:db8::1");
  EXPECT_EQ(Ip("::ffff:127.0.0.1").Unmapped().ToString(), "127.0.0.1");
  EXPECT_EQ(Ip("::1").Unmapped().ToString(), "::1");
  EXPECT_EQ(Ip("10.0.0.1").Unmapped(), Ip("10.0.0.1"));
}

TEST(ParseCidr, ReadsRangesAndBareHosts) {
  const CidrRange range = Range("10.0.0.0/8");
  EXPECT_EQ(range.prefix, 8);
  EXPECT_EQ(range.ToString(), "10.0.0.0/8");
  EXPECT_EQ(Range("192.0.2.7").prefix, 32);
  EXPECT_EQ(Range("::1").prefix, 128);
  EXPECT_EQ(Range("2001:db8::/32").ToString(), "2001:db8::/32");
}

TEST(ParseCidr, SuggestsTheNetworkForHostBits) {
  auto range = ParseCidr("10.0.0.1/8");
  ASSERT_FALSE(range.ok());
  EXPECT_EQ(range.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(range.error().message, ::testing::HasSubstr("did you mean 10.0.0.0/8?"));
}

TEST(ParseCidr, RefusesMalformedText) {
  for (const char* text : {"", "/8", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/8/8", "::/129",
                           "10.0.0.0/ 8", "[::1]/128", "10.0.0.0/-0"}) {
    EXPECT_FALSE(ParseCidr(text).ok()) << text;
  }
  EXPECT_THAT(ParseCidr("nope/8").error().message, ::testing::HasSubstr("\"nope\" is not an IPv4 or IPv6"));
}

TEST(CidrRange, ContainsAddressesUnderItsPrefix) {
  const CidrRange range = Range("192.0.2.128/25");
  EXPECT_TRUE(range.Contains(Ip("192.0.2.128")));
  EXPECT_TRUE(range.Contains(Ip("192.0.2.255")));
  EXPECT_FALSE(range.Contains(Ip("192.0.2.127")));
  EXPECT_FALSE(range.Contains(Ip("192.0.3.128")));
  const CidrRange v6 = Range("2001:db8::/32");
  EXPECT_TRUE(v6.Contains(Ip("2001:db8:ffff::1")));
  EXPECT_FALSE(v6.Contains(Ip("2001:db9::1")));
  EXPECT_TRUE(Range("0.0.0.0/0").Contains(Ip("203.0.113.9")));
  EXPECT_TRUE(Range("::1").Contains(Ip("::1")));
  EXPECT_FALSE(Range("::1").Contains(Ip("::2")));
}

TEST(CidrRange, KeepsTheFamiliesApart) {
  EXPECT_FALSE(Range("0.0.0.0/0").Contains(Ip("::1")));
  EXPECT_FALSE(Range("::/0").Contains(Ip("10.0.0.1")));
  EXPECT_FALSE(Range("::/0").Contains(Ip("::ffff:10.0.0.1")));
  EXPECT_TRUE(Range("::/0").Contains(Ip("2001:db8::1")));
  // ::a00:1 (IPv4-compatible, deprecated) is not the IPv4 address 10.0.0.1.
  EXPECT_FALSE(Range("10.0.0.0/8").Contains(Ip("::10.0.0.1")));
}

TEST(CidrRange, MatchesIpv4MappedAddressesAsIpv4) {
  EXPECT_TRUE(Range("127.0.0.1").Contains(Ip("::ffff:127.0.0.1")));
  EXPECT_TRUE(Range("10.0.0.0/8").Contains(Ip("::ffff:10.20.30.40")));
  EXPECT_FALSE(Range("10.0.0.0/8").Contains(Ip("::ffff:11.0.0.1")));
  EXPECT_TRUE(Range("::ffff:192.0.2.0/120").Contains(Ip("192.0.2.77")));
  EXPECT_FALSE(Range("::ffff:192.0.2.0/120").Contains(Ip("192.0.3.77")));
}

}  // namespace
}  // namespace gazette
