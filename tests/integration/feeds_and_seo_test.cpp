// Feeds, sitemaps and what search engines read on the pages, through a real server and read by real
// clients: Debian's feedparser for RSS and Atom, xmllint for the sitemaps, Python's json for JSON-LD.
#include <gtest/gtest.h>

#include "integration/feed_fixture.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

class FeedsAndSeoTest : public FeedFixture {};

TEST_F(FeedsAndSeoTest, SiteFeedsListTheLatestTwentyNewestFirst) {
  const auto rows = Latest({}, 20);
  ASSERT_EQ(rows.size(), 20u);
  const auto rss = ParsedFeed("/feed/rss");
  EXPECT_EQ(rss.at("version").as_string(), "rss20");
  ExpectEntriesMatch(rss, rows);
  const auto atom = ParsedFeed("/feed/atom");
  EXPECT_EQ(atom.at("version").as_string(), "atom10");
  ExpectEntriesMatch(atom, rows);
}

TEST_F(FeedsAndSeoTest, FeedsHaveTheirContentTypes) {
  EXPECT_EQ(site().Get("/feed/rss").Header("Content-Type"), "application/rss+xml; charset=utf-8");
  EXPECT_EQ(site().Get("/feed/atom").Header("Content-Type"), "application/atom+xml; charset=utf-8");
}

TEST_F(FeedsAndSeoTest, CategoryTagAndAuthorFeedsListTheirOwnArticles) {
  const auto newest = Latest({}, 1).at(0);
  auto tags = site().storage().articles().TagsOf(newest.id);
  ASSERT_TRUE(tags.ok());
  ASSERT_FALSE(tags->empty());
  storage::ArticleFilter by_category;
  by_category.category_id = newest.category.id;
  storage::ArticleFilter by_tag;
  by_tag.tag_id = tags->front().id;
  storage::ArticleFilter by_author;
  by_author.author_id = newest.author.id;
  const std::pair<std::string, storage::ArticleFilter> sections[] = {
      {"/category/" + newest.category.slug, by_category},
      {"/tag/" + tags->front().slug, by_tag},
      {"/author/" + newest.author.slug, by_author}};
  for (const auto& [path, filter] : sections) {
    SCOPED_TRACE(path);
    const auto rows = Latest(filter, 20);
    ExpectEntriesMatch(ParsedFeed(path + "/feed/rss"), rows);
    ExpectEntriesMatch(ParsedFeed(path + "/feed/atom"), rows);
  }
}

TEST_F(FeedsAndSeoTest, UnknownSectionsHaveNoFeed) {
  EXPECT_EQ(site().Get("/category/no-such-category/feed/rss").status, 404u);
  EXPECT_EQ(site().Get("/tag/no-such-tag/feed/atom").status, 404u);
  EXPECT_EQ(site().Get("/author/no-such-author/feed/rss").status, 404u);
  EXPECT_EQ(site().Get("/feed/json").status, 404u);
}

TEST_F(FeedsAndSeoTest, EntryIdsStayTheSameWhenAnArticleIsEdited) {
  const auto before = ParsedFeed("/feed/atom");
  const auto newest = Latest({}, 1).at(0);
  auto article = site().storage().articles().FindById(newest.id);
  ASSERT_TRUE(article.ok());
  domain::Article edited = *article;
  edited.title = "A corrected headline";
  ASSERT_TRUE(site().storage().articles().Update(edited, article->version, site().clock().Now(), std::nullopt).ok());
  // The clock stands still: the kept feed is replaced because the content changed, not because it aged.
  const auto after = ParsedFeed("/feed/atom");
  const auto& old_entry = before.at("entries").as_array().at(0).as_object();
  const auto& new_entry = after.at("entries").as_array().at(0).as_object();
  EXPECT_EQ(new_entry.at("id"), old_entry.at("id"));
  EXPECT_EQ(new_entry.at("link"), old_entry.at("link"));
  EXPECT_NE(std::string(new_entry.at("title").as_string()).find("A corrected headline"), std::string::npos);
}

