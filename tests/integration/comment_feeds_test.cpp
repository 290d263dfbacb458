// An article's comments feed (RSS and Atom) through a real server, read by Debian's feedparser: only approved
// comments, newest first, at most twenty, never an e-mail address; 404 for articles readers cannot see;
// conditional requests; and the links to it in the article page's head.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "gazette/base/time_zone.hpp"
#include "gazette/comments/comment_text.hpp"
#include "gazette/site/urls.hpp"
#include "integration/feed_fixture.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;
using domain::CommentState;

/// A visible article as the tests address it.
struct Target {
  std::int64_t id = 0;
  std::string path;   ///< its page
  std::string title;  ///< as pages and feeds show it (with its country label)
};

class CommentFeedsTest : public FeedFixture {
 protected:
  /// The index-th newest visible article: each test takes its own, since the suite shares one site.
  static Target ArticleAt(std::size_t index) {
    const auto rows = Latest({}, static_cast<std::int64_t>(index) + 1);
    EXPECT_GT(rows.size(), index);
    const auto& row = rows.at(index);
    return {row.id, PathOf(row.publish_at, row.slug), domain::LabelledTitle(row.country, row.title)};
  }

  static std::string PathOf(Timestamp publish_at, const std::string& slug) {
    const auto zone = TimeZone::Load("Europe/London");  // RunningSiteOptions' default
    EXPECT_TRUE(zone.ok());
    return site::ArticlePath(publish_at, slug, *zone);
  }

  static std::int64_t AddComment(std::int64_t article, const std::string& name, const std::string& text,
                                 CommentState state, Timestamp at, const std::string& email = "") {
    domain::Comment comment;
    comment.article_id = article;
    comment.name = name;
    comment.email = email;
    comment.text = text;
    comment.state = state;
    comment.created_at = at;
    comment.ip_hash = "test";
    auto id = site().storage().comments().Insert(comment);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  /// What the feed should hold: the store's approved comments (read oldest first), newest first, twenty.
  static std::vector<domain::Comment> ExpectedItems(std::int64_t article) {
    auto approved = site().storage().comments().ListApproved(article);
    EXPECT_TRUE(approved.ok());
    std::vector<domain::Comment> items(approved->rbegin(), approved->rend());
    if (items.size() > 20) items.resize(20);
    return items;
  }

  /// html as feedparser hands it on after its sanitizer: void elements written "<br />", trailing white
  /// space dropped; nothing else changes for the HTML comments are made of.
  static std::string AsFeedparserGivesIt(std::string html) {
    for (auto at = html.find("<br>"); at != std::string::npos; at = html.find("<br>", at))
      html.replace(at, 4, "<br />");
    while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) html.pop_back();
    return html;
  }

  /// A copy of a visible article under a new slug, published in 2000 unless change says otherwise, with one
  /// approved comment; returns its page's path.
  static std::string AddArticleLike(const Target& model, const std::string& slug,
                                    const std::function<void(domain::Article&)>& change) {
    auto existing = site().storage().articles().FindById(model.id);
    EXPECT_TRUE(existing.ok());
    domain::Article article = *existing;
    article.slug = slug;
    article.title = "Copy " + slug;
    article.featured = false;
    // Older than any demo article, so that the newest articles stay where the other tests find them.
    article.publish_at = TimestampFromUnix(946684800);  // 2000-01-01
    change(article);
    const Timestamp now = site().clock().Now();
    auto id = site().storage().articles().Create(article, now);
    EXPECT_TRUE(id.ok()) << id.error().message;
    if (id.ok()) AddComment(*id, "Reader", "Seen before it was visible.", CommentState::kApproved, now);
    return PathOf(article.publish_at.value_or(now), slug);
  }

