#pragma once
/// PublicSite: the reader-facing pages (front page, articles, categories, tags, authors, archives,
/// errors). Adapts HTTP to the stores and the theme; holds no state of its own beyond the context.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/domain/pagination.hpp"
#include "gazette/feeds/feed.hpp"
#include "gazette/http/request.hpp"
#include "gazette/http/response.hpp"
#include "gazette/http/router.hpp"
#include "gazette/render/view.hpp"
#include "gazette/site/comment_views.hpp"
#include "gazette/site/live_text.hpp"
#include "gazette/site/page_cache.hpp"
#include "gazette/site/page_meta.hpp"
#include "gazette/site/site_context.hpp"
#include "gazette/site/syndication_cache.hpp"
#include "gazette/site/views.hpp"

namespace gazette::site {

/// Thread-safe: handlers only read the context.
class PublicSite {
 public:
  explicit PublicSite(SiteContext context, PageCacheOptions cache = {});

  /// Registers every public route on router, and this site's error page as its error renderer.
  /// The site must outlive the router.
  void RegisterRoutes(http::Router& router) const;

  /// The themed error page ("pages/error") with status and a message for the reader (escaped).
  http::Response ErrorPage(unsigned status, std::string_view message) const;

 private:
  /// A page as built by its handler, and the article it counts a read of (0 for none).
  struct PageBuild {
    http::Response response;
    std::int64_t article_id = 0;
  };
  /// Builds a page with its live values taken from live (marks, when it is built for the cache).
  using PageBuilder = std::function<PageBuild(const LiveText& live)>;

  // The page cache (page_serving.cpp).
  /// The cached page for the request when it is current, else build's, kept when it can be; counts the
  /// page view either way.
  http::Response ThroughCache(const http::Request& request, const PageBuilder& build) const;
  /// A cached page answered now: its live values spliced in, in the coding the client takes best.
  http::Response Answer(const http::Request& request, const std::shared_ptr<const CachedPage>& page,
                        Timestamp now) const;
  /// What a page would be made from now (without the next scheduled change, which needs a query); empty
  /// when the store cannot be read.
  std::optional<PageSources> CurrentSources() const;
  /// The live values of now, for a page built for one answer only.
  LiveText CurrentLive() const { return LiveText::Current(ctx_, ctx_.live.Current(), ctx_.clock.Now()); }

  http::Response FrontPage(const http::Request& request, const LiveText& live) const;
  PageBuild ArticlePage(const http::Request& request, const LiveText& live) const;
  /// The article page with the comment form as given (empty on a GET; what was sent, with the reason,
  /// after a refused comment), answered with status.
  PageBuild ShowArticle(const http::Request& request, const CommentFormState& form, unsigned status,
                        const LiveText& live) const;
  /// POST /YYYY/MM/slug/comments: a reader's comment (comment_post.cpp).
  http::Response PostComment(const http::Request& request) const;
  http::Response CategoryPage(const http::Request& request, const LiveText& live) const;
  http::Response TagPage(const http::Request& request, const LiveText& live) const;
  http::Response AuthorPage(const http::Request& request, const LiveText& live) const;
  http::Response ArchiveIndexPage(const http::Request& request, const LiveText& live) const;
  http::Response ArchiveYearPage(const http::Request& request, const LiveText& live) const;
  http::Response ArchiveMonthPage(const http::Request& request, const LiveText& live) const;
  http::Response AssetFile(const http::Request& request) const;
  http::Response RobotsTxt(const http::Request& request) const;
  http::Response StatsApi(const http::Request& request) const;
  http::Response TopArticlesApi(const http::Request& request) const;
  http::Response SearchPage(const http::Request& request) const;
  http::Response SearchApi(const http::Request& request) const;

  // Feeds (feeds.cpp): RSS at .../feed/rss and Atom at .../feed/atom, for the site and each section.
  http::Response SiteFeed(const http::Request& request) const;
  http::Response CategoryFeed(const http::Request& request) const;
  http::Response TagFeed(const http::Request& request) const;
  http::Response AuthorFeed(const http::Request& request) const;
  /// The latest approved comments of an article, at /YYYY/MM/slug/comments/feed/rss or .../atom
  /// (comment_feed.cpp).
  http::Response CommentFeed(const http::Request& request) const;
  /// A feed or sitemap: the kept answer for the request's path when it is current, else what a new one
  /// is built from.
  struct SyndicationLookup {
    std::optional<http::Response> answer;
    std::optional<PageSources> sources;  ///< read before the build; none: the store cannot say, not kept
  };
  /// The latest articles matching filter as RSS or Atom (by the path's last segment), built or cached.
  http::Response ArticleFeed(const http::Request& request, const SyndicationLookup& lookup,
                             const storage::ArticleFilter& filter, std::string title, std::string description,
                             std::string_view page_path) const;
  // Sitemaps (sitemaps.cpp): /sitemap.xml, /sitemaps/articles-N.xml, sections.xml, news.xml.
  http::Response SitemapIndex(const http::Request& request) const;
  http::Response SitemapFile(const http::Request& request) const;
  SyndicationLookup FindSyndication(const http::Request& request) const;
  /// Writes feed as Atom when the request's path ends in "/atom", else as RSS, keeps it and answers with it.
  http::Response KeepFeed(const http::Request& request, const SyndicationLookup& lookup,
                          const feeds::Feed& feed) const;
  /// Keeps body under the request's path with the sources of lookup, and answers with it.
  http::Response KeepSyndication(const http::Request& request, const SyndicationLookup& lookup, std::string body,
                                 std::string_view content_type) const;

  /// Counts a reader's page view when the answer is one: GET (not HEAD) and 200. article_id 0 for
  /// pages that are not an article.
  void CountPageView(const http::Request& request, const http::Response& response,
                     std::int64_t article_id) const;
  /// The client's address: the peer, or what a trusted proxy says it forwarded for.
  std::string ClientAddress(const http::Request& request) const;

  /// A paginated list of teasers (category, tag, author, month pages) for the page asked in ?page=,
  /// rendered with pages/list. fill adds the page's own keys (heading, intro...) to the view.
  http::Response TeaserListPage(const http::Request& request, const storage::ArticleFilter& filter,
                                std::string_view base_path, PageMeta meta,
                                const std::function<void(render::View&)>& fill, const LiveText& live) const;

  /// Renders pages/<page> in the layout; view starts from LayoutView(). A template failure is a 500.
  http::Response Render(std::string_view page, render::View view, unsigned status = 200) const;
  /// The error page for a failed store call (404 for kNotFound, else a generic message; details logged).
  http::Response StoreError(const Error& error) const;

  SiteContext ctx_;
  const PageCacheOptions cache_options_;
  mutable PageCache page_cache_;
  /// The secret in the marks of pages rendered for the cache (LiveText::Marked).
  const std::string live_marker_;
  mutable SyndicationCache syndication_cache_;
};

}  // namespace gazette::site
