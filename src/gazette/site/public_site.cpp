#include "gazette/site/public_site.hpp"

#include <spdlog/spdlog.h>

#include "gazette/http/error_status.hpp"

namespace gazette::site {

void PublicSite::RegisterRoutes(http::Router& router) const {
  using Page = http::Response (PublicSite::*)(const http::Request&) const;
  const auto bind = [this](Page page) {
    return [this, page](const http::Request& request) { return (this->*page)(request); };
  };
  // Reader-facing pages count as page views; the article page counts itself, with its article's id.
  const auto counted = [this](Page page) {
    return [this, page](const http::Request& request) {
      auto response = (this->*page)(request);
      CountPageView(request, response, 0);
      return response;
    };
  };
  // Pages of the page cache: counted by ThroughCache, also when answered from the cache.
  using ListPage = http::Response (PublicSite::*)(const http::Request&, const LiveText&) const;
  const auto cached = [this](ListPage page) {
    return [this, page](const http::Request& request) {
      return ThroughCache(request, [&](const LiveText& live) { return PageBuild{(this->*page)(request, live)}; });
    };
  };
  router.Get("/", cached(&PublicSite::FrontPage));
  router.Get("/{year}/{month}/{slug}", [this](const http::Request& request) {
    return ThroughCache(request, [&](const LiveText& live) { return ArticlePage(request, live); });
  });
  // Slow routes (see http::Pace): a write that may wait for the database's lock, a full-text search,
  // sitemaps of up to 50,000 addresses.
  router.Post("/{year}/{month}/{slug}/comments", bind(&PublicSite::PostComment), http::Pace::kSlow);
  router.Get("/category/{slug}", cached(&PublicSite::CategoryPage));
  router.Get("/tag/{slug}", cached(&PublicSite::TagPage));
  router.Get("/author/{slug}", cached(&PublicSite::AuthorPage));
  router.Get("/archive", cached(&PublicSite::ArchiveIndexPage));
  router.Get("/archive/{year}", cached(&PublicSite::ArchiveYearPage));
  router.Get("/archive/{year}/{month}", cached(&PublicSite::ArchiveMonthPage));
  router.Get("/search", counted(&PublicSite::SearchPage), http::Pace::kSlow);
  // Theme assets are one directory deep (css/, img/, js/): /assets/<kind>/<name>.<fingerprint>.<ext>.
  router.Get("/assets/{kind}/{file}", bind(&PublicSite::AssetFile));
  router.Get("/robots.txt", bind(&PublicSite::RobotsTxt));
  router.Get("/api/v1/stats", bind(&PublicSite::StatsApi));
  // Feeds and sitemaps are read by programs: not counted as visits.
  for (const char* format : {"rss", "atom"}) {
    const std::string tail = std::string("/feed/") + format;
    router.Get(tail, bind(&PublicSite::SiteFeed));
    router.Get("/category/{slug}" + tail, bind(&PublicSite::CategoryFeed));
    router.Get("/tag/{slug}" + tail, bind(&PublicSite::TagFeed));
    router.Get("/author/{slug}" + tail, bind(&PublicSite::AuthorFeed));
    router.Get("/{year}/{month}/{slug}/comments" + tail, bind(&PublicSite::CommentFeed));
  }
  router.Get("/sitemap.xml", bind(&PublicSite::SitemapIndex), http::Pace::kSlow);
  router.Get("/sitemaps/{file}", bind(&PublicSite::SitemapFile), http::Pace::kSlow);
  router.Get("/api/v1/stats/top", bind(&PublicSite::TopArticlesApi));
  router.Get("/api/v1/search", bind(&PublicSite::SearchApi), http::Pace::kSlow);
  router.SetErrorRenderer([this](const http::Request*, unsigned status, std::string_view message) {
    return ErrorPage(status, message);
  });
}

std::string PublicSite::ClientAddress(const http::Request& request) const {
  return ctx_.proxies.ClientAddress(request.peer(), request.Header("X-Forwarded-For"),
                                    request.Header("Forwarded"));
}

void PublicSite::CountPageView(const http::Request& request, const http::Response& response,
                               std::int64_t article_id) const {
  if (request.method() != http::Method::kGet || response.status != 200) return;
  if (!ctx_.live.Current()->stats.counting) return;
  ctx_.visitors.RecordPageView(ClientAddress(request), request.Header("User-Agent"), article_id);
}

http::Response PublicSite::RobotsTxt(const http::Request& request) const {
  // Whoever reads robots.txt is a crawler: it is not counted as a visitor for the rest of the day.
  ctx_.visitors.RecordRobotsTxt(ClientAddress(request), request.Header("User-Agent"));
  http::Response response;
  response.content_type = "text/plain; charset=utf-8";
  response.body =
      "User-agent: *\n"
      "Disallow: /admin/\n"
      "Disallow: /api/\n"
      "Disallow: /search\n";
  response.body += "Sitemap: " + ctx_.live.Current()->site.base_url + "/sitemap.xml\n";
  return response;
}

http::Response PublicSite::Render(std::string_view page, render::View view, unsigned status) const {
  // The navigation comes from the category tree's own view, built once per tree rather than per page.
  const auto categories = ctx_.categories.Current();
  auto html = ctx_.templates.RenderPage(page, std::move(view), &categories->SiteWideView());
  if (!html.ok()) {
    spdlog::error("rendering {} failed: {}", page, html.error().message);
    return http::Response::Text(500, "The page could not be shown because of an error in the site's theme.\n");
  }
  http::Response response;
  response.status = status;
  response.body = std::move(html).value();
  // A page shows the live visitor counter and the approved comments, which change while the article does
  // not: without this, browsers would reuse it by heuristic freshness (from Last-Modified) without asking.
  // Asking costs little: an unchanged page answers 304 by its ETag.
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

http::Response PublicSite::ErrorPage(unsigned status, std::string_view message) const {
  PageMeta meta;
  meta.title = status == 404 ? "Page not found" : "Error " + std::to_string(status);
  meta.canonical_path = "/";
  render::View view = LayoutView(ctx_, meta);
  view.set("status", std::to_string(status));
  view.set("message", std::string(message));
  return Render("error", std::move(view), status);
}

http::Response PublicSite::StoreError(const Error& error) const {
  const unsigned status = http::StatusForError(error.code);
  if (status == 404) return ErrorPage(404, "There is no page at this address.");
  spdlog::error("store error: {}", error.message);
  if (status == 503) return ErrorPage(503, "The site is busy. Please try again in a moment.");
  return ErrorPage(500, "Something went wrong on our side. Please try again later.");
}

http::Response PublicSite::AssetFile(const http::Request& request) const {
  if (auto response = ctx_.assets.Serve(request.path())) return std::move(*response);
  return ErrorPage(404, "There is no file at this address.");
}

}  // namespace gazette::site
