// SearchStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "gazette/storage/sqlite/connection.hpp"
#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using domain::ArticleState;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class SearchStoreTest : public StorageTest {
 protected:
  SearchStore& search() { return storage().search(); }

  /// A published article with this text, published days before now.
  std::int64_t AddText(const std::string& slug, const std::string& title, const std::string& intro,
                       const std::string& body, int days_ago = 10) {
    domain::Article a = NewArticle(slug, kNow - kDay * days_ago);
    a.title = title;
    a.intro_markdown = intro;
    a.body_markdown = body;
    return Add(a);
  }

  std::vector<std::int64_t> Found(const std::string& match, const SearchFilter& filter = {},
                                  SearchOrder order = SearchOrder::kRelevance, Timestamp now = kNow) {
    auto hits = search().Search(match, filter, order, now, 0, 100);
    EXPECT_TRUE(hits.ok()) << hits.error().message;
    std::vector<std::int64_t> ids;
    if (hits.ok()) {
      for (const auto& hit : *hits) ids.push_back(hit.article.id);
    }
    return ids;
  }
};

TEST_P(SearchStoreTest, TitleMatchRanksAboveIntroAboveBody) {
  const auto body = AddText("in-body", "Weekly notes", "Various things", "The council met on Monday.", 1);
  const auto title = AddText("in-title", "Council budget agreed", "Various things", "Nothing more.", 400);
  const auto intro = AddText("in-intro", "Weekly report", "The council agreed.", "Nothing more.", 200);
  EXPECT_THAT(Found("\"council\""), ElementsAre(title, intro, body));
}

TEST_P(SearchStoreTest, RecentArticleWinsAmongEqualMatches) {
  const auto old_one = AddText("old", "Council news", "Intro", "Body", 3000);
  const auto new_one = AddText("new", "Council news", "Intro", "Body", 2);
  EXPECT_THAT(Found("\"council\""), ElementsAre(new_one, old_one));
}

TEST_P(SearchStoreTest, NewestOrderIgnoresRelevance) {
  const auto title = AddText("in-title", "Council budget", "Intro", "Body", 300);
  const auto body = AddText("in-body", "Other", "Intro", "The council.", 3);
  EXPECT_THAT(Found("\"council\"", {}, SearchOrder::kNewest), ElementsAre(body, title));
}

TEST_P(SearchStoreTest, StemmingAndAccentFolding) {
  const auto id = AddText("zurich", "Zürich councils merge", "Intro", "Body");
  EXPECT_THAT(Found("\"council\""), ElementsAre(id));
  EXPECT_THAT(Found("\"zurich\""), ElementsAre(id));
  EXPECT_THAT(Found("\"ZÜRICH\""), ElementsAre(id));
  EXPECT_THAT(Found("\"merging\""), ElementsAre(id));
}

TEST_P(SearchStoreTest, PhrasePrefixAndExclusion) {
  const auto a = AddText("a", "Open data portal", "Intro", "Body");
  const auto b = AddText("b", "Data that is open", "Intro", "Body");
  EXPECT_THAT(Found("\"open data\""), ElementsAre(a));
  EXPECT_THAT(Found("\"port\" *"), ElementsAre(a));
  EXPECT_THAT(Found("(\"data\") NOT (\"portal\")"), ElementsAre(b));
}

TEST_P(SearchStoreTest, OnlyVisibleArticlesAreFound) {
  const auto visible = AddText("visible", "Harbour plan", "Intro", "Body");
  Add([&] {
    auto a = NewArticle("draft", std::nullopt, ArticleState::kDraft);
    a.title = "Harbour draft";
    return a;
  }());
  Add([&] {
    auto a = NewArticle("trashed", kNow - kDay, ArticleState::kTrashed);
    a.title = "Harbour trashed";
    return a;
  }());
  Add([&] {
    auto a = NewArticle("archived", kNow - kDay, ArticleState::kArchived);
    a.title = "Harbour archived";
    return a;
  }());
  const auto scheduled = Add([&] {
    auto a = NewArticle("scheduled", kNow + kDay, ArticleState::kScheduled);
    a.title = "Harbour scheduled";
    return a;
  }());
  Add([&] {
    auto a = NewArticle("expired", kNow - kDay * 5);
    a.title = "Harbour expired";
    a.unpublish_at = kNow - kDay;
    return a;
  }());
  EXPECT_THAT(Found("\"harbour\""), ElementsAre(visible));
  // The scheduled one appears when its time comes, with no write in between.
  EXPECT_THAT(Found("\"harbour\"", {}, SearchOrder::kNewest, kNow + kDay * 2), ElementsAre(scheduled, visible));
}

