#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/config/config.hpp"

namespace gazette::config {
namespace {

using ::testing::HasSubstr;

void ExpectListen(std::string_view text, std::string_view host, std::uint16_t port) {
  auto listen = ParseListen(text);
  ASSERT_TRUE(listen.ok()) << text << ": " << listen.error().message;
  EXPECT_EQ(listen->first, host) << text;
  EXPECT_EQ(listen->second, port) << text;
}

TEST(ParseListen, ReadsIpv4HostAndPort) {
  ExpectListen("127.0.0.1:8080", "127.0.0.1", 8080);
}

TEST(ParseListen, ReadsBracketedIpv6) {
  ExpectListen("[::1]:80", "::1", 80);
  ExpectListen("[2001:db8::7]:443", "2001:db8::7", 443);
}

TEST(ParseListen, EmptyHostMeansEveryInterface) {
  ExpectListen(":8080", "0.0.0.0", 8080);
}

TEST(ParseListen, AcceptsHostNamesAndPortZero) {
  ExpectListen("localhost:3000", "localhost", 3000);
  ExpectListen("127.0.0.1:0", "127.0.0.1", 0);
  ExpectListen("0.0.0.0:65535", "0.0.0.0", 65535);
}

TEST(ParseListen, RefusesHostWithoutPort) {
  auto listen = ParseListen("host");
  ASSERT_FALSE(listen.ok());
  EXPECT_EQ(listen.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(listen.error().message, HasSubstr("\"host\" has no port"));
  EXPECT_THAT(listen.error().message, HasSubstr("HOST:PORT"));
}

TEST(ParseListen, RefusesPortOutOfRange) {
  auto listen = ParseListen("1.2.3.4:99999");
  ASSERT_FALSE(listen.ok());
  EXPECT_THAT(listen.error().message, HasSubstr("port number 0..65535"));
  EXPECT_FALSE(ParseListen("1.2.3.4:65536").ok());
  EXPECT_FALSE(ParseListen("1.2.3.4:123456").ok());
}

TEST(ParseListen, RefusesNonNumericPort) {
  auto listen = ParseListen("a:b");
  ASSERT_FALSE(listen.ok());
  EXPECT_THAT(listen.error().message, HasSubstr("port number"));
  EXPECT_FALSE(ParseListen("a:").ok());
  EXPECT_FALSE(ParseListen("a:-1").ok());
  EXPECT_FALSE(ParseListen("a:+80").ok());
  EXPECT_FALSE(ParseListen("a: 80").ok());
}

TEST(ParseListen, RefusesMalformedHosts) {
  for (const char* text : {"", ":", "::1:80", "[::1]80", "[::1]", "[::1:80", "[nonsense]:80", "1.2.3.256:80",
                           "1.2.3:80", "bad host:80", "-x-:80", "under_score:80", "[127.0.0.1]:80"}) {
    EXPECT_FALSE(ParseListen(text).ok()) << text;
  }
  EXPECT_THAT(ParseListen("::1:80").error().message, HasSubstr("brackets"));
}

TEST(ParseListen, RefusesOverlongText) {
  EXPECT_FALSE(ParseListen(std::string(300, 'a') + ":80").ok());
}

TEST(FormatListen, BracketsIpv6AndRoundTrips) {
  EXPECT_EQ(FormatListen("127.0.0.1", 8080), "127.0.0.1:8080");
  EXPECT_EQ(FormatListen("::1", 80), "[::1]:80");
  for (const char* text : {"127.0.0.1:8080", "[::1]:80", "localhost:1"}) {
    auto listen = ParseListen(text);
    ASSERT_TRUE(listen.ok());
    EXPECT_EQ(FormatListen(listen->first, listen->second), text);
  }
}

}  // namespace
}  // namespace gazette::config
