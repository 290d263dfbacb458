// Which of the site's routes the server runs off its event loops (http::Pace::kSlow): the ones that can
// take milliseconds or more. A slow route left quick stalls every page on its event loop meanwhile; a quick
// one made slow pays a thread hand-off on every request.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

std::string RouteKey(http::Method method, const std::string& pattern) {
  return std::string(http::MethodName(method)) + " " + pattern;
}

TEST(RoutePace, SlowRoutesAreTheOnesThatCanTakeMilliseconds) {
  RunningSiteOptions options;
  options.articles = 3;
  const RunningSite site(options);
  // Back office: every screen, and the login's password check (argon2id, about 0.3 s).
  const std::set<std::string> quick_back_office = {"GET /admin/login", "GET /admin/assets/{kind}/{file}"};
  // Public site: a write that may wait for the database's lock, full-text search, sitemaps.
  const std::set<std::string> slow_public = {"POST /{year}/{month}/{slug}/comments", "GET /search",
                                             "GET /api/v1/search", "GET /sitemap.xml", "GET /sitemaps/{file}"};
  std::set<std::string> slow_seen;
  int back_office_routes = 0;
  for (const auto& route : site.Routes()) {
    const std::string key = RouteKey(route.method, route.pattern);
    const bool back_office = route.pattern == "/admin" || route.pattern.starts_with("/admin/");
    back_office_routes += back_office ? 1 : 0;
    const bool slow = back_office ? !quick_back_office.contains(key) : slow_public.contains(key);
    EXPECT_EQ(route.pace, slow ? http::Pace::kSlow : http::Pace::kQuick) << key;
    if (!back_office && route.pace == http::Pace::kSlow) slow_seen.insert(key);
  }
  EXPECT_GT(back_office_routes, 20);
  EXPECT_EQ(slow_seen, slow_public) << "a slow public route is missing from the router";
}

}  // namespace
}  // namespace gazette::testing
