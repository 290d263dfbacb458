// The checks on what a reader typed: lengths in characters, UTF-8, control characters, e-mail shape.
#include "gazette/comments/comment_fields.hpp"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

std::string Problem(std::string_view name, std::string_view email, std::string_view text) {
  auto checked = CheckCommentFields(name, email, text);
  if (auto* problem = std::get_if<FieldProblem>(&checked)) return problem->message;
  return "";
}

CommentField ProblemField(std::string_view name, std::string_view email, std::string_view text) {
  return std::get<FieldProblem>(CheckCommentFields(name, email, text)).field;
}

std::string Repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(CommentFields, TidiesWhatItKeeps) {
  auto checked = CheckCommentFields("  Ada  ", " Ada@Example.ORG ", "\r\nline one  \r\nline two\r\n\r\n");
  const auto& fields = std::get<CommentFields>(checked);
  EXPECT_EQ(fields.name, "Ada");
  EXPECT_EQ(fields.email, "ada@example.org");
  EXPECT_EQ(fields.text, "line one\nline two");
}

TEST(CommentFields, KeepsRightToLeftTextEmojiAndCombiningMarksExactly) {
  const std::string text = "\u05e9\u05dc\u05d5\u05dd \u202bembedded\u202c \U0001F469\u200D\U0001F4BB e\u0301 \u0627\u0644";
  auto checked = CheckCommentFields("\u0645\u0631\u064a\u0645", "", text);
  ASSERT_TRUE(std::holds_alternative<CommentFields>(checked));
  EXPECT_EQ(std::get<CommentFields>(checked).text, text);
  EXPECT_EQ(std::get<CommentFields>(checked).name, "\u0645\u0631\u064a\u0645");
}

TEST(CommentFields, EmptyNameOrTextIsRefused) {
  EXPECT_EQ(ProblemField("", "", "text"), CommentField::kName);
  EXPECT_EQ(ProblemField("   ", "", "text"), CommentField::kName);
  EXPECT_EQ(ProblemField("Ada", "", ""), CommentField::kText);
  EXPECT_EQ(ProblemField("Ada", "", " \r\n\t "), CommentField::kText);
}

TEST(CommentFields, LengthsAreCountedInCharacters) {
  EXPECT_EQ(Problem(Repeat("\u00e9", 100), "", "t"), "");
  EXPECT_EQ(ProblemField(Repeat("\u00e9", 101), "", "t"), CommentField::kName);
  EXPECT_EQ(Problem("Ada", "", Repeat("\U0001F44D", 5000)), "");
  EXPECT_EQ(ProblemField("Ada", "", Repeat("\U0001F44D", 5001)), CommentField::kText);
  const std::string email = Repeat("a", 242) + "@example.org";  // 254 characters
  EXPECT_EQ(Problem("Ada", email, "t"), "");
  EXPECT_EQ(ProblemField("Ada", "a" + email, "t"), CommentField::kEmail);
}

TEST(CommentFields, InvalidUtf8IsRefusedInEveryField) {
  EXPECT_EQ(ProblemField("A\xff", "", "t"), CommentField::kName);
  EXPECT_EQ(ProblemField("Ada", "a\xc0\x80@x.org", "t"), CommentField::kEmail);
  EXPECT_EQ(ProblemField("Ada", "", "t\xed\xa0\x80"), CommentField::kText);
}

TEST(CommentFields, ControlCharactersAreRefusedButTabsAndBreaksInTheText) {
  EXPECT_EQ(ProblemField("A\nda", "", "t"), CommentField::kName);
  EXPECT_EQ(ProblemField("A\u0085da", "", "t"), CommentField::kName);
  EXPECT_EQ(ProblemField("Ada", "", std::string("t\0x", 3)), CommentField::kText);
  EXPECT_EQ(ProblemField("Ada", "", "t\x1b[31m"), CommentField::kText);
  EXPECT_EQ(Problem("Ada", "", "a\tb\nc"), "");
}

TEST(CommentFields, AnEmailAddressNeedsOneAtBetweenParts) {
  EXPECT_EQ(Problem("Ada", "", "t"), "");
  for (const char* bad : {"ada", "@example.org", "ada@", "a@b@c", "a b@c.org", "a<b>@c.org"}) {
    EXPECT_EQ(ProblemField("Ada", bad, "t"), CommentField::kEmail) << bad;
  }
}

}  // namespace
}  // namespace gazette::comments
