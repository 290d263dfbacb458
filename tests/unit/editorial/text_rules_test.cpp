#include "gazette/editorial/text_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gazette::editorial {
namespace {

TEST(TextRules, AcceptsValidUtf8OfEveryLength) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("Łódź, Zürich, Κρήτη, 東京, 🙂"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(TextRules, RefusesEveryKindOfInvalidUtf8) {
  const std::vector<std::string> bad = {
      "\x80",              // a continuation byte alone
      "\xC3",              // a truncated two-byte sequence
      "caf\xC3",           // truncated at the end of a word
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xED\xA0\x80",      // a UTF-16 surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xFF",              // never valid
      "\xE2\x82",          // truncated euro sign
      "ok\xE2\x28\xA1",    // a bad continuation byte
  };
  for (const std::string& text : bad) EXPECT_FALSE(IsValidUtf8(text)) << text;
}

TEST(TextRules, FindsControlCharactersButLetsLineBreaksIntoMarkdown) {
  EXPECT_FALSE(HasControlCharacter("Line one\nLine two\tindented", true));
  EXPECT_TRUE(HasControlCharacter("Line one\nLine two", false));
  EXPECT_TRUE(HasControlCharacter("tab\there", false));
  EXPECT_TRUE(HasControlCharacter(std::string("nul\0inside", 10), true));
  EXPECT_TRUE(HasControlCharacter("bell\a", true));
  EXPECT_TRUE(HasControlCharacter("escape\x1B[31m", true));
  EXPECT_TRUE(HasControlCharacter("delete\x7F", true));
  EXPECT_TRUE(HasControlCharacter("c1 \xC2\x85 next line", true));
  EXPECT_FALSE(HasControlCharacter("no-break\xC2\xA0space and é", true));
}

TEST(TextRules, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints("Łódź"), 4U);
  EXPECT_EQ(CountCodePoints("🙂🙂"), 2U);
  EXPECT_EQ(CountCodePoints(""), 0U);
}

TEST(TextRules, NormalisesCrlfAndLoneCrToLf) {
  EXPECT_EQ(NormaliseLineEnds("a\r\nb\rc\nd\r\n\r\n"), "a\nb\nc\nd\n\n");
  EXPECT_EQ(NormaliseLineEnds("no breaks"), "no breaks");
}

TEST(TextRules, TrimsAsciiBlanksOnly) {
  EXPECT_EQ(TrimAscii("  \t title \r\n"), "title");
  EXPECT_EQ(TrimAscii("   "), "");
  EXPECT_EQ(TrimAscii("\xC2\xA0kept\xC2\xA0"), "\xC2\xA0kept\xC2\xA0");
}

}  // namespace
}  // namespace gazette::editorial