  /// Checks the feed against the store's approved comments of the article at path.
  void ExpectFeedMatches(const std::string& feed_path, const Target& article, const std::string& version) {
    SCOPED_TRACE(feed_path);
    site().clock().Advance(2s);  // past the feed cache's second
    const auto feed = ParsedFeed(feed_path);
    EXPECT_EQ(feed.at("bozo").as_int64(), 0) << feed.at("bozo_exception").as_string();
    EXPECT_EQ(feed.at("version").as_string(), version);
    EXPECT_EQ(feed.at("title").as_string(), "Comments on: " + article.title + " | Public Sector Digest");
    const auto expected = ExpectedItems(article.id);
    const auto& entries = feed.at("entries").as_array();
    ASSERT_EQ(entries.size(), expected.size());
    const std::string base = BaseUrl();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto& entry = entries[i].as_object();
      const auto& comment = expected[i];
      const std::string id = std::to_string(comment.id);
      EXPECT_EQ(entry.at("title").as_string(), "Comment by " + comment.name);
      EXPECT_EQ(entry.at("link").as_string(), base + article.path + "#comment-" + id);
      EXPECT_TRUE(std::string(entry.at("id").as_string()).starts_with("tag:")) << entry.at("id");
      EXPECT_TRUE(std::string(entry.at("id").as_string()).ends_with(":comment/" + id)) << entry.at("id");
      EXPECT_EQ(entry.at("published_unix").as_int64(), ToUnix(comment.created_at));
      EXPECT_EQ(entry.at("author").as_string(), comment.name);
      EXPECT_EQ(entry.at("content").as_string(),
                AsFeedparserGivesIt(comments::CommentTextToHtml(comment.text)));
    }
  }
};

TEST_F(CommentFeedsTest, FeedsHoldOnlyApprovedCommentsNewestFirstWithoutEmails) {
  const Target article = ArticleAt(3);
  const Timestamp now = site().clock().Now();
  const std::int64_t first = AddComment(article.id, "Ada", "The first thought.", CommentState::kApproved,
                                        now - 3h, "ada@reader.example");
  const std::int64_t reply = AddComment(article.id, "Grace", "Tax & <b>spend</b>, \"quoted\".",
                                        CommentState::kApproved, now - 2h, "grace@reader.example");
  const std::int64_t last = AddComment(article.id, "Linus", "A line\nand another.\n\nA second paragraph.",
                                       CommentState::kApproved, now - 1h);
  AddComment(article.id, "Waiting", "Pending words.", CommentState::kPending, now - 30min,
             "p@reader.example");
  AddComment(article.id, "Refused", "Rejected words.", CommentState::kRejected, now - 20min);
  AddComment(article.id, "Junk", "Spam words.", CommentState::kSpam, now - 10min, "s@reader.example");

  ExpectFeedMatches(article.path + "/comments/feed/rss", article, "rss20");
  ExpectFeedMatches(article.path + "/comments/feed/atom", article, "atom10");
  const auto expected = ExpectedItems(article.id);
  ASSERT_EQ(expected.size(), 3u);
  EXPECT_EQ(expected[0].id, last);
  EXPECT_EQ(expected[1].id, reply);
  EXPECT_EQ(expected[2].id, first);

  for (const char* format : {"rss", "atom"}) {
    const auto raw = site().Get(article.path + "/comments/feed/" + format);
    ASSERT_EQ(raw.status, 200u);
    EXPECT_EQ(raw.body.find("@reader.example"), std::string::npos) << format;
    for (const char* hidden :
         {"Pending words", "Rejected words", "Spam words", "Waiting", "Refused", "Junk"}) {
      EXPECT_EQ(raw.body.find(hidden), std::string::npos) << format << ": " << hidden;
    }
  }
  // Each link's anchor is the comment's element on the page.
  const std::string page = site().Get(article.path).body;
  for (const auto id : {first, reply, last}) {
    EXPECT_NE(page.find("id=\"comment-" + std::to_string(id) + "\""), std::string::npos) << id;
  }
}

