#include "gazette/http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace gazette::http {
namespace {

Request MakeRequest(Method method, std::string path) {
  return Request(method, path, path, {}, {}, "127.0.0.1", nullptr, nullptr);
}

Handler Says(std::string text) {
  return [text](const Request& request) {
    std::string body = text;
    for (const char* name : {"slug", "year", "month", "id"}) {
      if (!request.Param(name).empty())
        body += std::string(" ") + name + "=" + std::string(request.Param(name));
    }
    return Response::Text(200, body);
  };
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  router.Get("/", Says("home"));
  router.Get("/category/{slug}", Says("category"));
  router.Get("/{year}/{month}/{slug}", Says("article"));

  auto home = MakeRequest(Method::kGet, "/");
  EXPECT_EQ(router.Dispatch(home).body, "home");
  auto category = MakeRequest(Method::kGet, "/category/gb");
  EXPECT_EQ(router.Dispatch(category).body, "category slug=gb");
  auto article = MakeRequest(Method::kGet, "/2026/01/some-title");
  EXPECT_EQ(router.Dispatch(article).body, "article slug=some-title year=2026 month=01");
}

TEST(Router, LiteralSegmentWinsOverParameterWhateverTheOrderAdded) {
  Router router;
  router.Get("/tag/{slug}", Says("tag"));
  router.Get("/tag/all", Says("all tags"));
  auto literal = MakeRequest(Method::kGet, "/tag/all");
  EXPECT_EQ(router.Dispatch(literal).body, "all tags");
  auto param = MakeRequest(Method::kGet, "/tag/other");
  EXPECT_EQ(router.Dispatch(param).body, "tag slug=other");
}

TEST(Router, FallsBackToParameterWhenTheLiteralBranchDeadEnds) {
  Router router;
  router.Get("/archive/{year}", Says("year"));
  router.Get("/archive/latest/feed", Says("feed"));
  auto request = MakeRequest(Method::kGet, "/archive/latest");
  EXPECT_EQ(router.Dispatch(request).body, "year year=latest");
}

TEST(Router, UnknownPathIs404) {
  Router router;
  router.Get("/a", Says("a"));
  for (const char* path : {"/b", "/a/b", "/a/", "//a"}) {
    auto request = MakeRequest(Method::kGet, path);
    EXPECT_EQ(router.Dispatch(request).status, 404u) << path;
  }
}

TEST(Router, PrefixFallbackAnswersUnknownPathsUnderItsPrefixOnly) {
  Router router;
  router.Get("/admin", Says("dashboard"));
  router.Get("/admin/users", Says("users"));
  router.Get("/{year}/{month}/{slug}", Says("article"));
  router.SetPrefixFallback("/admin", Says("fallback"));

  for (const char* path : {"/admin/nope", "/admin/users/1", "/admin/x/y", "/admin/"}) {
    auto request = MakeRequest(Method::kGet, path);
    EXPECT_EQ(router.Dispatch(request).body, "fallback") << path;
  }
  auto known = MakeRequest(Method::kGet, "/admin/users");
  EXPECT_EQ(router.Dispatch(known).body, "users");
  auto outside = MakeRequest(Method::kGet, "/administrator");
  EXPECT_EQ(router.Dispatch(outside).status, 404u);
  auto article = MakeRequest(Method::kGet, "/2026/01/x");
  EXPECT_EQ(router.Dispatch(article).body, "article slug=x year=2026 month=01");
  // A known path with another method goes to the fallback too, which is told what is allowed.
  router.SetPrefixFallback("/admin/users", [](const Request& request) {
    return Response::Text(200, "allow=" + std::string(request.Param(kAllowParam)));
  });
  auto post = MakeRequest(Method::kPost, "/admin/users");
  EXPECT_EQ(router.Dispatch(post).body, "allow=GET, HEAD");
}

TEST(Router, LongestPrefixFallbackWins) {
  Router router;
  router.SetPrefixFallback("/admin", Says("admin"));
  router.SetPrefixFallback("/admin/api", Says("api"));
  auto api = MakeRequest(Method::kGet, "/admin/api/tags");
  EXPECT_EQ(router.Dispatch(api).body, "api");
  auto page = MakeRequest(Method::kGet, "/admin/apix");
  EXPECT_EQ(router.Dispatch(page).body, "admin");
  EXPECT_THROW(router.SetPrefixFallback("/admin/", Says("x")), std::invalid_argument);
}

TEST(Router, ParameterNeverMatchesAnEmptySegment) {
  Router router;
  router.Get("/category/{slug}", Says("category"));
  auto request = MakeRequest(Method::kGet, "/category/");
  EXPECT_EQ(router.Dispatch(request).status, 404u);
}

TEST(Router, HeadRunsTheGetHandler) {
  Router router;
  router.Get("/page", Says("page"));
  auto request = MakeRequest(Method::kHead, "/page");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "page");  // the server drops it on the wire
}

TEST(Router, OtherMethodOnAKnownPathIs405WithAllow) {
  Router router;
  router.Get("/form", Says("form"));
  router.Post("/form", Says("posted"));
  router.Add(Method::kDelete, "/item/{id}", Says("deleted"));
  auto put = MakeRequest(Method::kPut, "/form");
  const Response response = router.Dispatch(put);
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.FindHeader("Allow"), "GET, HEAD, POST");
  auto get = MakeRequest(Method::kGet, "/item/3");
  const Response item = router.Dispatch(get);
  EXPECT_EQ(item.status, 405u);
  EXPECT_EQ(item.FindHeader("allow"), "DELETE");
}

