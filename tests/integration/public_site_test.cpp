// The public reading side, through a real server: page structure, the pagination crawl, articles,
// taxonomies, archives, HTTP caching semantics, scheduling and theme overrides.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include "gazette/domain/article.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

class PublicSiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site_ = new RunningSite(); }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static RunningSite& site() { return *site_; }

  /// Every article link of a list page: leads and teasers ("Read more" links).
  static std::vector<std::string> ReadMoreLinks(const std::string& html) {
    return ValuesAfter(html, R"(<a class="read-more" href=")");
  }

  static std::string NextLink(const std::string& html) {
    return Unescape(FirstValueAfter(html, R"(<a rel="next" href=")"));
  }

  static RunningSite* site_;
};

RunningSite* PublicSiteTest::site_ = nullptr;

TEST_F(PublicSiteTest, FrontPageShowsTheSiteFurniture) {
  const auto page = site().Get("/");
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  const std::string& html = page.body;
  EXPECT_NE(html.find(R"(id="top")"), std::string::npos);
  EXPECT_NE(html.find("Public Sector Digest"), std::string::npos);
  EXPECT_NE(html.find(R"(<p class="site-tagline">News on public-sector transformation every day since 2001</p>)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(<a href="#top">Go to top</a>)"), std::string::npos);
  EXPECT_NE(html.find(R"(class="visitor-counter")"), std::string::npos);
  for (const char* key : {"today", "yesterday", "all"}) {
    EXPECT_NE(html.find(std::string("data-counter=\"") + key + "\""), std::string::npos) << key;
  }
  for (const char* label : {"<dt>Today</dt>", "<dt>Yesterday</dt>", "<dt>All</dt>"}) {
    EXPECT_NE(html.find(label), std::string::npos) << label;
  }
  EXPECT_NE(html.find(R"(<nav class="site-nav")"), std::string::npos);
  EXPECT_NE(html.find(R"(href="/category/)"), std::string::npos);
}

TEST_F(PublicSiteTest, DateLineShowsTodayInTheSiteTimeZone) {
  const auto html = site().Get("/").body;
  const std::string datetime = FirstValueAfter(html, R"(<time class="site-date" datetime=")");
  const TimeZone london = TimeZone::Load("Europe/London").value();
  EXPECT_EQ(datetime, london.DateOf(site().clock().Now()).ToIso());
}

TEST_F(PublicSiteTest, FrontPageLeadsWithAFeaturedArticleAndThenTeasers) {
  const auto html = site().Get("/").body;
  // The demo's featured articles are expert panels: the lead shows the panel's question and first answer.
  EXPECT_EQ(CountOf(html, R"(<article class="lead)"), 1u);
  EXPECT_EQ(CountOf(html, R"(<article class="lead panel-feature">)"), 1u);
  EXPECT_EQ(CountOf(html, R"(<article class="teaser">)"), 10u);
  EXPECT_LT(html.find(R"(<article class="lead)"), html.find(R"(<article class="teaser">)"));
  EXPECT_EQ(CountOf(html, R"(class="teaser-intro")"), 10u);
}

TEST_F(PublicSiteTest, ReadMoreLinksCarryTheCountryLabelOnlyWhereThereIsOne) {
  // Walk a few pages to see both kinds of article.
  std::string target = "/";
  bool saw_labelled = false;
  bool saw_unlabelled = false;
  for (int page = 0; page < 8 && !target.empty(); ++page) {
    const auto html = site().Get(target).body;
    for (const auto& text : ValuesAfter(html, "\">Read more: ", '<')) {
      const std::string title = Unescape(text);
      const bool labelled = title.size() > 4 && std::isupper(static_cast<unsigned char>(title[0])) &&
                            std::isupper(static_cast<unsigned char>(title[1])) && title.substr(2, 2) == ": ";
      (labelled ? saw_labelled : saw_unlabelled) = true;
    }
    target = NextLink(html);
  }
  EXPECT_TRUE(saw_labelled);
  EXPECT_TRUE(saw_unlabelled);
}

TEST_F(PublicSiteTest, LeadAndTeasersOfAllPagesCoverEveryVisibleArticleExactlyOnce) {
  const Timestamp now = site().clock().Now();
  const auto visible =
      site().storage().articles().CountVisible(TimestampFromUnix(0), now + std::chrono::hours(24 * 365 * 10), now);
  ASSERT_TRUE(visible.ok());

  std::multiset<std::string> seen;
  std::string target = "/";
  int pages = 0;
  std::string last_page;
  while (!target.empty()) {
    const auto page = site().Get(target);
    ASSERT_EQ(page.status, 200u) << target;
    for (const auto& link : ReadMoreLinks(page.body)) seen.insert(link);
    last_page = page.body;
    target = NextLink(page.body);
    ASSERT_LT(++pages, 1000) << "pagination does not end";
  }
  EXPECT_EQ(static_cast<std::int64_t>(seen.size()), *visible);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size()) << "an article appears twice";
  // The oldest article, from 2001, is on the last page.
  EXPECT_NE(last_page.find(R"(datetime="2001-)"), std::string::npos);
  EXPECT_NE(last_page.find(R"(<a rel="prev" href="/?page=)"), std::string::npos);
}

TEST_F(PublicSiteTest, PaginationLinksAppearInTheHeadToo) {
  const auto second = site().Get("/?page=2").body;
  EXPECT_NE(second.find(R"(<link rel="prev" href="/">)"), std::string::npos);
  EXPECT_NE(second.find(R"(<link rel="next" href="/?page=3">)"), std::string::npos);
  EXPECT_NE(second.find(R"(<link rel="canonical" href="http://127.0.0.1:8080/?page=2">)"), std::string::npos);
  EXPECT_EQ(CountOf(second, R"(<article class="lead">)"), 0u);
}

TEST_F(PublicSiteTest, ArticlePageShowsTheWholeArticle) {
  const auto front = site().Get("/").body;
  const auto links = ReadMoreLinks(front);
  ASSERT_GE(links.size(), 4u);
  // A teaser from the middle of the page, so that it has both a newer and an older neighbour.
  const auto page = site().Get(links[3]);
  ASSERT_EQ(page.status, 200u);
  const std::string& html = page.body;
  EXPECT_NE(html.find(R"(<article class="article">)"), std::string::npos);
  EXPECT_NE(html.find(R"(class="article-title")"), std::string::npos);
  EXPECT_NE(html.find(R"(class="article-author")"), std::string::npos);
  EXPECT_NE(html.find(" at "), std::string::npos) << "author's organisation";
  EXPECT_NE(html.find(R"(class="article-category")"), std::string::npos);
  EXPECT_NE(html.find(R"(class="article-intro")"), std::string::npos);
  EXPECT_NE(html.find(R"(class="article-body")"), std::string::npos);
  EXPECT_NE(html.find(R"(rel="tag")"), std::string::npos);
  EXPECT_NE(html.find(R"(class="older")"), std::string::npos);
  EXPECT_NE(html.find(R"(class="newer")"), std::string::npos);
  EXPECT_TRUE(page.Header("Last-Modified").empty()) << "the article's date does not date its comments";
  EXPECT_FALSE(page.Header("ETag").empty());
  // The page holds the live counter and the comments: browsers must ask again (a 304 when unchanged).
  EXPECT_EQ(page.Header("Cache-Control"), "no-cache");
  EXPECT_EQ(site().Get("/").Header("Cache-Control"), "no-cache");
  // The address has the shape /YYYY/MM/slug.
  EXPECT_TRUE(IsArticlePath(links[3])) << links[3];
}

TEST_F(PublicSiteTest, ArticleUnderAnotherYearOrMonthRedirectsToItsAddress) {
  const auto link = ReadMoreLinks(site().Get("/").body).at(0);
  const std::string slug = link.substr(link.rfind('/') + 1);
  const auto moved = site().Get("/1999/01/" + slug);
  EXPECT_EQ(moved.status, 301u);
  EXPECT_EQ(moved.Header("Location"), link);
  EXPECT_EQ(site().Get("/2020/01/no-such-article-here").status, 404u);
}

TEST_F(PublicSiteTest, ConditionalRequestsAnswer304) {
  const auto link = ReadMoreLinks(site().Get("/").body).at(0);
  const auto first = site().Get(link);
  ASSERT_EQ(first.status, 200u);
  const auto by_etag = site().Get(link, {{"If-None-Match", std::string(first.Header("ETag"))}});
  EXPECT_EQ(by_etag.status, 304u);
  EXPECT_TRUE(by_etag.body.empty());
  // A client that revalidates by date alone gets the page: the article's date does not cover the
  // comments and counter figures on it.
  const auto by_date = site().Get(link, {{"If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"}});
  EXPECT_EQ(by_date.status, 200u);
  EXPECT_NE(by_date.body.find("article-body"), std::string::npos);
  const auto front = site().Get("/");
  EXPECT_EQ(site().Get("/", {{"If-None-Match", std::string(front.Header("ETag"))}}).status, 304u);
}

TEST_F(PublicSiteTest, CategoryPagesListTheirArticlesAndLinkSubcategories) {
  const auto front = site().Get("/").body;
  const auto categories = ValuesAfter(front, R"(<li><a href=")");
  ASSERT_FALSE(categories.empty());
  bool saw_subcategories = false;
  for (const auto& category : categories) {
    if (category.rfind("/category/", 0) != 0) continue;
    const auto page = site().Get(category);
    ASSERT_EQ(page.status, 200u) << category;
    EXPECT_NE(page.body.find(R"(class="list-heading")"), std::string::npos);
    if (page.body.find(R"(class="subcategories")") != std::string::npos) {
      saw_subcategories = true;
      const auto child = FirstValueAfter(page.body.substr(page.body.find(R"(class="subcategories")")), R"(<li><a href=")");
      EXPECT_EQ(site().Get(child.empty() ? category : child).status, 200u);
    }
  }
  EXPECT_TRUE(saw_subcategories) << "the demo has nested categories";
  EXPECT_EQ(site().Get("/category/no-such-category").status, 404u);
}

TEST_F(PublicSiteTest, TagAndAuthorPagesWork) {
  const auto article = site().Get(ReadMoreLinks(site().Get("/").body).at(0)).body;
  const auto tag = FirstValueAfter(article, R"(<a href="/tag/)");
  ASSERT_FALSE(tag.empty());
  const auto tag_page = site().Get("/tag/" + tag);
  EXPECT_EQ(tag_page.status, 200u);
  EXPECT_GE(CountOf(tag_page.body, R"(<article class="teaser">)"), 1u);
  const auto author = FirstValueAfter(article, R"(<a href="/author/)");
  ASSERT_FALSE(author.empty());
  const auto author_page = site().Get("/author/" + author);
  EXPECT_EQ(author_page.status, 200u);
  EXPECT_NE(author_page.body.find(R"(class="profile")"), std::string::npos);
  EXPECT_EQ(site().Get("/tag/no-such-tag").status, 404u);
  EXPECT_EQ(site().Get("/author/nobody-at-all").status, 404u);
}

TEST_F(PublicSiteTest, ArchiveByYearAndMonth) {
  const auto index = site().Get("/archive");
  ASSERT_EQ(index.status, 200u);
  EXPECT_NE(index.body.find(R"(href="/archive/2001")"), std::string::npos);
  const auto year = site().Get("/archive/2001");
  ASSERT_EQ(year.status, 200u);
  const auto month = FirstValueAfter(year.body, R"(href="/archive/2001/)");
  ASSERT_EQ(month.size(), 2u);
  const auto month_page = site().Get("/archive/2001/" + month);
  ASSERT_EQ(month_page.status, 200u);
  EXPECT_GE(CountOf(month_page.body, R"(<article class="teaser">)"), 1u);
  EXPECT_NE(month_page.body.find("datetime=\"2001-" + month), std::string::npos);
  EXPECT_EQ(site().Get("/archive/1850").status, 404u);
  EXPECT_EQ(site().Get("/archive/2001/13").status, 404u);
  EXPECT_EQ(site().Get("/archive/abcd").status, 404u);
}

TEST_F(PublicSiteTest, StylesheetHasAFingerprintedNameAndLongCacheLifetime) {
  const auto html = site().Get("/").body;
  const auto css = FirstValueAfter(html, R"(<link rel="stylesheet" href=")");
  const std::string prefix = "/assets/css/site.";
  ASSERT_EQ(css.rfind(prefix, 0), 0u) << css;
  ASSERT_TRUE(css.ends_with(".css")) << css;
  const std::string fingerprint = css.substr(prefix.size(), css.size() - prefix.size() - 4);
  EXPECT_GE(fingerprint.size(), 8u);
  EXPECT_TRUE(AllOf(fingerprint, IsHexDigit)) << css;
  const auto asset = site().Get(css);
  ASSERT_EQ(asset.status, 200u);
  EXPECT_EQ(asset.Header("Content-Type").substr(0, 8), "text/css");
  EXPECT_NE(asset.Header("Cache-Control").find("max-age=31536000"), std::string::npos);
  EXPECT_EQ(site().Get("/assets/css/site.css").status, 404u);
}

TEST_F(PublicSiteTest, HeadAnswersWithoutABody) {
  const auto head = Request(site().port(), "HEAD", "/", {}, "");
  EXPECT_EQ(head.status, 200u);
  EXPECT_TRUE(head.body.empty());
  EXPECT_NE(head.Header("Content-Length"), "0");
}

TEST(PublicSiteScheduling, ScheduledArticlesAppearAndUnpublishedOnesDisappearWithoutARestart) {
  RunningSiteOptions options;
  options.articles = 30;
  RunningSite site(options);
  const Timestamp now = site.clock().Now();
  const auto anchor = site.storage().articles().ListVisible({}, now, 0, 1);
  ASSERT_TRUE(anchor.ok() && !anchor->empty());
  const auto existing = site.storage().articles().FindById(anchor->front().id);
  ASSERT_TRUE(existing.ok());

  domain::Article article = *existing;
  article.title = "Scheduled budget announcement";
  article.slug = "scheduled-budget-announcement";
  article.state = domain::ArticleState::kScheduled;
  article.publish_at = now + std::chrono::hours(1);
  article.unpublish_at = now + std::chrono::hours(3);
  article.featured = false;
  ASSERT_TRUE(site.storage().articles().Create(article, now).ok());

  const auto has_it = [&site] {
    return site.Get("/").body.find("Scheduled budget announcement") != std::string::npos;
  };
  EXPECT_FALSE(has_it());
  site.clock().Advance(std::chrono::minutes(61));
  EXPECT_TRUE(has_it());
  site.clock().Advance(std::chrono::hours(2));
  EXPECT_FALSE(has_it());
}

TEST(PublicSiteTheme, ASiteOverridesATemplateWithoutARebuild) {
  RunningSiteOptions options;
  options.articles = 12;
  options.files = {{"theme/templates/partials/footer.mustache",
                    "<footer><a href=\"#top\">Go to top</a><p class=\"custom-footer\">Local footer</p></footer>"}};
  RunningSite site(options);
  const auto html = site.Get("/").body;
  EXPECT_NE(html.find(R"(<p class="custom-footer">Local footer</p>)"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing
