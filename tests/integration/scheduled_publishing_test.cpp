// Scheduled publishing through the running server: visibility is decided when a page is asked for, so an
// article scheduled for a time appears on the first request after it, with no job to run it.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "gazette/base/time_zone.hpp"
#include "gazette/site/urls.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

TEST(ScheduledPublishing, AnArticleScheduledForOneSecondAheadAppearsOnTheFirstRequestAfterIt) {
  RunningSiteOptions options;
  options.articles = 12;
  RunningSite site(options);
  const Timestamp now = site.clock().Now();
  const auto newest = site.storage().articles().ListVisible({}, now, 0, 1);
  ASSERT_TRUE(newest.ok() && !newest->empty());
  auto article = site.storage().articles().FindById(newest->front().id);
  ASSERT_TRUE(article.ok());
  article->title = "Polls close across the county";
  article->slug = "polls-close-across-the-county";
  article->state = domain::ArticleState::kScheduled;
  article->publish_at = now + 1s;
  article->unpublish_at.reset();
  article->featured = false;
  ASSERT_TRUE(site.storage().articles().Create(*article, now).ok());
  const auto zone = TimeZone::Load(options.timezone);
  ASSERT_TRUE(zone.ok());
  const std::string path = site::ArticlePath(now + 1s, article->slug, *zone);

  EXPECT_EQ(site.Get("/").body.find("Polls close across the county"), std::string::npos);
  EXPECT_EQ(site.Get(path).status, 404u);

  site.clock().Advance(1s);
  EXPECT_NE(site.Get("/").body.find("Polls close across the county"), std::string::npos);
  EXPECT_EQ(site.Get(path).status, 200u);
}

}  // namespace
}  // namespace gazette::testing
