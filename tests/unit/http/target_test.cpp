#include "gazette/http/target.hpp"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(Target, DecodesPathAndQuery) {
  const auto target = ParseTarget("/tag/z%C3%BCrich?q=a+b%26c&page=2&flag&&empty=");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/tag/zürich");
  const QueryParams expected = {{"q", "a b&c"}, {"page", "2"}, {"flag", ""}, {"empty", ""}};
  EXPECT_EQ(target->query, expected);
}

TEST(Target, PlusStaysPlusInThePath) {
  const auto target = ParseTarget("/c++/a%2Bb");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/c++/a+b");
}

TEST(Target, RefusesMalformedEscapes) {
  for (const char* raw : {"/%zz", "/%", "/%4", "/a%g0", "/?q=%", "/?q=%x1", "/?%zz=1"}) {
    const auto target = ParseTarget(raw);
    ASSERT_FALSE(target.ok()) << raw;
    EXPECT_EQ(target.error().code, ErrorCode::kInvalid);
  }
}

TEST(Target, RefusesInvalidUtf8AfterDecoding) {
  for (const char* raw : {"/%ff%fe", "/%C3", "/%C0%AF", "/%ED%A0%80", "/%F4%90%80%80", "/?q=%ff"}) {
    EXPECT_FALSE(ParseTarget(raw).ok()) << raw;
  }
}

TEST(Target, RefusesNulAndControlCharactersInThePath) {
  for (const char* raw : {"/a%00b", "/%0A", "/%7f", "/%1b[31m", "/?q=a%00"}) {
    EXPECT_FALSE(ParseTarget(raw).ok()) << raw;
  }
  EXPECT_TRUE(ParseTarget("/?q=line%0Abreak").ok());  // a textarea's newline in a query is fine
}

TEST(Target, RequiresOriginForm) {
  for (const char* raw : {"", "*", "http://example.com/", "index.html", "/a#frag"}) {
    EXPECT_FALSE(ParseTarget(raw).ok()) << raw;
  }
}

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Łódź €  𝄞"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RefusesMalformedText) {
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xC2"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80"));  // five-byte form
  EXPECT_FALSE(IsValidUtf8("a\xE2\x82"));         // truncated at the end
}

}  // namespace
}  // namespace gazette::http
