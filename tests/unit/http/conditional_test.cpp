#include "gazette/http/conditional.hpp"

#include <gtest/gtest.h>

#include "gazette/http/content_hash.hpp"
#include "gazette/http/http_date.hpp"

namespace gazette::http {
namespace {

constexpr std::string_view kEtag = "\"abc123\"";
constexpr std::string_view kModified = "Sun, 06 Nov 1994 08:49:37 GMT";

TEST(IfNoneMatch, MatchesAnyListedTagWithWeakComparison) {
  EXPECT_TRUE(IfNoneMatchMatches("\"abc123\"", kEtag));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\", W/\"abc123\"", kEtag));
  EXPECT_TRUE(IfNoneMatchMatches(" \"x\" ,\"abc123\" ", kEtag));
  EXPECT_TRUE(IfNoneMatchMatches("\"abc123\"", "W/\"abc123\""));
  EXPECT_TRUE(IfNoneMatchMatches("*", kEtag));
  EXPECT_FALSE(IfNoneMatchMatches("\"abc12\"", kEtag));
  EXPECT_FALSE(IfNoneMatchMatches("abc123", kEtag));  // unquoted is not an entity-tag
  EXPECT_FALSE(IfNoneMatchMatches("", kEtag));
}

TEST(NotModified, IfNoneMatchTakesPrecedenceOverIfModifiedSince) {
  // A non-matching tag means "send it", even when the date says unchanged.
  EXPECT_FALSE(IsNotModified("\"other\"", kModified, kEtag, kModified));
  EXPECT_TRUE(IsNotModified("\"abc123\"", "Sat, 01 Jan 1994 00:00:00 GMT", kEtag, kModified));
}

TEST(NotModified, ComparesIfModifiedSinceWithLastModified) {
  EXPECT_TRUE(IsNotModified("", kModified, kEtag, kModified));
  EXPECT_TRUE(IsNotModified("", "Mon, 07 Nov 1994 00:00:00 GMT", kEtag, kModified));
  EXPECT_FALSE(IsNotModified("", "Sat, 05 Nov 1994 08:49:37 GMT", kEtag, kModified));
  EXPECT_FALSE(IsNotModified("", kModified, kEtag, ""));           // no Last-Modified: cannot tell
  EXPECT_FALSE(IsNotModified("", "yesterday", kEtag, kModified));  // invalid date is ignored
  EXPECT_FALSE(IsNotModified("", "", kEtag, kModified));
}

TEST(HttpDate, FormatsImfFixdate) {
  EXPECT_EQ(FormatHttpDate(TimestampFromUnix(784111777)), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(FormatHttpDate(TimestampFromUnix(0)), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(HttpDate, ParsesTheThreeFormsOfRfc9110) {
  const auto expected = TimestampFromUnix(784111777);
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), expected);
}

TEST(HttpDate, RefusesMalformedDates) {
  for (const char* text :
       {"", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT", "1994-11-06T08:49:37Z"}) {
    EXPECT_FALSE(ParseHttpDate(text).has_value()) << text;
  }
}

TEST(ContentHash, IsStableAndSensitiveToEveryByte) {
  std::string body(1000, 'x');
  const auto base = ContentHash(body);
  EXPECT_EQ(ContentHash(body), base);
  for (std::size_t i : {0u, 31u, 32u, 500u, 999u}) {
    std::string changed = body;
    changed[i] = 'y';
    EXPECT_NE(ContentHash(changed), base) << i;
  }
  EXPECT_NE(ContentHash(""), ContentHash(std::string_view("\0", 1)));
  EXPECT_NE(ContentHash("ab"), ContentHash("ba"));
}

TEST(ContentHash, StrongEtagIsQuotedHex) {
  const std::string etag = StrongEtag("hello");
  ASSERT_EQ(etag.size(), 18u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_EQ(etag.substr(1, 16), HashHex(ContentHash("hello")));
  EXPECT_EQ(etag.find_first_not_of("\"0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace gazette::http