TEST_F(FeedsAndSeoTest, AnUnchangedFeedAnswers304ToIfNoneMatch) {
  const auto first = site().Get("/feed/rss");
  const std::string etag(first.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  const auto again = site().Get("/feed/rss", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(site().Get("/feed/rss", {{"If-None-Match", "\"something-else\""}}).status, 200u);
}

TEST_F(FeedsAndSeoTest, SitemapIndexPointsToValidSitemapsOfEveryVisibleArticle) {
  const auto index = site().Get("/sitemap.xml");
  ASSERT_EQ(index.status, 200u);
  ExpectValidSitemap(index.body);
  const std::string base = BaseUrl();
  const auto locs = ValuesAfter(index.body, "<loc>", '<');
  ASSERT_EQ(locs.size(), 3u);
  EXPECT_EQ(locs[0], base + "/sitemaps/sections.xml");
  EXPECT_EQ(locs[1], base + "/sitemaps/news.xml");
  EXPECT_EQ(locs[2], base + "/sitemaps/articles-1.xml");

  const auto articles = site().Get("/sitemaps/articles-1.xml");
  ASSERT_EQ(articles.status, 200u);
  ExpectValidSitemap(articles.body);
  const Timestamp now = site().clock().Now();
  auto visible = site().storage().articles().CountVisible(TimestampFromUnix(0), now + 1s, now);
  ASSERT_TRUE(visible.ok());
  EXPECT_EQ(CountOf(articles.body, "<url>"), static_cast<std::size_t>(*visible));
  EXPECT_EQ(CountOf(articles.body, "<lastmod>"), static_cast<std::size_t>(*visible));
  const auto newest = Latest({}, 1).at(0);
  EXPECT_NE(articles.body.find("/" + newest.slug + "</loc>"), std::string::npos);
  EXPECT_EQ(site().Get("/sitemaps/articles-2.xml").status, 404u);
  EXPECT_EQ(site().Get("/sitemaps/articles-0.xml").status, 404u);
  EXPECT_EQ(site().Get("/sitemaps/articles-01.xml").status, 404u);
  EXPECT_EQ(site().Get("/sitemaps/other.xml").status, 404u);
}

TEST_F(FeedsAndSeoTest, SectionsSitemapListsListPagesWithLastmod) {
  const auto sections = site().Get("/sitemaps/sections.xml");
  ASSERT_EQ(sections.status, 200u);
  ExpectValidSitemap(sections.body);
  const std::string base = BaseUrl();
  const auto newest = Latest({}, 1).at(0);
  EXPECT_NE(sections.body.find("<loc>" + base + "/</loc>"), std::string::npos);
  EXPECT_NE(sections.body.find("<loc>" + base + "/archive</loc>"), std::string::npos);
  EXPECT_NE(sections.body.find("<loc>" + base + "/category/" + newest.category.slug + "</loc>"), std::string::npos);
  EXPECT_NE(sections.body.find("<loc>" + base + "/author/" + newest.author.slug + "</loc>"), std::string::npos);
  EXPECT_NE(sections.body.find("<loc>" + base + "/tag/"), std::string::npos);
  EXPECT_EQ(CountOf(sections.body, "<url>"), CountOf(sections.body, "<lastmod>"));
}

TEST_F(FeedsAndSeoTest, NewsSitemapHasOnlyTheLastTwoDays) {
  const auto news = site().Get("/sitemaps/news.xml");
  ASSERT_EQ(news.status, 200u);
  ExpectValidSitemap(news.body);
  storage::ArticleFilter recent;
  recent.published_from = site().clock().Now() - 48h;
  const auto rows = Latest(recent, 1000);
  ASSERT_GE(rows.size(), 2u);  // the demo always has articles from today and yesterday
  EXPECT_EQ(CountOf(news.body, "<news:news>"), rows.size());
  EXPECT_NE(news.body.find("<news:name>Public Sector Digest</news:name>"), std::string::npos);
  EXPECT_NE(news.body.find("<news:language>"), std::string::npos);
  for (const auto& row : rows) EXPECT_NE(news.body.find("/" + row.slug + "</loc>"), std::string::npos) << row.slug;
  const auto older = Latest({}, static_cast<std::int64_t>(rows.size()) + 1).back();
  EXPECT_EQ(news.body.find("/" + older.slug + "</loc>"), std::string::npos);
}

TEST_F(FeedsAndSeoTest, RobotsTxtNamesTheSitemapIndex) {
  const auto robots = site().Get("/robots.txt");
  EXPECT_NE(robots.body.find("Sitemap: " + BaseUrl() + "/sitemap.xml\n"), std::string::npos) << robots.body;
  EXPECT_NE(robots.body.find("Disallow: /admin/\n"), std::string::npos);
  EXPECT_NE(robots.body.find("Disallow: /search\n"), std::string::npos);
}

TEST_F(FeedsAndSeoTest, FrontPageTellsSearchEnginesAboutTheSite) {
  const std::string html = site().Get("/").body;
  const std::string base = BaseUrl();
  EXPECT_EQ(FirstValueAfter(html, R"(<meta property="og:url" content=")"), base + "/");
  EXPECT_EQ(FirstValueAfter(html, R"(<meta property="og:type" content=")"), "website");
  EXPECT_EQ(FirstValueAfter(html, R"(<meta property="og:site_name" content=")"), "Public Sector Digest");
  EXPECT_FALSE(FirstValueAfter(html, R"(<meta name="twitter:card" content=")").empty());
  EXPECT_NE(html.find(R"x(<link rel="alternate" type="application/rss+xml" title="Public Sector Digest (RSS)" href="/feed/rss">)x"),
            std::string::npos);
  EXPECT_NE(html.find(R"(<link rel="alternate" type="application/atom+xml")"), std::string::npos);
  const auto ld = JsonLdOf(html);
  EXPECT_EQ(ld.at("context").as_string(), "https://schema.org");
  EXPECT_EQ(ld.at("types").as_array().at(0).as_string(), "WebSite");
}

TEST_F(FeedsAndSeoTest, ArticlePageHasOpenGraphAndNewsArticleData) {
  const std::string base = BaseUrl();
  const std::string path = NewestPath();
  ASSERT_TRUE(path.starts_with("/")) << path;
  const std::string html = site().Get(path).body;
  EXPECT_EQ(FirstValueAfter(html, R"(<link rel="canonical" href=")"), base + path);
  EXPECT_EQ(FirstValueAfter(html, R"(<meta property="og:type" content=")"), "article");
  EXPECT_EQ(FirstValueAfter(html, R"(<meta property="og:url" content=")"), base + path);
  const std::string description = FirstValueAfter(html, R"(<meta name="description" content=")");
  EXPECT_FALSE(description.empty());
  EXPECT_LE(Unescape(description).size(), 160u + 3u);  // cut at a word, "…" added
  EXPECT_EQ(FirstValueAfter(html, R"(<meta property="og:description" content=")"), description);
  const auto ld = JsonLdOf(html);
  const auto& graph = ld.at("graph").as_array();
  ASSERT_EQ(graph.size(), 2u);
  const auto& article = graph[0].as_object();
  EXPECT_EQ(article.at("@type").as_string(), "NewsArticle");
  EXPECT_EQ(article.at("mainEntityOfPage").at("@id").as_string(), base + path);
  EXPECT_EQ(article.at("author").at("@type").as_string(), "Person");
  EXPECT_EQ(article.at("publisher").at("name").as_string(), "Public Sector Digest");
  EXPECT_FALSE(article.at("datePublished").as_string().empty());
  const auto& crumbs = graph[1].at("itemListElement").as_array();
  ASSERT_EQ(crumbs.size(), 3u);
  EXPECT_EQ(crumbs[0].at("item").as_string(), base + "/");
  EXPECT_EQ(crumbs[2].at("item").as_string(), base + path);
}

TEST_F(FeedsAndSeoTest, CategoryPagesLinkTheirFeedsAndCanonicalToThemselvesWhenPaged) {
  const auto newest = Latest({}, 1).at(0);
  const std::string path = "/category/" + newest.category.slug;
  const std::string base = BaseUrl();
  const std::string first = site().Get(path).body;
  EXPECT_EQ(FirstValueAfter(first, R"(<link rel="canonical" href=")"), base + path);
  EXPECT_NE(first.find(R"(type="application/rss+xml" title=")"), std::string::npos);
  EXPECT_NE(first.find("href=\"" + path + "/feed/rss\">"), std::string::npos);
  EXPECT_NE(first.find("href=\"" + path + "/feed/atom\">"), std::string::npos);
  EXPECT_EQ(JsonLdOf(first).at("types").as_array().at(0).as_string(), "BreadcrumbList");
  const auto second = site().Get(path + "?page=2");
  if (second.status == 200u) {
    EXPECT_EQ(Unescape(FirstValueAfter(second.body, R"(<link rel="canonical" href=")")), base + path + "?page=2");
    EXPECT_EQ(Unescape(FirstValueAfter(second.body, R"(<meta property="og:url" content=")")), base + path + "?page=2");
  }
}

TEST_F(FeedsAndSeoTest, AHeadlineCannotBreakOutOfTheJsonLdBlock) {
  const auto newest = Latest({}, 1).at(0);
  auto article = site().storage().articles().FindById(newest.id);
  ASSERT_TRUE(article.ok());
  domain::Article edited = *article;
  edited.title = "Bad </script><script>alert(1)</script> <!-- title";
  ASSERT_TRUE(site().storage().articles().Update(edited, article->version, site().clock().Now(), std::nullopt).ok());
  const std::string path = NewestPath();
  const std::string html = site().Get(path).body;
  EXPECT_EQ(html.find("</script><script>alert(1)"), std::string::npos);
  const auto ld = JsonLdOf(html);
  EXPECT_EQ(ld.at("graph").as_array().at(0).at("headline").as_string().find("</script>") != std::string::npos,
            true);
}

}  // namespace
}  // namespace gazette::testing