TEST_F(CommentFeedsTest, FeedsHaveTheirContentTypes) {
  const Target article = ArticleAt(4);
  EXPECT_EQ(site().Get(article.path + "/comments/feed/rss").Header("Content-Type"),
            "application/rss+xml; charset=utf-8");
  EXPECT_EQ(site().Get(article.path + "/comments/feed/atom").Header("Content-Type"),
            "application/atom+xml; charset=utf-8");
}

TEST_F(CommentFeedsTest, AFeedHoldsTheNewestTwentyComments) {
  const Target article = ArticleAt(5);
  const Timestamp now = site().clock().Now();
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 25; ++i) {
    ids.push_back(AddComment(article.id, "Reader " + std::to_string(i),
                             "Comment number " + std::to_string(i) + ".", CommentState::kApproved,
                             now - std::chrono::minutes(60 - i)));
  }
  ASSERT_EQ(ExpectedItems(article.id).size(), 20u);
  ExpectFeedMatches(article.path + "/comments/feed/rss", article, "rss20");
  ExpectFeedMatches(article.path + "/comments/feed/atom", article, "atom10");
  const auto feed = ParsedFeed(article.path + "/comments/feed/atom");
  const auto& entries = feed.at("entries").as_array();
  ASSERT_EQ(entries.size(), 20u);
  EXPECT_EQ(entries.front().at("title").as_string(), "Comment by Reader 24");
  EXPECT_EQ(entries.back().at("title").as_string(), "Comment by Reader 5");
}

TEST_F(CommentFeedsTest, AnApprovedCommentAppearsInTheNextRequestsFeed) {
  const Target article = ArticleAt(6);
  const Timestamp now = site().clock().Now();
  AddComment(article.id, "Early", "Already approved.", CommentState::kApproved, now - 2h);
  const std::int64_t waiting =
      AddComment(article.id, "Later", "Approved after.", CommentState::kPending, now - 1h);
  site().clock().Advance(2s);
  const std::string path = article.path + "/comments/feed/rss";
  EXPECT_EQ(ParsedFeed(path).at("entries").as_array().size(), 1u);
  const std::vector<std::int64_t> ids{waiting};
  ASSERT_EQ(*site().storage().comments().SetState(ids, CommentState::kApproved), 1);
  // The clock stands still: the kept feed is replaced because a comment was approved.
  const auto feed = ParsedFeed(path);
  ASSERT_EQ(feed.at("entries").as_array().size(), 2u);
  EXPECT_EQ(feed.at("entries").as_array().at(0).at("title").as_string(), "Comment by Later");
}

