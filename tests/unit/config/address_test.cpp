#include "gazette/config/detail/address.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/config/detail/text.hpp"

namespace gazette::config::detail {
namespace {

TEST(NormalizeCidr, KeepsValidRanges) {
  for (const char* range : {"10.0.0.0/8", "0.0.0.0/0", "192.0.2.7/32", "::/0", "2001:db8::/32", "::1/128",
                            "fe80::/10", "::ffff:192.0.2.0/120"}) {
    auto normalized = NormalizeCidr(range);
    ASSERT_TRUE(normalized.ok()) << range << ": " << normalized.error().message;
    EXPECT_EQ(*normalized, range);
  }
}

TEST(NormalizeCidr, BareAddressIsOneHost) {
  EXPECT_EQ(NormalizeCidr("192.0.2.7").value(), "192.0.2.7/32");
  EXPECT_EQ(NormalizeCidr("::1").value(), "::1/128");
}

TEST(NormalizeCidr, RefusesHostBitsWithAClearMessage) {
  auto range = NormalizeCidr("10.0.0.1/8");
  ASSERT_FALSE(range.ok());
  EXPECT_THAT(range.error().message,
              ::testing::HasSubstr("bits set after the prefix; did you mean 10.0.0.0/8?"));
  EXPECT_THAT(NormalizeCidr("2001:db8::1/32").error().message,
              ::testing::HasSubstr("did you mean 2001:db8::/32?"));
  EXPECT_FALSE(NormalizeCidr("2001:db8::1/64").ok());
  EXPECT_FALSE(NormalizeCidr("192.0.2.129/25").ok());
  EXPECT_TRUE(NormalizeCidr("192.0.2.128/25").ok());
}

TEST(NormalizeCidr, RefusesMalformedText) {
  for (const char* range : {"",
                            "/8",
                            "10.0.0.0/",
                            "10.0.0.0/33",
                            "10.0.0.0/-1",
                            "10.0.0.0/+8",
                            "10.0.0.0/08",
                            "10.0.0.0/8/8",
                            "10.0.0.0 /8",
                            "10.0.0/8",
                            "10.0.0.0.0/8",
                            "1.2.3.256",
                            "01.2.3.4",
                            "::1/129",
                            "::1/1280",
                            "1::2::3",
                            "fe80::1%eth0",
                            "[::1]",
                            "localhost",
                            "10.0.0.0/a"}) {
    EXPECT_FALSE(NormalizeCidr(range).ok()) << range;
  }
}

TEST(IsDnsName, FollowsRfc1123) {
  EXPECT_TRUE(IsDnsName("localhost"));
  EXPECT_TRUE(IsDnsName("news.example.org"));
  EXPECT_TRUE(IsDnsName("news.example.org."));
  EXPECT_TRUE(IsDnsName("a-b.c9"));
  EXPECT_FALSE(IsDnsName(""));
  EXPECT_FALSE(IsDnsName("-a.org"));
  EXPECT_FALSE(IsDnsName("a-.org"));
  EXPECT_FALSE(IsDnsName("a..org"));
  EXPECT_FALSE(IsDnsName("under_score.org"));
  EXPECT_FALSE(IsDnsName(std::string(64, 'a') + ".org"));
  EXPECT_FALSE(IsDnsName("1.2.3.999"));
}

}  // namespace
}  // namespace gazette::config::detail
