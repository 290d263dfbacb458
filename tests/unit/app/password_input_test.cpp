#include "gazette/app/password_input.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace gazette::app {
namespace {

using ::testing::HasSubstr;

Result<std::string> Read(const std::string& input) {
  std::istringstream in(input);
  return ReadPasswordLine(in);
}

TEST(ReadPasswordLine, TakesTheFirstLineWithoutItsLineEnding) {
  EXPECT_EQ(Read("correct horse\n").value(), "correct horse");
  EXPECT_EQ(Read("correct horse\r\n").value(), "correct horse");
  EXPECT_EQ(Read("correct horse").value(), "correct horse");
  EXPECT_EQ(Read("first\nsecond\n").value(), "first");
  EXPECT_EQ(Read("  spaces are kept  \n").value(), "  spaces are kept  ");
}

TEST(ReadPasswordLine, AnEmptyLineIsAnEmptyPassword) {
  // Left to the password policy, which says what a password needs.
  EXPECT_EQ(Read("\n").value(), "");
}

TEST(ReadPasswordLine, NothingAtAllIsRefusedSayingHowToGiveOne) {
  auto password = Read("");
  ASSERT_FALSE(password.ok());
  EXPECT_EQ(password.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(password.error().message, HasSubstr("pipe it in"));
}

TEST(ReadPasswordLine, RefusesLinesOverTheLimit) {
  EXPECT_EQ(Read(std::string(1024, 'p') + "\n").value().size(), 1024u);
  auto long_line = Read(std::string(1025, 'p') + "\n");
  ASSERT_FALSE(long_line.ok());
  EXPECT_EQ(long_line.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(long_line.error().message, HasSubstr("too long"));
  EXPECT_FALSE(Read(std::string(1'000'000, 'p')).ok());
}

}  // namespace
}  // namespace gazette::app