TEST_F(CommentFeedsTest, AnUnchangedFeedAnswers304ToIfNoneMatch) {
  const Target article = ArticleAt(7);
  const std::string path = article.path + "/comments/feed/atom";
  const auto first = site().Get(path);
  ASSERT_EQ(first.status, 200u);
  const std::string etag(first.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  const auto again = site().Get(path, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(site().Get(path, {{"If-None-Match", "\"something-else\""}}).status, 200u);
}

TEST_F(CommentFeedsTest, ArticlesReadersCannotSeeHaveNoCommentFeed) {
  const Target model = ArticleAt(8);
  const Timestamp now = site().clock().Now();
  const std::string draft =
      AddArticleLike(model, "feed-draft", [](domain::Article& a) { a.state = domain::ArticleState::kDraft; });
  const std::string trashed = AddArticleLike(
      model, "feed-trashed", [](domain::Article& a) { a.state = domain::ArticleState::kTrashed; });
  const std::string scheduled = AddArticleLike(model, "feed-scheduled", [now](domain::Article& a) {
    a.state = domain::ArticleState::kScheduled;
    a.publish_at = now + 24h;
    a.unpublish_at.reset();
  });
  const std::string unpublished = AddArticleLike(model, "feed-unpublished", [now](domain::Article& a) {
    a.state = domain::ArticleState::kPublished;
    a.publish_at = now - 48h;
    a.unpublish_at = now - 1h;
  });
  site().clock().Advance(2s);
  const std::string unknown = model.path.substr(0, model.path.rfind('/')) + "/no-such-article";
  for (const auto& path : {draft, trashed, scheduled, unpublished, unknown}) {
    for (const char* format : {"rss", "atom"}) {
      const auto response = site().Get(path + "/comments/feed/" + format);
      EXPECT_EQ(response.status, 404u) << path << " " << format;
      // The site's themed error page, not a bare status.
      EXPECT_NE(response.body.find("<html"), std::string::npos) << path;
    }
  }
}

TEST_F(CommentFeedsTest, AnArticleWithCommentsClosedHasAFeedOnlyOnceItHasComments) {
  const Target model = ArticleAt(9);
  const std::string path = AddArticleLike(model, "feed-closed", [](domain::Article& a) {
    a.state = domain::ArticleState::kPublished;
    a.comments_open = false;
  });
  const std::string quiet = AddArticleLike(model, "feed-closed-quiet", [](domain::Article& a) {
    a.state = domain::ArticleState::kPublished;
    a.comments_open = false;
  });
  // AddArticleLike gave each an approved comment: take the second's away.
  auto quiet_page = site().storage().articles().FindVisibleBySlug("feed-closed-quiet", site().clock().Now());
  ASSERT_TRUE(quiet_page.ok());
  auto quiet_comments = site().storage().comments().ListApproved(quiet_page->article.id);
  ASSERT_TRUE(quiet_comments.ok());
  ASSERT_EQ(quiet_comments->size(), 1u);
  const std::vector<std::int64_t> ids{quiet_comments->front().id};
  ASSERT_EQ(*site().storage().comments().Delete(ids), 1);
  site().clock().Advance(2s);

  EXPECT_EQ(site().Get(path + "/comments/feed/rss").status, 200u);
  EXPECT_NE(site().Get(path).body.find("href=\"" + path + "/comments/feed/rss\""), std::string::npos);
  EXPECT_EQ(site().Get(quiet + "/comments/feed/rss").status, 404u);
  EXPECT_EQ(site().Get(quiet).body.find("/comments/feed/"), std::string::npos);
}

TEST_F(CommentFeedsTest, AnotherYearOrMonthRedirectsToTheFeedsAddress) {
  const Target article = ArticleAt(10);
  const std::string slug = article.path.substr(article.path.rfind('/'));
  const auto moved = site().Get("/2001/01" + slug + "/comments/feed/atom");
  EXPECT_EQ(moved.status, 301u);
  EXPECT_EQ(moved.Header("Location"), article.path + "/comments/feed/atom");
}

TEST_F(CommentFeedsTest, ArticleAndPanelPagesLinkTheirCommentFeedsInTheHead) {
  const Target article = ArticleAt(11);
  const Target panel = ArticleAt(12);
  ASSERT_TRUE(
      site()
          .storage()
          .panels()
          .SavePanel(panel.id, "What should councils share?", "Our experts answer.", site().clock().Now())
          .ok());
  for (const Target& target : {article, panel}) {
    SCOPED_TRACE(target.path);
    const auto page = site().Get(target.path);
    ASSERT_EQ(page.status, 200u);
    const std::string rss = R"(<link rel="alternate" type="application/rss+xml" title=")";
    const std::string atom = R"(<link rel="alternate" type="application/atom+xml" title=")";
    EXPECT_NE(page.body.find(rss + "Comments on: "), std::string::npos);
    EXPECT_NE(page.body.find("href=\"" + target.path + "/comments/feed/rss\">"), std::string::npos);
    EXPECT_NE(page.body.find(atom + "Comments on: "), std::string::npos);
    EXPECT_NE(page.body.find("href=\"" + target.path + "/comments/feed/atom\">"), std::string::npos);
    const std::string title = FirstValueAfter(page.body, rss + "Comments on: ");
    EXPECT_EQ(Unescape(title), target.title + " (RSS)");
    // What the link promises is there.
    EXPECT_EQ(ParsedFeed(target.path + "/comments/feed/rss").at("bozo").as_int64(), 0);
  }
}

}  // namespace
}  // namespace gazette::testing
