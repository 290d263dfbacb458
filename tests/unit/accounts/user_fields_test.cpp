#include "gazette/accounts/user_fields.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace gazette::accounts {
namespace {

using ::testing::HasSubstr;

TEST(NormaliseEmail, LowerCasesAsciiAndDropsSurroundingSpaces) {
  auto email = NormaliseEmail("  Ada.Lovelace+News@Example.ORG ");
  ASSERT_TRUE(email.ok()) << email.error().message;
  EXPECT_EQ(*email, "ada.lovelace+news@example.org");
  auto unicode = NormaliseEmail("Zoë@Bücher.example");
  ASSERT_TRUE(unicode.ok()) << unicode.error().message;
  EXPECT_EQ(*unicode, "zoë@bücher.example");
}

TEST(NormaliseEmail, RefusesAddressesWithoutOneAtBetweenTwoParts) {
  for (const char* bad : {"", "   ", "ada", "ada@", "@example.org", "ada@@example.org", "a@b@example.org"}) {
    auto email = NormaliseEmail(bad);
    ASSERT_FALSE(email.ok()) << bad;
    EXPECT_EQ(email.error().code, ErrorCode::kInvalid) << bad;
  }
}

TEST(NormaliseEmail, RefusesDomainsWithoutADotOrWithEmptyParts) {
  for (const char* bad : {"ada@localhost", "ada@.example.org", "ada@example..org", "ada@example.org."}) {
    EXPECT_FALSE(NormaliseEmail(bad).ok()) << bad;
  }
  EXPECT_FALSE(NormaliseEmail("ada@" + std::string(64, 'a') + ".org").ok());
  EXPECT_TRUE(NormaliseEmail("ada@" + std::string(63, 'a') + ".org").ok());
}

TEST(NormaliseEmail, RefusesSpacesControlsAndQuotedFormCharacters) {
  for (const char* bad : {"ada lovelace@example.org", "ada\t@example.org", "ada\n@example.org",
                          "\"ada\"@example.org", "ada<x>@example.org", "ada,b@example.org",
                          "ada;b@example.org", "ada\\b@example.org", "ada@[192.0.2.1]"}) {
    EXPECT_FALSE(NormaliseEmail(bad).ok()) << bad;
  }
  EXPECT_FALSE(NormaliseEmail("ada\xff@example.org").ok());
}

TEST(NormaliseEmail, KeepsToTheLengthLimits) {
  const std::string domain = "@" + std::string(60, 'd') + "." + std::string(60, 'd') + "." +
                             std::string(60, 'd') + ".org";  // 187 bytes
  const std::string local64(64, 'a');
  ASSERT_TRUE(NormaliseEmail(local64 + domain).ok());  // 251 bytes
  EXPECT_FALSE(NormaliseEmail(std::string(65, 'a') + domain).ok());
  const std::string long_domain = "@" + std::string(60, 'd') + "." + std::string(60, 'd') + "." +
                                  std::string(60, 'd') + "." + std::string(60, 'd') + ".org";
  auto too_long = NormaliseEmail("a" + long_domain);  // 249 bytes: fine
  EXPECT_TRUE(too_long.ok());
  auto over = NormaliseEmail(std::string(10, 'a') + long_domain);  // 258 bytes
  ASSERT_FALSE(over.ok());
  EXPECT_THAT(over.error().message, HasSubstr("254"));
}

TEST(NormaliseUserName, TrimsAndAcceptsOneLineOfUpTo200Characters) {
  auto name = NormaliseUserName("  Ada Lovelace ");
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*name, "Ada Lovelace");
  EXPECT_TRUE(NormaliseUserName(std::string(200, 'a')).ok());
  std::string polish;
  for (int i = 0; i < 200; ++i) polish += "ł";
  EXPECT_TRUE(NormaliseUserName(polish).ok());  // 200 characters in 400 bytes
}

TEST(NormaliseUserName, RefusesEmptyOverlongControlAndInvalidText) {
  for (const std::string& bad :
       {std::string(), std::string("   "), std::string(201, 'a'), std::string("Ada\nKing"),
        std::string("Ada\x7f"), std::string("Ada\xc2\x85"), std::string("Ada\xff")}) {
    auto name = NormaliseUserName(bad);
    ASSERT_FALSE(name.ok()) << bad;
    EXPECT_EQ(name.error().code, ErrorCode::kInvalid);
  }
}

}  // namespace
}  // namespace gazette::accounts
