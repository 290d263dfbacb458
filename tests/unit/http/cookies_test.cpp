#include "gazette/http/cookies.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::http {
namespace {

using namespace std::chrono_literals;

TEST(FindCookie, FindsAValueAmongSeveral) {
  EXPECT_EQ(FindCookie("a=1; session=abc123; b=2", "session"), "abc123");
  EXPECT_EQ(FindCookie("session=abc123", "session"), "abc123");
  EXPECT_EQ(FindCookie("a=1; b=2", "session"), std::nullopt);
  EXPECT_EQ(FindCookie("", "session"), std::nullopt);
}

TEST(FindCookie, IsLenientAboutSpacingAndEmptyPieces) {
  EXPECT_EQ(FindCookie("a=1;session=x", "session"), "x");
  EXPECT_EQ(FindCookie("a=1 ;  session = x  ; b=2", "session"), "x");
  EXPECT_EQ(FindCookie(";;\tsession=x;", "session"), "x");
  EXPECT_EQ(FindCookie("flag; session=x", "session"), "x") << "a piece without '=' is skipped";
  EXPECT_EQ(FindCookie("session=", "session"), "");
}

TEST(FindCookie, NamesAreCaseSensitiveAndWholeNames) {
  EXPECT_EQ(FindCookie("Session=x", "session"), std::nullopt);
  EXPECT_EQ(FindCookie("my_session=x", "session"), std::nullopt);
  EXPECT_EQ(FindCookie("session2=x", "session"), std::nullopt);
  EXPECT_EQ(FindCookie("a=session=x", "session"), std::nullopt) << "a value is not a name";
}

TEST(FindCookie, TheFirstOfDuplicatesWins) {
  // Browsers send the cookie with the most specific path first (RFC 6265 section 5.4).
  EXPECT_EQ(FindCookie("session=specific; session=general", "session"), "specific");
}

TEST(FindCookie, UnquotesAQuotedValue) {
  EXPECT_EQ(FindCookie("session=\"abc\"", "session"), "abc");
  EXPECT_EQ(FindCookie("session=\"", "session"), "\"") << "a lone quote is no quoted value";
}

TEST(FindCookie, ValueKeepsEqualsSigns) {
  EXPECT_EQ(FindCookie("token=YWJj==; a=1", "token"), "YWJj==");
}

TEST(FindCookie, AnEmptyNameFindsNothing) {
  EXPECT_EQ(FindCookie("=x", ""), std::nullopt);
}

TEST(SetCookie, FormatsASessionCookieWithSafeDefaults) {
  SetCookie cookie;
  cookie.name = "session";
  cookie.value = "abc123";
  const auto text = cookie.Format();
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "session=abc123; Path=/; HttpOnly; Secure; SameSite=Lax");
}

TEST(SetCookie, FormatsEveryAttribute) {
  SetCookie cookie{"prefs", "dark", "/admin", 3600s, false, false, SameSite::kStrict};
  const auto text = cookie.Format();
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "prefs=dark; Path=/admin; Max-Age=3600; SameSite=Strict");
}

TEST(SetCookie, ExpiredDeletesTheCookieForOldAndNewBrowsers) {
  const auto text = SetCookie::Expired("session").Format();
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text,
            "session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; "
            "SameSite=Lax");
  const auto scoped = SetCookie::Expired("pref", "/admin").Format();
  ASSERT_TRUE(scoped.ok());
  EXPECT_NE(scoped->find("Path=/admin;"), std::string::npos);
}

TEST(SetCookie, RefusesValuesOutsideTheCookieOctets) {
  for (const char* value : {"a\r\nSet-Cookie: evil=1", "a\nb", "a;b", "a b", "a,b", "a\"b", "a\\b",
                            "caf\xc3\xa9", "a\x7f", "a\tb"}) {
    SetCookie cookie;
    cookie.name = "session";
    cookie.value = value;
    const auto text = cookie.Format();
    ASSERT_FALSE(text.ok()) << value;
    EXPECT_EQ(text.error().code, ErrorCode::kInvalid);
  }
  SetCookie with_nul;
  with_nul.name = "session";
  with_nul.value = std::string("a\0b", 3);
  EXPECT_FALSE(with_nul.Format().ok());
}

TEST(SetCookie, RefusesNamesThatAreNotTokens) {
  for (const char* name : {"", "a b", "a=b", "a;b", "a\r\nb", "a:b", "a(b)", "sess\xc3\xafon"}) {
    SetCookie cookie;
    cookie.name = name;
    cookie.value = "x";
    EXPECT_FALSE(cookie.Format().ok()) << name;
  }
}

TEST(SetCookie, RefusesBadPaths) {
  for (const char* path : {"", "admin", "/a;b", "/a\r\nb", "/a\tb"}) {
    SetCookie cookie;
    cookie.name = "session";
    cookie.path = path;
    EXPECT_FALSE(cookie.Format().ok()) << path;
  }
}

TEST(SetCookie, RefusesCombinationsBrowsersWouldDrop) {
  SetCookie none_without_secure;
  none_without_secure.name = "session";
  none_without_secure.secure = false;
  none_without_secure.same_site = SameSite::kNone;
  EXPECT_FALSE(none_without_secure.Format().ok());

  SetCookie host_prefix;
  host_prefix.name = "__Host-session";
  host_prefix.path = "/admin";
  EXPECT_FALSE(host_prefix.Format().ok()) << "__Host- needs Path=/";
  host_prefix.path = "/";
  EXPECT_TRUE(host_prefix.Format().ok());
  host_prefix.secure = false;
  EXPECT_FALSE(host_prefix.Format().ok()) << "__Host- needs Secure";

  SetCookie negative;
  negative.name = "session";
  negative.max_age = -1s;
  EXPECT_FALSE(negative.Format().ok());
}

}  // namespace
}  // namespace gazette::http
