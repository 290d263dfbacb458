// ArticleStore::ListUpcoming (the dashboard's scheduled list), run against every backend
// (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using domain::ArticleState;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ArticleScheduleTest : public StorageTest {
 protected:
  std::vector<std::int64_t> Upcoming(std::optional<std::int64_t> author_id = std::nullopt,
                                     std::int64_t limit = 100) {
    auto rows = articles().ListUpcoming(kNow, author_id, limit);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    std::vector<std::int64_t> ids;
    if (rows.ok()) {
      for (const auto& row : *rows) ids.push_back(row.id);
    }
    return ids;
  }
};

TEST_P(ArticleScheduleTest, ListsArticlesStillToAppearSoonestFirst) {
  const auto later = Add(NewArticle("later", kNow + kDay * 2, ArticleState::kScheduled));
  const auto sooner = Add(NewArticle("sooner", kNow + std::chrono::seconds(1), ArticleState::kScheduled));
  const auto published_ahead = Add(NewArticle("published-ahead", kNow + kDay, ArticleState::kPublished));
  Add(NewArticle("already-out", kNow - kDay, ArticleState::kScheduled));
  Add(NewArticle("exactly-now", kNow, ArticleState::kScheduled));  // visible now: no longer to come
  Add(NewArticle("draft-with-date", kNow + kDay, ArticleState::kDraft));
  Add(NewArticle("trashed-with-date", kNow + kDay, ArticleState::kTrashed));
  EXPECT_THAT(Upcoming(), ElementsAre(sooner, published_ahead, later));
  EXPECT_THAT(Upcoming(std::nullopt, 2), ElementsAre(sooner, published_ahead));
}

TEST_P(ArticleScheduleTest, ListsOnlyTheGivenAuthorsArticles) {
  const auto other_author = AddAuthor("bob");
  domain::Article theirs = NewArticle("theirs", kNow + kDay, ArticleState::kScheduled);
  theirs.author_id = other_author;
  const auto their_id = Add(theirs);
  const auto mine = Add(NewArticle("mine", kNow + kDay, ArticleState::kScheduled));
  EXPECT_THAT(Upcoming(author_), ElementsAre(mine));
  EXPECT_THAT(Upcoming(other_author), ElementsAre(their_id));
  EXPECT_THAT(Upcoming(other_author + 100), IsEmpty());
}

TEST_P(ArticleScheduleTest, RowsCarryTheirTimeCategoryAndAuthor) {
  const auto id = Add(NewArticle("soon", kNow + kDay, ArticleState::kScheduled));
  auto rows = articles().ListUpcoming(kNow, std::nullopt, 10);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().id, id);
  EXPECT_EQ(rows->front().title, "Title of soon");
  EXPECT_EQ(rows->front().publish_at, kNow + kDay);
  EXPECT_EQ(rows->front().state, ArticleState::kScheduled);
  EXPECT_EQ(rows->front().author.name, "Author ada");
  EXPECT_EQ(rows->front().category.name, "Category news");
}

TEST_P(ArticleScheduleTest, RefusesALimitOutsideItsRange) {
  EXPECT_EQ(articles().ListUpcoming(kNow, std::nullopt, -1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().ListUpcoming(kNow, std::nullopt, 1001).error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(articles().ListUpcoming(kNow, std::nullopt, 0).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticleScheduleTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
