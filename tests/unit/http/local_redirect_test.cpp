#include "gazette/http/local_redirect.hpp"

#include <gtest/gtest.h>

#include <string>

#include "gazette/http/response.hpp"

namespace gazette::http {
namespace {

TEST(LocalRedirect, AcceptsPathsOnThisSite) {
  for (const char* location : {"/", "/admin", "/admin/articles?page=2&q=a%20b", "/a/b#top",
                               "/tag/z%C3%BCrich", "/tag/zürich", "/a//b"}) {
    EXPECT_TRUE(IsSafeLocalRedirect(location)) << location;
  }
}

TEST(LocalRedirect, RefusesAnythingThatLeavesTheSite) {
  for (const char* location :
       {"", "//evil.example", "//evil.example/path", "/\\evil.example", "\\\\evil.example",
        "/\\/evil.example", "http://evil.example", "https://evil.example/", "javascript:alert(1)",
        "data:text/html,x", "admin", "../admin", " /admin", "/\t/evil.example", "/\r\n/evil.example",
        "/a\r\nSet-Cookie: x=1", "/a b", "/a\x7f", "/a\\b"}) {
    EXPECT_FALSE(IsSafeLocalRedirect(location)) << location;
  }
  EXPECT_FALSE(IsSafeLocalRedirect(std::string("/a\0b", 4)));
}

TEST(Response, SeeOtherIs303ToTheGivenPath) {
  const Response response = Response::SeeOther("/admin/articles?saved=1");
  EXPECT_EQ(response.status, 303u);
  EXPECT_EQ(response.FindHeader("Location"), "/admin/articles?saved=1");
}

TEST(Response, RedirectsToAnotherSiteGoHomeInstead) {
  EXPECT_EQ(Response::SeeOther("//evil.example").FindHeader("location"), "/");
  EXPECT_EQ(Response::SeeOther("https://evil.example").FindHeader("Location"), "/");
  EXPECT_EQ(Response::Redirect(301, "/\\evil.example").FindHeader("Location"), "/");
  EXPECT_EQ(Response::Redirect(301, "/2024/01/slug").FindHeader("Location"), "/2024/01/slug");
}

TEST(Response, HasHeaderSeesAHeaderSetEmpty) {
  Response response;
  response.SetHeader("X-Frame-Options", "");
  EXPECT_TRUE(response.HasHeader("x-frame-options"));
  EXPECT_FALSE(response.HasHeader("Content-Security-Policy"));
}

}  // namespace
}  // namespace gazette::http