TEST(Router, MethodFoundOnALessPreciseRouteIsUsedBefore405) {
  Router router;
  router.Post("/article/new", Says("create"));
  router.Get("/article/{slug}", Says("show"));
  auto request = MakeRequest(Method::kGet, "/article/new");
  EXPECT_EQ(router.Dispatch(request).body, "show slug=new");
}

TEST(Router, UnknownMethodIs501) {
  Router router;
  router.Get("/", Says("home"));
  auto request = MakeRequest(Method::kOther, "/");
  EXPECT_EQ(router.Dispatch(request).status, 501u);
}

TEST(Router, ThrowingHandlerBecomes500ThroughTheErrorRenderer) {
  Router router;
  router.Get("/boom", [](const Request&) -> Response { throw std::runtime_error("database on fire"); });
  router.SetErrorRenderer([](const Request* request, unsigned status, std::string_view message) {
    return Response::Text(status, "rendered " + std::to_string(status) + " " + std::string(message) +
                                      (request != nullptr ? " for " + request->path() : ""));
  });
  auto request = MakeRequest(Method::kGet, "/boom");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 500u);
  EXPECT_EQ(response.body, "rendered 500 Internal server error for /boom");
  EXPECT_EQ(response.body.find("fire"), std::string::npos);
}

TEST(Router, ThrowingErrorRendererFallsBackToPlainText) {
  Router router;
  router.SetErrorRenderer(
      [](const Request*, unsigned, std::string_view) -> Response { throw std::logic_error("x"); });
  const Response response = router.Error(nullptr, 404, "Page not found");
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.body, "Page not found\n");
}

TEST(Router, ErrorRendererStatusIsForced) {
  Router router;
  router.SetErrorRenderer(
      [](const Request*, unsigned, std::string_view) { return Response::Text(200, "oops"); });
  EXPECT_EQ(router.Error(nullptr, 414, "long").status, 414u);
}

TEST(Router, ResolveTellsEachRoutesPaceWithoutRunningIt) {
  Router router;
  int runs = 0;
  router.Get("/page", [&runs](const Request&) {
    ++runs;
    return Response::Text(200, "page");
  });
  router.Get("/search", Says("search"), Pace::kSlow);
  router.Post("/page", Says("saved"), Pace::kSlow);
  router.SetPrefixFallback("/admin", Says("gate"), Pace::kSlow);

  auto get = MakeRequest(Method::kGet, "/page");
  EXPECT_EQ(router.Resolve(get).pace(), Pace::kQuick);
  auto head = MakeRequest(Method::kHead, "/search");
  EXPECT_EQ(router.Resolve(head).pace(), Pace::kSlow);  // HEAD takes its GET route's pace
  auto post = MakeRequest(Method::kPost, "/page");
  const Router::Match posted = router.Resolve(post);
  EXPECT_EQ(posted.pace(), Pace::kSlow);
  auto admin = MakeRequest(Method::kGet, "/admin/anything");
  EXPECT_EQ(router.Resolve(admin).pace(), Pace::kSlow);
  EXPECT_EQ(runs, 0);

  EXPECT_EQ(router.Answer(posted, post).body, "saved");
  EXPECT_EQ(router.Answer(router.Resolve(get), get).body, "page");
  EXPECT_EQ(runs, 1);
}

TEST(Router, ErrorAnswersAreQuickAndKeepTheirStatus) {
  Router router;
  router.Post("/form", Says("posted"), Pace::kSlow);
  auto missing = MakeRequest(Method::kGet, "/nowhere");
  const Router::Match not_found = router.Resolve(missing);
  EXPECT_EQ(not_found.pace(), Pace::kQuick);
  EXPECT_EQ(router.Answer(not_found, missing).status, 404u);
  auto get = MakeRequest(Method::kGet, "/form");
  const Router::Match not_allowed = router.Resolve(get);
  EXPECT_EQ(not_allowed.pace(), Pace::kQuick);
  const Response response = router.Answer(not_allowed, get);
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.FindHeader("Allow"), "POST");
  auto odd = MakeRequest(Method::kOther, "/form");
  EXPECT_EQ(router.Answer(router.Resolve(odd), odd).status, 501u);
}

TEST(Router, DuplicateRouteIsABug) {
  Router router;
  router.Get("/a/{x}", Says("a"));
  EXPECT_THROW(router.Get("/a/{x}", Says("again")), std::invalid_argument);
  EXPECT_THROW(router.Get("relative", Says("r")), std::invalid_argument);
  EXPECT_THROW(router.Add(Method::kHead, "/h", Says("h")), std::invalid_argument);
}

TEST(Router, ListsRoutes) {
  Router router;
  router.Get("/", Says("home"));
  router.Post("/login", Says("login"), Pace::kSlow);
  const auto routes = router.Routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].pace, Pace::kQuick);
  EXPECT_EQ(routes[1].method, Method::kPost);
  EXPECT_EQ(routes[1].pattern, "/login");
  EXPECT_EQ(routes[1].pace, Pace::kSlow);
}

TEST(Method, ParsesTokensCaseSensitively) {
  EXPECT_EQ(ParseMethod("GET"), Method::kGet);
  EXPECT_EQ(ParseMethod("HEAD"), Method::kHead);
  EXPECT_EQ(ParseMethod("DELETE"), Method::kDelete);
  EXPECT_EQ(ParseMethod("get"), Method::kOther);
  EXPECT_EQ(ParseMethod("BREW"), Method::kOther);
  EXPECT_STREQ(MethodName(Method::kPatch), "PATCH");
}

}  // namespace
}  // namespace gazette::http
