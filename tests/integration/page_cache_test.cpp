// The page cache seen from outside: pages answered from it keep their live parts live, and every change
// to what a page shows is there on the next request, whoever made it.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <string>

#include "gazette/base/time_zone.hpp"
#include "gazette/domain/comment.hpp"
#include "gazette/site/urls.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

bool Contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

std::string Counter(const HttpResponse& page, const std::string& row) {
  return FirstValueAfter(page.body, "data-counter=\"" + row + "\">", '<');
}

std::string Gunzip(std::string_view compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + MAX_WBITS), Z_OK);
  std::string out;
  char buffer[16384];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof(buffer);
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof(buffer) - stream.avail_out);
  }
  EXPECT_EQ(result, Z_STREAM_END) << "not one whole gzip stream (CRC and length checked)";
  EXPECT_EQ(stream.avail_in, 0u) << "bytes after the gzip stream";
  inflateEnd(&stream);
  return out;
}

class PageCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunningSiteOptions options;
    options.articles = 30;
    site_ = std::make_unique<RunningSite>(options);
  }

  /// The newest visible article, as stored.
  domain::Article Newest() {
    const auto rows = site_->storage().articles().ListVisible({}, site_->clock().Now(), 0, 1);
    EXPECT_TRUE(rows.ok() && !rows->empty());
    auto article = site_->storage().articles().FindById(rows->front().id);
    EXPECT_TRUE(article.ok());
    return *article;
  }
  std::string PathOf(const domain::Article& article) {
    const auto zone = TimeZone::Load("Europe/London");
    return site::ArticlePath(*article.publish_at, article.slug, *zone);
  }

  std::unique_ptr<RunningSite> site_;
};

TEST_F(PageCacheTest, ARepeatedPageShowsTheVisitorCounterAsItIsNow) {
  const auto first = site_->Get("/", {{"User-Agent", "Reader one"}});
  const auto second = site_->Get("/", {{"User-Agent", "Reader two"}});
  const auto third = site_->Get("/", {{"User-Agent", "Reader three"}});
  ASSERT_EQ(third.status, 200u);
  // Each answer shows the visitors counted before it: one more each time.
  const int today = std::stoi(Counter(first, "today"));
  EXPECT_EQ(Counter(second, "today"), std::to_string(today + 1));
  EXPECT_EQ(Counter(third, "today"), std::to_string(today + 2));
  EXPECT_NE(first.Header("ETag"), third.Header("ETag")) << "a new figure is a new representation";
}

TEST_F(PageCacheTest, AnEditByAnotherProcessIsOnTheNextRequest) {
  domain::Article article = Newest();
  const std::string path = PathOf(article);
  ASSERT_EQ(site_->Get(path).status, 200u);
  ASSERT_EQ(site_->Get("/").status, 200u);
  article.title = "Harbour reopens after the storm";
  ASSERT_TRUE(site_->storage().articles().Update(article, article.version, site_->clock().Now(), std::nullopt).ok());
  EXPECT_TRUE(Contains(site_->Get(path).body, "Harbour reopens after the storm"));
  EXPECT_TRUE(Contains(site_->Get("/").body, "Harbour reopens after the storm"));
}

TEST_F(PageCacheTest, AnApprovedCommentIsOnTheNextRequest) {
  const domain::Article article = Newest();
  const std::string path = PathOf(article);
  domain::Comment comment;
  comment.article_id = article.id;
  comment.name = "Maud";
  comment.text = "The ferry timetable needs a second look.";
  comment.created_at = site_->clock().Now();
  comment.ip_hash = "00";
  const auto id = site_->storage().comments().Insert(comment);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_FALSE(Contains(site_->Get(path).body, "second look"));
  const std::int64_t ids[] = {*id};
  ASSERT_TRUE(site_->storage().comments().SetState(ids, domain::CommentState::kApproved).ok());
  EXPECT_TRUE(Contains(site_->Get(path).body, "second look"));
}

TEST_F(PageCacheTest, TheDateLineTurnsAtMidnightOnACachedPage) {
  // The page is cached, then the clock passes midnight.
  const auto before = site_->Get("/");
  const std::string day = FirstValueAfter(before.body, "<time class=\"site-date\" datetime=\"");
  site_->clock().Advance(24h);
  const auto after = site_->Get("/");
  const std::string next_day = FirstValueAfter(after.body, "<time class=\"site-date\" datetime=\"");
  ASSERT_EQ(day.size(), 10u);
  EXPECT_NE(day, next_day);
}

