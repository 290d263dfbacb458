// Storage::ContentVersion(): grows with each committed change a public page may show, and only then.
#include <gmock/gmock.h>

#include <thread>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

class ContentVersionTest : public StorageTest {
 protected:
  std::int64_t Version() {
    auto version = storage().ContentVersion();
    EXPECT_TRUE(version.ok()) << version.error().message;
    return version.ok() ? *version : -1;
  }
};

TEST_P(ContentVersionTest, GrowsWithArticlesSettingsCategoriesAndComments) {
  std::int64_t last = Version();
  const auto grew = [&] {
    const std::int64_t now = Version();
    const bool grown = now > last;
    last = now;
    return grown;
  };
  const std::int64_t id = Add(NewArticle("first", kNow - kDay));
  EXPECT_TRUE(grew()) << "a new article";
  auto article = articles().FindById(id);
  ASSERT_TRUE(article.ok());
  article->title = "Retitled";
  ASSERT_TRUE(articles().Update(*article, article->version, kNow, std::nullopt).ok());
  EXPECT_TRUE(grew()) << "an edit";
  ASSERT_TRUE(storage().settings().SaveSettings({{"site.name", "Daily"}}, kNow).ok());
  EXPECT_TRUE(grew()) << "a setting";
  AddCategory("sport");
  EXPECT_TRUE(grew()) << "a category";
  AddTag("zurich");
  EXPECT_TRUE(grew()) << "a tag";
}

TEST_P(ContentVersionTest, ARolledBackChangeLeavesItAlone) {
  const std::int64_t before = Version();
  const Status failed = storage().InTransaction([&]() -> Status {
    Add(NewArticle("lost", kNow - kDay));
    return MakeError(ErrorCode::kInternal, "the audit entry could not be written");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(Version(), before);
}

TEST_P(ContentVersionTest, VisitorFiguresLeaveItAlone) {
  const std::int64_t id = Add(NewArticle("read-often", kNow - kDay));
  const std::int64_t before = Version();
  StatsBatch batch;
  batch.day = LocalDate{2026, 1, 2};
  batch.visitors = 3;
  batch.page_views = 5;
  batch.article_hits = {{id, 2}};
  ASSERT_TRUE(stats().Write(batch).ok());
  EXPECT_EQ(Version(), before);
}

TEST_P(ContentVersionTest, ReadsLeaveItAlone) {
  Add(NewArticle("read", kNow - kDay));
  const std::int64_t before = Version();
  ASSERT_TRUE(articles().FindVisibleBySlug("read", kNow).ok());
  EXPECT_EQ(Version(), before);
}

TEST_P(ContentVersionTest, AChangeByAnotherConnectionIsSeen) {
  const std::int64_t before = Version();
  auto other = GetParam().open(dir_.path());
  ASSERT_TRUE(other.ok()) << other.error().message;
  std::thread writer([&] { ASSERT_TRUE((*other)->settings().SaveSettings({{"site.name", "Other"}}, kNow).ok()); });
  writer.join();
  EXPECT_GT(Version(), before);
}

TEST_P(ContentVersionTest, ManyReadsInARowSeeEachChangeAtOnce) {
  auto other = GetParam().open(dir_.path());
  ASSERT_TRUE(other.ok()) << other.error().message;
  for (int i = 0; i < 20; ++i) {
    const std::int64_t before = Version();
    EXPECT_EQ(Version(), before);
    EXPECT_EQ(Version(), before);
    ASSERT_TRUE((*other)->settings().SaveSettings({{"site.name", "Name " + std::to_string(i)}}, kNow).ok());
    EXPECT_GT(Version(), before) << "change " << i;
    StatsBatch batch;
    batch.day = LocalDate{2026, 1, 2};
    batch.visitors = i;
    ASSERT_TRUE((*other)->stats().Write(batch).ok());
    const std::int64_t after = Version();
    EXPECT_EQ(Version(), after);
  }
}

TEST_P(ContentVersionTest, ItsStatementSharesAConnectionWithEveryStoreQuery) {
  // A statement cached under another's key would run the wrong SQL ("column index out of range").
  const std::int64_t id = Add(NewArticle("discussed", kNow - kDay));
  Version();
  const auto comments = storage().comments().ListLatestApproved(id, 20);
  EXPECT_TRUE(comments.ok()) << comments.error().message;
  const auto next = articles().NextVisibilityChange(kNow);
  EXPECT_TRUE(next.ok()) << next.error().message;
  Version();
}

INSTANTIATE_TEST_SUITE_P(Backends, ContentVersionTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