TEST_P(SearchStoreTest, EditIsFoundAtOnceAndOldTextIsNot) {
  const auto id = AddText("edit", "Bridge repairs", "Intro", "Body");
  auto article = articles().FindById(id);
  ASSERT_TRUE(article.ok());
  article->title = "Tunnel repairs";
  article->body_markdown = "The tunnel reopens.";
  ASSERT_TRUE(articles().Update(*article, article->version, kNow, std::nullopt).ok());
  EXPECT_THAT(Found("\"tunnel\""), ElementsAre(id));
  EXPECT_THAT(Found("\"bridge\""), IsEmpty());
}

TEST_P(SearchStoreTest, TrashedThroughStateChangeIsNoLongerFound) {
  const auto id = AddText("bin", "Ferry timetable", "Intro", "Body");
  ASSERT_THAT(Found("\"ferry\""), ElementsAre(id));
  const std::vector<std::int64_t> ids{id};
  ASSERT_TRUE(articles().SetState(ids, ArticleState::kTrashed, kNow, std::nullopt).ok());
  EXPECT_THAT(Found("\"ferry\""), IsEmpty());
}

TEST_P(SearchStoreTest, RolledBackEditLeavesTheIndexAsItWas) {
  const auto id = AddText("rollback", "Library hours", "Intro", "Body");
  const Status failed = storage().InTransaction([&]() -> Status {
    auto article = articles().FindById(id);
    if (!article.ok()) return std::move(article).error();
    article->title = "Museum hours";
    auto updated = articles().Update(*article, article->version, kNow, std::nullopt);
    if (!updated.ok()) return std::move(updated).error();
    return MakeError(ErrorCode::kConflict, "give up");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(Found("\"library\""), ElementsAre(id));
  EXPECT_THAT(Found("\"museum\""), IsEmpty());
}

TEST_P(SearchStoreTest, EachFilterNarrowsTheResults) {
  const auto other_category = AddCategory("sport");
  const auto other_author = AddAuthor("bob");
  const auto tag = AddTag("water");
  const auto base = AddText("base", "River report", "Intro", "Body", 10);
  auto in_category = NewArticle("cat", kNow - kDay * 10);
  in_category.title = "River in sport";
  in_category.category_id = other_category;
  const auto cat_id = Add(in_category);
  auto by_author = NewArticle("auth", kNow - kDay * 10);
  by_author.title = "River by bob";
  by_author.author_id = other_author;
  const auto author_id = Add(by_author);
  auto tagged = NewArticle("tagged", kNow - kDay * 10);
  tagged.title = "River tagged";
  tagged.tag_ids = {tag};
  const auto tag_id = Add(tagged);
  auto swiss = NewArticle("swiss", kNow - kDay * 10);
  swiss.title = "River in Switzerland";
  swiss.country = "CH";
  const auto swiss_id = Add(swiss);
  const auto old = AddText("old", "River of old", "Intro", "Body", 800);

  SearchFilter filter;
  filter.category_ids = {other_category};
  EXPECT_THAT(Found("\"river\"", filter), ElementsAre(cat_id));
  filter = {};
  filter.category_ids = {other_category, category_};
  EXPECT_EQ(Found("\"river\"", filter).size(), 6U);
  filter = {};
  filter.author_id = other_author;
  EXPECT_THAT(Found("\"river\"", filter), ElementsAre(author_id));
  filter = {};
  filter.tag_id = tag;
  EXPECT_THAT(Found("\"river\"", filter), ElementsAre(tag_id));
  filter = {};
  filter.country = "CH";
  EXPECT_THAT(Found("\"river\"", filter), ElementsAre(swiss_id));
  filter = {};
  filter.published_before = kNow - kDay * 400;
  EXPECT_THAT(Found("\"river\"", filter), ElementsAre(old));
  filter = {};
  filter.published_from = kNow - kDay * 400;
  EXPECT_THAT(Found("\"river\"", filter), UnorderedElementsAre(base, cat_id, author_id, tag_id, swiss_id));
}

TEST_P(SearchStoreTest, PagesAndCountAgree) {
  for (int i = 0; i < 5; ++i) AddText("p" + std::to_string(i), "Tram line " + std::to_string(i), "I", "B", i + 1);
  auto first = search().Search("\"tram\"", {}, SearchOrder::kNewest, kNow, 0, 2);
  auto last = search().Search("\"tram\"", {}, SearchOrder::kNewest, kNow, 4, 2);
  ASSERT_TRUE(first.ok() && last.ok());
  EXPECT_EQ(first->size(), 2U);
  EXPECT_EQ(last->size(), 1U);
  EXPECT_EQ(*search().Count("\"tram\"", {}, kNow, 1000), 5);
  EXPECT_EQ(*search().Count("\"tram\"", {}, kNow, 3), 3);
  EXPECT_EQ(*search().Count("\"nothing\"", {}, kNow, 1000), 0);
}

TEST_P(SearchStoreTest, SnippetMarksTheMatchesAndCarriesTheSummary) {
  const auto id = AddText("snip", "Budget day", "Intro", "The <b>council</b> voted on the budget today.");
  auto hits = search().Search("\"council\"", {}, SearchOrder::kRelevance, kNow, 0, 10);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->size(), 1U);
  EXPECT_EQ((*hits)[0].article.id, id);
  EXPECT_EQ((*hits)[0].article.slug, "snip");
  EXPECT_EQ((*hits)[0].article.author.slug, "ada");
  EXPECT_EQ((*hits)[0].article.category.slug, "news");
  EXPECT_THAT((*hits)[0].snippet,
              HasSubstr("<b>" + std::string(kSnippetMatchOpen) + "council" + std::string(kSnippetMatchClose)));
}

TEST_P(SearchStoreTest, MalformedExpressionIsInvalidNotInternal) {
  AddText("x", "Anything", "Intro", "Body");
  for (const std::string match : {"\"unbalanced", "NEAR(", "AND", "(", "", "a:b"}) {
    auto hits = search().Search(match, {}, SearchOrder::kRelevance, kNow, 0, 10);
    ASSERT_FALSE(hits.ok()) << match;
    EXPECT_EQ(hits.error().code, ErrorCode::kInvalid) << match << ": " << hits.error().message;
    auto count = search().Count(match, {}, kNow, 10);
    ASSERT_FALSE(count.ok()) << match;
    EXPECT_EQ(count.error().code, ErrorCode::kInvalid) << match;
  }
}

TEST_P(SearchStoreTest, BadWindowsAreInvalid) {
  EXPECT_EQ(search().Search("\"a\"", {}, SearchOrder::kRelevance, kNow, -1, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(search().Search("\"a\"", {}, SearchOrder::kRelevance, kNow, 0, 1001).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(search().Count("\"a\"", {}, kNow, 0).error().code, ErrorCode::kInvalid);
  SearchFilter many;
  many.category_ids.assign(kMaxSearchCategories + 1, 1);
  EXPECT_EQ(search().Search("\"a\"", many, SearchOrder::kRelevance, kNow, 0, 10).error().code, ErrorCode::kInvalid);
}

TEST_P(SearchStoreTest, WordsInMoreArticlesThanCandidatesStillRankByColumnAndStopAtTheNewest) {
  ASSERT_TRUE(storage().InTransaction([&]() -> Status {
    for (std::int64_t i = 0; i < kMaxCandidates + 10; ++i) {
      AddText("many-" + std::to_string(i), "Weekly notes " + std::to_string(i), "Intro", "A common word.", 5);
    }
    return OkStatus();
  }).ok());
  const auto title = AddText("title", "Common ground", "Intro", "Body", 900);
  const auto intro = AddText("intro", "Other", "The common view.", "Body", 800);
  auto hits = search().Search("\"common\"", {}, SearchOrder::kRelevance, kNow, 0, 3);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->size(), 3U);
  EXPECT_EQ((*hits)[0].article.id, title);
  EXPECT_EQ((*hits)[1].article.id, intro);
  EXPECT_EQ(*search().Count("\"common\"", {}, kNow, 1'000'000), kMaxCandidates);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
