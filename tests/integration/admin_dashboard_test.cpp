// The back office's dashboard through the running server: the review queue, the scheduled list, the
// visitor figures and chart, the week's most read articles, and what each role sees of them.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>

#include "gazette/base/time_zone.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/site/urls.hpp"
#include "integration/admin_client.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;
using domain::ArticleState;
using domain::Role;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kBrowser =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

class AdminDashboard : public ::testing::Test {
 protected:
  AdminDashboard() : site_(Options()) {
    const auto authors = site_.storage().catalog().ListAuthors();
    EXPECT_TRUE(authors.ok() && authors->size() >= 2);
    own_author_ = authors->at(0).id;
    other_author_ = authors->at(1).id;
    site_.AddUser("editor@example.com", Role::kEditor, kPassword);
    site_.AddUser("author@example.com", Role::kAuthor, kPassword, own_author_);
    site_.AddUser("unlinked@example.com", Role::kAuthor, kPassword);
  }

  static RunningSiteOptions Options() {
    RunningSiteOptions options;
    options.articles = 12;
    return options;
  }

  /// A copy of a demo article (for its category and text) with these fields; returns its id.
  std::int64_t AddArticle(const std::string& title, ArticleState state, std::optional<Timestamp> publish_at,
                          bool review_requested, std::int64_t author_id) {
    const Timestamp now = site_.clock().Now();
    const auto any = site_.storage().articles().ListVisible({}, now, 0, 1);
    EXPECT_TRUE(any.ok() && !any->empty());
    auto article = site_.storage().articles().FindById(any->front().id);
    EXPECT_TRUE(article.ok());
    article->title = title;
    article->country.clear();  // no "GB: " label before the title
    article->slug = "dashboard-" + std::to_string(++added_);
    article->state = state;
    article->publish_at = publish_at;
    article->unpublish_at.reset();
    article->featured = false;
    article->review_requested = review_requested;
    article->author_id = author_id;
    const auto id = site_.storage().articles().Create(*article, now);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::string Dashboard(const std::string& email) {
    AdminClient client(site_.port());
    EXPECT_EQ(client.LogIn(email, kPassword).status, 303u);
    const auto page = client.Get("/admin");
    EXPECT_EQ(page.status, 200u) << page.body;
    return page.body;
  }

  /// The text of one card of the dashboard (the <section> with this class).
  static std::string Card(const std::string& html, const std::string& name) {
    const auto start = html.find("class=\"card dashboard-" + name + "\"");
    if (start == std::string::npos) return {};
    return html.substr(start, html.find("</section>", start) - start);
  }

  RunningSite site_;
  std::int64_t own_author_ = 0;
  std::int64_t other_author_ = 0;
  int added_ = 0;
};

TEST_F(AdminDashboard, TheReviewQueueShowsASubmittedDraftWithALinkToIt) {
  const auto submitted =
      AddArticle("Harbour plans handed in", ArticleState::kDraft, std::nullopt, true, own_author_);
  AddArticle("Still being written", ArticleState::kDraft, std::nullopt, false, own_author_);
  const std::string queue = Card(Dashboard("editor@example.com"), "queue");
  EXPECT_NE(queue.find("Waiting for review"), std::string::npos) << queue;
  EXPECT_NE(
      queue.find("href=\"/admin/articles/" + std::to_string(submitted) + "\">Harbour plans handed in</a>"),
      std::string::npos)
      << queue;
  EXPECT_EQ(queue.find("Still being written"), std::string::npos) << queue;
}

TEST_F(AdminDashboard, ALongQueueShowsItsFirstRowsAndLinksToTheWholeQueue) {
  for (int i = 0; i < 12; ++i) {
    AddArticle("Queued draft " + std::to_string(i), ArticleState::kDraft, std::nullopt, true, own_author_);
  }
  const std::string queue = Card(Dashboard("editor@example.com"), "queue");
  EXPECT_EQ(CountOf(queue, ">Queued draft "), 10u) << queue;
  EXPECT_NE(queue.find("<a href=\"/admin/articles?state=review\">All 12</a>"), std::string::npos) << queue;
  // Oldest first: the longest wait is at the top.
  EXPECT_LT(queue.find(">Queued draft 0<"), queue.find(">Queued draft 1<"));
}

TEST_F(AdminDashboard, AnAuthorSeesOnlyTheirOwnDraftsAndScheduledArticles) {
  AddArticle("My draft on trams", ArticleState::kDraft, std::nullopt, true, own_author_);
  AddArticle("Someone else's draft", ArticleState::kDraft, std::nullopt, true, other_author_);
  const Timestamp tomorrow = site_.clock().Now() + 24h;
  AddArticle("My scheduled piece", ArticleState::kScheduled, tomorrow, false, own_author_);
  AddArticle("Someone else's embargo", ArticleState::kScheduled, tomorrow, false, other_author_);

  const std::string page = Dashboard("author@example.com");
  const std::string queue = Card(page, "queue");
  EXPECT_NE(queue.find("Your drafts"), std::string::npos) << queue;
  EXPECT_NE(queue.find("My draft on trams"), std::string::npos) << queue;
  EXPECT_NE(queue.find("in review"), std::string::npos) << queue;
  EXPECT_NE(Card(page, "scheduled").find("My scheduled piece"), std::string::npos);
  EXPECT_EQ(page.find("Someone else"), std::string::npos) << page;

  // An author without a profile has no articles of their own, and sees none of anyone else's.
  const std::string unlinked = Dashboard("unlinked@example.com");
  EXPECT_NE(unlinked.find("not linked to an author profile"), std::string::npos);
  EXPECT_EQ(unlinked.find("My draft on trams"), std::string::npos);
  EXPECT_EQ(unlinked.find("My scheduled piece"), std::string::npos);
}

TEST_F(AdminDashboard, TheScheduledListShowsAScheduledArticleWithItsTimeInTheSiteZone) {
  // 2 July, 09:30 in London is 08:30 UTC (summer time): the list shows the clocks of the site.
  const auto zone = TimeZone::Load("Europe/London");
  ASSERT_TRUE(zone.ok());
  const LocalDate next_july{zone->DateOf(site_.clock().Now()).year + 1, 7, 2};
  const Timestamp at = zone->AtLocalTime(next_july, 9h + 30min);
  const auto id = AddArticle("Budget day coverage", ArticleState::kScheduled, at, false, other_author_);
  AddArticle("Budget draft not scheduled", ArticleState::kDraft, at, false, other_author_);

  const std::string scheduled = Card(Dashboard("editor@example.com"), "scheduled");
  EXPECT_NE(scheduled.find("href=\"/admin/articles/" + std::to_string(id) + "\">Budget day coverage</a>"),
            std::string::npos)
      << scheduled;
  EXPECT_NE(scheduled.find("datetime=\"" + next_july.ToIso() + "T09:30\""), std::string::npos) << scheduled;
  EXPECT_NE(scheduled.find(" 09:30</time>"), std::string::npos) << scheduled;
  EXPECT_EQ(scheduled.find("Budget draft not scheduled"), std::string::npos) << scheduled;
}

TEST_F(AdminDashboard, TheVisitorChartIsAnSvgWithNinetyBars) {
  const std::string visitors = Card(Dashboard("author@example.com"), "visitors");
  EXPECT_EQ(CountOf(visitors, "<svg "), 1u) << visitors;
  EXPECT_EQ(CountOf(visitors, "<rect class=\"bar\""), 90u);
  EXPECT_NE(visitors.find("data-figure=\"today\">0<"), std::string::npos) << visitors;
}

TEST_F(AdminDashboard, MostReadListsAnArticleThatGotHitsAndTodaysVisitorsCount) {
  const Timestamp published = site_.clock().Now() - 1h;
  const auto id =
      AddArticle("Lighthouse reopens to visitors", ArticleState::kPublished, published, false, other_author_);
  const auto zone = TimeZone::Load("Europe/London");
  ASSERT_TRUE(zone.ok());
  const std::string path = site::ArticlePath(published, "dashboard-1", *zone);
  ASSERT_EQ(site_.Get(path, {{"User-Agent", kBrowser}}).status, 200u);
  ASSERT_EQ(site_.Get(path, {{"User-Agent", kBrowser}}).status, 200u);
  // A graceful restart writes the counters, as the flusher does within a second.
  site_.Restart();

  const std::string page = Dashboard("editor@example.com");
  const std::string most_read = Card(page, "most-read");
  EXPECT_NE(most_read.find("href=\"/admin/articles/" + std::to_string(id) +
                           "\">Lighthouse reopens to visitors</a>"),
            std::string::npos)
      << most_read;
  EXPECT_NE(most_read.find("<span class=\"hits\">"), std::string::npos) << most_read;
  EXPECT_NE(Card(page, "visitors").find("data-figure=\"today\">1<"), std::string::npos);

  // An author sees the list too, without a link into someone else's article.
  const std::string for_author = Card(Dashboard("author@example.com"), "most-read");
  EXPECT_NE(for_author.find("Lighthouse reopens to visitors"), std::string::npos) << for_author;
  EXPECT_EQ(for_author.find("/admin/articles/" + std::to_string(id)), std::string::npos) << for_author;
}

TEST_F(AdminDashboard, TitlesAreEscaped) {
  AddArticle("<script>alert(1)</script> & \"quotes\"", ArticleState::kDraft, std::nullopt, true, own_author_);
  const std::string page = Dashboard("editor@example.com");
  EXPECT_EQ(page.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), std::string::npos)
      << Card(page, "queue");
}

}  // namespace
}  // namespace gazette::testing
