#include "gazette/accounts/password_policy.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace gazette::accounts {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PasswordPolicy, AcceptsTwelveCharactersOrMore) {
  EXPECT_TRUE(CheckNewPassword("abcdefghijkl").ok());
  EXPECT_TRUE(CheckNewPassword("correct horse battery staple").ok());
}

TEST(PasswordPolicy, RefusesElevenCharactersSayingWhatToDo) {
  const Status status = CheckNewPassword("abcdefghijk");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("at least 12 characters"));
  EXPECT_THAT(status.error().message, Not(HasSubstr("abcdefghijk")));
  EXPECT_FALSE(CheckNewPassword("").ok());
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // 11 characters in 17 bytes: too short, however many bytes.
  EXPECT_FALSE(CheckNewPassword("zażółćgęślą").ok());
  // 12 characters, 4 bytes each.
  EXPECT_TRUE(CheckNewPassword("🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉").ok());
  EXPECT_FALSE(CheckNewPassword("🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉").ok());
}

TEST(PasswordPolicy, AllowsAtMost1024Bytes) {
  EXPECT_TRUE(CheckNewPassword(std::string(1024, 'a')).ok());
  const Status status = CheckNewPassword(std::string(1025, 'a'));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("at most 1024 bytes"));
}

TEST(PasswordPolicy, RefusesInvalidUtf8) {
  const Status status = CheckNewPassword("abcdefghijkl\xff");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("UTF-8"));
}

}  // namespace
}  // namespace gazette::accounts