TEST_F(PageCacheTest, GzipIsTheSamePageCompressedAndVariesByAcceptEncoding) {
  RunningSiteOptions options;
  options.articles = 30;
  options.env = {{"GAZETTE_STATS_COUNTING", "false"}};  // the same figures in both answers
  RunningSite site(options);
  site.Get("/");  // cached now
  const auto plain = site.Get("/");
  const auto packed = site.Get("/", {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_EQ(packed.status, 200u);
  EXPECT_EQ(packed.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(packed.Header("Vary"), "Accept-Encoding");
  EXPECT_EQ(plain.Header("Vary"), "Accept-Encoding");
  EXPECT_FALSE(plain.HasHeader("Content-Encoding"));
  EXPECT_LT(packed.body.size(), plain.body.size() / 3);
  EXPECT_EQ(Gunzip(packed.body), plain.body);
  EXPECT_NE(packed.Header("ETag"), plain.Header("ETag"));
  // A client that refuses gzip gets the plain page.
  EXPECT_FALSE(site.Get("/", {{"Accept-Encoding", "gzip;q=0"}}).HasHeader("Content-Encoding"));
}

TEST_F(PageCacheTest, ConditionalRequestsAreAnsweredFromTheCacheUntilTheContentChanges) {
  RunningSiteOptions options;
  options.articles = 30;
  options.env = {{"GAZETTE_STATS_COUNTING", "false"}};
  RunningSite site(options);
  const auto first = site.Get("/");
  const std::string etag(first.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  const auto again = site.Get("/", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());
  // A change the page does not show makes the same page again, with the same ETag.
  ASSERT_TRUE(site.storage().catalog().CreateTag({0, "harbour", "Harbour"}).ok());
  EXPECT_EQ(site.Get("/", {{"If-None-Match", etag}}).status, 304u);
  const auto rows = site.storage().articles().ListVisible({}, site.clock().Now(), 0, 1);
  ASSERT_TRUE(rows.ok() && !rows->empty());
  auto article = site.storage().articles().FindById(rows->front().id);
  ASSERT_TRUE(article.ok());
  article->title = "Lighthouse keeper retires";
  ASSERT_TRUE(site.storage().articles().Update(*article, article->version, site.clock().Now(), std::nullopt).ok());
  EXPECT_EQ(site.Get("/", {{"If-None-Match", etag}}).status, 200u);
}

TEST_F(PageCacheTest, EachCommentFormGetsAFreshToken) {
  const std::string path = PathOf(Newest());
  const auto first = site_->Get(path);
  site_->clock().Advance(5s);
  const auto second = site_->Get(path);
  const std::string token = FirstValueAfter(first.body, "name=\"token\" value=\"");
  ASSERT_EQ(token.size(), 64u);
  EXPECT_NE(token, FirstValueAfter(second.body, "name=\"token\" value=\""));
}

TEST_F(PageCacheTest, PagesWithOtherQueriesAreAnsweredWithoutTheCache) {
  EXPECT_EQ(site_->Get("/?utm_source=newsletter").status, 200u);
  EXPECT_EQ(site_->Get("/?page=2").status, 200u);
  EXPECT_EQ(site_->Get("/?page=02").status, 200u);
  EXPECT_EQ(site_->Get("/?page=99999").status, 404u);
  EXPECT_EQ(site_->Get("/?page=99999").status, 404u) << "an error page is never kept";
  const auto listed = site_->Get("/?page=2");
  EXPECT_TRUE(Contains(listed.body, "rel=\"prev\""));
}

TEST_F(PageCacheTest, HeadIsAnsweredFromTheCacheWithoutABody) {
  site_->Get("/");
  const auto head = Request(site_->port(), "HEAD", "/");
  EXPECT_EQ(head.status, 200u);
  EXPECT_TRUE(head.body.empty());
  EXPECT_FALSE(head.Header("Content-Length").empty());
}

TEST_F(PageCacheTest, AScheduledArticleAppearsOnACachedFrontPageAtItsTime) {
  domain::Article article = Newest();
  const Timestamp now = site_->clock().Now();
  article.id = 0;
  article.title = "Polls close across the county";
  article.slug = "polls-close-across-the-county";
  article.state = domain::ArticleState::kScheduled;
  article.publish_at = now + 90s;
  article.unpublish_at.reset();
  article.featured = false;
  ASSERT_TRUE(site_->storage().articles().Create(article, now).ok());
  EXPECT_FALSE(Contains(site_->Get("/").body, "Polls close"));
  EXPECT_FALSE(Contains(site_->Get("/").body, "Polls close"));
  site_->clock().Advance(90s);
  EXPECT_TRUE(Contains(site_->Get("/").body, "Polls close"));
}

TEST_F(PageCacheTest, WithTheCacheOffPagesAreMadeForEachRequest) {
  RunningSiteOptions options;
  options.articles = 30;
  options.env = {{"GAZETTE_CACHE_ENABLED", "false"}};
  RunningSite site(options);
  const auto first = site.Get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(first.status, 200u);
  EXPECT_FALSE(first.HasHeader("Content-Encoding")) << "only cached pages are compressed";
  EXPECT_FALSE(first.HasHeader("Vary"));
  EXPECT_TRUE(Contains(first.body, "data-counter=\"today\""));
}

}  // namespace
}  // namespace gazette::testing
