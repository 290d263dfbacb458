#include "gazette/base/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette {
namespace {

TEST(Utf8, AcceptsWellFormedTextInEveryLength) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("Łódź — 東京 🦉"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(Utf8, RefusesMalformedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xff"));              // never a UTF-8 byte
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // cut short
  EXPECT_FALSE(IsValidUtf8("\xc3\x28"));          // bad continuation
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xe0\x80\xaf"));      // overlong '/', three bytes
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
  EXPECT_EQ(CodePointCount("Łódź"), 4u);
  EXPECT_EQ(CodePointCount("🦉🦉"), 2u);
}

TEST(Utf8, FindsC0DelAndC1Controls) {
  EXPECT_FALSE(HasControlCharacter("Ada Lovelace, Łódź"));
  EXPECT_TRUE(HasControlCharacter("a\nb"));
  EXPECT_TRUE(HasControlCharacter(std::string_view("a\0b", 3)));
  EXPECT_TRUE(HasControlCharacter("a\x7f"));
  EXPECT_TRUE(HasControlCharacter("a\xc2\x85"));  // U+0085 NEXT LINE
  EXPECT_FALSE(HasControlCharacter("\xc2\xa0"));  // U+00A0 NO-BREAK SPACE is not a control
}

TEST(Utf8, LetsThroughOnlyTheControlsAllowed) {
  EXPECT_FALSE(HasControlCharacter("Line one\nLine two\tindented", "\n\t"));
  EXPECT_TRUE(HasControlCharacter("Line one\r\nLine two", "\n\t"));
  EXPECT_FALSE(HasControlCharacter("Line one\r\nLine two", "\t\r\n"));
  EXPECT_TRUE(HasControlCharacter(std::string_view("nul\0inside", 10), "\n\t"));
  EXPECT_TRUE(HasControlCharacter("escape\x1B[31m", "\n\t"));
  // Allowing ASCII controls never lets a C1 control or DEL through.
  EXPECT_TRUE(HasControlCharacter("a\xc2\x85", "\t\r\n"));
  EXPECT_TRUE(HasControlCharacter("a\x7f", "\t\r\n"));
}

TEST(Utf8, TruncatesWithoutSplittingACharacter) {
  EXPECT_EQ(TruncateUtf8("abc", 5), "abc");
  EXPECT_EQ(TruncateUtf8("abc", 2), "ab");
  EXPECT_EQ(TruncateUtf8("aŁb", 2), "a");  // Ł is two bytes: cut before it
  EXPECT_EQ(TruncateUtf8("aŁb", 3), "aŁ");
  EXPECT_EQ(TruncateUtf8("🦉", 3), "");
  EXPECT_EQ(TruncateUtf8("🦉", 4), "🦉");
}

}  // namespace
}  // namespace gazette
