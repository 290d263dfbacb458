// ArticleStore's feed and sitemap queries (ForEachVisibleLink, FeedExtrasOf, ListSectionChanges,
// ListDayChanges), run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using domain::ArticleState;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ArticleSyndicationTest : public StorageTest {
 protected:
  std::vector<std::int64_t> LinkIds(std::int64_t offset, std::int64_t limit) {
    std::vector<std::int64_t> ids;
    const Status ok =
        articles().ForEachVisibleLink(kNow, offset, limit, [&](const ArticleLink& link) { ids.push_back(link.id); });
    EXPECT_TRUE(ok.ok()) << ok.error().message;
    return ids;
  }
};

TEST_P(ArticleSyndicationTest, LinksAreTheVisibleArticlesOldestFirstInWindows) {
  const auto newest = Add(NewArticle("newest", kNow - kDay));
  const auto oldest = Add(NewArticle("oldest", kNow - kDay * 3));
  const auto middle = Add(NewArticle("middle", kNow - kDay * 2));
  Add(NewArticle("future", kNow + kDay, ArticleState::kScheduled));
  Add(NewArticle("draft", kNow - kDay, ArticleState::kDraft));
  Add(NewArticle("archived", kNow - kDay, ArticleState::kArchived));
  EXPECT_THAT(LinkIds(0, 100), ElementsAre(oldest, middle, newest));
  EXPECT_THAT(LinkIds(1, 1), ElementsAre(middle));
  EXPECT_THAT(LinkIds(3, 10), IsEmpty());
}

TEST_P(ArticleSyndicationTest, LinksCarrySlugAndDates) {
  Add(NewArticle("one", kNow - kDay));
  std::vector<ArticleLink> links;
  ASSERT_TRUE(articles().ForEachVisibleLink(kNow, 0, 10, [&](const ArticleLink& l) { links.push_back(l); }).ok());
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].slug, "one");
  EXPECT_EQ(links[0].publish_at, kNow - kDay);
  EXPECT_EQ(links[0].updated_at, kNow - kDay * 1000);
}

TEST_P(ArticleSyndicationTest, RefusesBadLinkWindows) {
  const auto nothing = [](const ArticleLink&) {};
  EXPECT_EQ(articles().ForEachVisibleLink(kNow, -1, 10, nothing).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().ForEachVisibleLink(kNow, 0, kMaxLinkRows + 1, nothing).error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(articles().ForEachVisibleLink(kNow, 0, kMaxLinkRows, nothing).ok());
}

TEST_P(ArticleSyndicationTest, FeedExtrasGiveBodyAndCreationOfTheAskedArticles) {
  const auto a = Add(NewArticle("a", kNow - kDay));
  const auto b = Add(NewArticle("b", kNow - kDay));
  Add(NewArticle("c", kNow - kDay));
  const std::vector<std::int64_t> ids{a, b, 9999};
  auto extras = articles().FeedExtrasOf(ids);
  ASSERT_TRUE(extras.ok()) << extras.error().message;
  std::vector<std::string> bodies;
  for (const auto& row : *extras) {
    bodies.push_back(row.body_html);
    EXPECT_EQ(row.created_at, kNow - kDay * 1000);
  }
  EXPECT_THAT(bodies, UnorderedElementsAre("<p>Body of a</p>", "<p>Body of b</p>"));
  EXPECT_TRUE(articles().FeedExtrasOf({}).ok());
  const std::vector<std::int64_t> too_many(1001, a);
  EXPECT_EQ(articles().FeedExtrasOf(too_many).error().code, ErrorCode::kInvalid);
}

TEST_P(ArticleSyndicationTest, SectionChangesAreTheLastChangeOfVisibleArticles) {
  const auto sport = AddCategory("sport");
  const auto tag = AddTag("rates");
  auto early = NewArticle("early", kNow - kDay);
  early.tag_ids = {tag};
  Add(early);
  auto later = NewArticle("later", kNow - kDay);
  later.category_id = sport;
  later.tag_ids = {tag};
  const auto later_id = articles().Create(later, kNow - kDay * 10);
  ASSERT_TRUE(later_id.ok());
  auto hidden = NewArticle("hidden", kNow - kDay, ArticleState::kDraft);
  hidden.category_id = sport;
  ASSERT_TRUE(articles().Create(hidden, kNow).ok());

  auto categories = articles().ListSectionChanges(SectionKind::kCategory, kNow);
  ASSERT_TRUE(categories.ok()) << categories.error().message;
  ASSERT_EQ(categories->size(), 2u);
  EXPECT_EQ((*categories)[0].slug, "news");
  EXPECT_EQ((*categories)[0].last_change, kNow - kDay * 1000);
  EXPECT_EQ((*categories)[1].slug, "sport");
  EXPECT_EQ((*categories)[1].last_change, kNow - kDay * 10);  // the draft's later change does not count

  auto tags = articles().ListSectionChanges(SectionKind::kTag, kNow);
  ASSERT_TRUE(tags.ok()) << tags.error().message;
  ASSERT_EQ(tags->size(), 1u);
  EXPECT_EQ((*tags)[0].slug, "rates");
  EXPECT_EQ((*tags)[0].last_change, kNow - kDay * 10);

  auto authors = articles().ListSectionChanges(SectionKind::kAuthor, kNow);
  ASSERT_TRUE(authors.ok()) << authors.error().message;
  ASSERT_EQ(authors->size(), 1u);
  EXPECT_EQ((*authors)[0].slug, "ada");
}

TEST_P(ArticleSyndicationTest, DayChangesGroupByLocalDay) {
  // kNow is 12:00 UTC: 23:00 UTC the day before is already "today" two hours ahead of UTC.
  Add(NewArticle("late-yesterday", kNow - std::chrono::hours(13)));
  Add(NewArticle("today", kNow - std::chrono::hours(1)));
  const std::int64_t today = ToUnix(kNow) / 86400;
  auto utc = articles().ListDayChanges(kNow, std::chrono::seconds(0));
  ASSERT_TRUE(utc.ok()) << utc.error().message;
  ASSERT_EQ(utc->size(), 2u);
  EXPECT_EQ((*utc)[0].day, today - 1);
  EXPECT_EQ((*utc)[1].day, today);
  auto ahead = articles().ListDayChanges(kNow, std::chrono::hours(2));
  ASSERT_TRUE(ahead.ok());
  ASSERT_EQ(ahead->size(), 1u);
  EXPECT_EQ((*ahead)[0].day, today);
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticleSyndicationTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
