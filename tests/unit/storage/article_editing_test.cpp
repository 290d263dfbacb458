// ArticleStore's editors' side (editors' list, versioned updates, bulk state changes, revisions), run
// against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include <algorithm>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using domain::ArticleState;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr std::int64_t kEditorUser = 7;

class ArticleEditingTest : public StorageTest {
 protected:
  /// A draft created at `at` by kEditorUser.
  std::int64_t AddDraft(const std::string& slug, Timestamp at = kNow - kDay * 10) {
    auto id = articles().Create(NewArticle(slug, std::nullopt, ArticleState::kDraft), at, kEditorUser);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  domain::Article Stored(std::int64_t id) {
    auto article = articles().FindById(id);
    EXPECT_TRUE(article.ok()) << article.error().message;
    return article.ok() ? *article : domain::Article{};
  }

  std::vector<std::int64_t> EditorIds(const EditorArticleFilter& filter, std::int64_t offset = 0,
                                      std::int64_t limit = 1000) {
    auto rows = articles().ListForEditors(filter, offset, limit);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    std::vector<std::int64_t> ids;
    if (rows.ok()) {
      for (const auto& row : *rows) ids.push_back(row.id);
    }
    auto count = articles().CountForEditors(filter);
    EXPECT_TRUE(count.ok());
    if (count.ok() && offset == 0 && limit == 1000) {
      EXPECT_EQ(*count, static_cast<std::int64_t>(ids.size()));
    }
    return ids;
  }

  std::vector<std::int64_t> RevisionVersions(std::int64_t id) {
    auto revisions = articles().ListRevisions(id);
    EXPECT_TRUE(revisions.ok()) << revisions.error().message;
    std::vector<std::int64_t> versions;
    if (revisions.ok()) {
      for (const auto& r : *revisions) versions.push_back(r.version);
    }
    return versions;
  }
};

TEST_P(ArticleEditingTest, CreateKeepsTheFirstRevisionWithTagNames) {
  const std::int64_t zeta = AddTag("zeta");
  const std::int64_t alpha = AddTag("alpha");
  domain::Article a = NewArticle("first", kNow - kDay, ArticleState::kScheduled);
  a.tag_ids = {zeta, alpha};
  a.featured = true;
  a.featured_order = 4;
  a.comments_open = false;
  a.unpublish_at = kNow + kDay;
  auto id = articles().Create(a, kNow, kEditorUser);
  ASSERT_TRUE(id.ok()) << id.error().message;

  const domain::Article stored = Stored(*id);
  EXPECT_EQ(stored.version, 1);
  EXPECT_FALSE(stored.comments_open);
  EXPECT_FALSE(stored.review_requested);

  auto revisions = articles().ListRevisions(*id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 1U);
  const auto& summary = revisions->front();
  EXPECT_EQ(summary.article_id, *id);
  EXPECT_EQ(summary.version, 1);
  EXPECT_EQ(summary.saved_at, kNow);
  EXPECT_EQ(summary.saved_by, kEditorUser);
  EXPECT_EQ(summary.state, ArticleState::kScheduled);
  EXPECT_EQ(summary.title, a.title);

  auto revision = articles().FindRevision(summary.id);
  ASSERT_TRUE(revision.ok()) << revision.error().message;
  EXPECT_EQ(revision->slug, "first");
  EXPECT_EQ(revision->country, "GB");
  EXPECT_EQ(revision->category_id, category_);
  EXPECT_EQ(revision->author_id, author_);
  EXPECT_EQ(revision->tags, "Tag alpha, Tag zeta");
  EXPECT_TRUE(revision->featured);
  EXPECT_EQ(revision->featured_order, 4);
  EXPECT_FALSE(revision->comments_open);
  EXPECT_EQ(revision->publish_at, kNow - kDay);
  EXPECT_EQ(revision->unpublish_at, kNow + kDay);
  EXPECT_EQ(revision->intro_markdown, a.intro_markdown);
  EXPECT_EQ(revision->body_markdown, a.body_markdown);
}

TEST_P(ArticleEditingTest, CreateWithoutAUserKeepsARevisionSavedByNobody) {
  const std::int64_t id = Add(NewArticle("imported", kNow - kDay));
  auto revisions = articles().ListRevisions(id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 1U);
  EXPECT_FALSE(revisions->front().saved_by.has_value());
}

TEST_P(ArticleEditingTest, UpdateReplacesEditableFieldsRaisesTheVersionAndKeepsARevision) {
  const std::int64_t old_tag = AddTag("old");
  const std::int64_t new_tag = AddTag("new");
  const std::int64_t other_category = AddCategory("other");
  const std::int64_t bob = AddAuthor("bob");
  domain::Article a = NewArticle("story", kNow - kDay * 3);
  a.tag_ids = {old_tag};
  a.hits = 99;
  const std::int64_t id = Add(a);

  domain::Article changed = Stored(id);
  changed.title = "A better title";
  changed.slug = "a-better-title";
  changed.country = "";
  changed.category_id = other_category;
  changed.author_id = bob;
  changed.intro_markdown = "New intro";
  changed.intro_html = "<p>New intro</p>";
  changed.body_markdown = "New body";
  changed.body_html = "<p>New body</p>";
  changed.featured = true;
  changed.featured_order = 2;
  changed.comments_open = false;
  changed.review_requested = true;
  changed.unpublish_at = kNow + kDay;
  changed.tag_ids = {new_tag};
  changed.hits = 0;  // not editable: ignored
  auto version = articles().Update(changed, 1, kNow, kEditorUser);
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, 2);

  const domain::Article stored = Stored(id);
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.title, "A better title");
  EXPECT_EQ(stored.slug, "a-better-title");
  EXPECT_EQ(stored.country, "");
  EXPECT_EQ(stored.category_id, other_category);
  EXPECT_EQ(stored.author_id, bob);
  EXPECT_EQ(stored.intro_html, "<p>New intro</p>");
  EXPECT_EQ(stored.body_markdown, "New body");
  EXPECT_TRUE(stored.featured);
  EXPECT_EQ(stored.featured_order, 2);
  EXPECT_FALSE(stored.comments_open);
  EXPECT_TRUE(stored.review_requested);
  EXPECT_EQ(stored.unpublish_at, kNow + kDay);
  EXPECT_THAT(stored.tag_ids, ElementsAre(new_tag));
  EXPECT_EQ(stored.updated_at, kNow);
  EXPECT_EQ(stored.created_at, kNow - kDay * 1000);
  EXPECT_EQ(stored.hits, 99);
  EXPECT_THAT(RevisionVersions(id), ElementsAre(2, 1));

  // The public tag pages follow the new tags.
  ArticleFilter by_old;
  by_old.tag_id = old_tag;
  EXPECT_THAT(Ids(by_old), IsEmpty());
  ArticleFilter by_new;
  by_new.tag_id = new_tag;
  EXPECT_THAT(Ids(by_new), ElementsAre(id));
}

TEST_P(ArticleEditingTest, StaleVersionIsAConflictNamingWhenAndWritesNothing) {
  const std::int64_t tag = AddTag("kept");
  domain::Article a = NewArticle("contested", kNow - kDay);
  a.tag_ids = {tag};
  const std::int64_t id = Add(a);
  domain::Article first = Stored(id);
  first.title = "Saved by the first editor";
  ASSERT_TRUE(articles().Update(first, 1, kNow, 1).ok());

  domain::Article second = Stored(id);
  second.title = "Saved by the second editor from a stale form";
  second.tag_ids = {};
  auto stale = articles().Update(second, 1, kNow + std::chrono::seconds(60), 2);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_THAT(stale.error().message, HasSubstr("changed by someone else at 2026-01-02 12:00"));
  EXPECT_THAT(stale.error().message, HasSubstr("copy it and reload"));

  const domain::Article stored = Stored(id);
  EXPECT_EQ(stored.title, "Saved by the first editor");
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.updated_at, kNow);
  EXPECT_THAT(stored.tag_ids, ElementsAre(tag));
  EXPECT_THAT(RevisionVersions(id), ElementsAre(2, 1));
}

TEST_P(ArticleEditingTest, UpdateRefusalsWriteNothing) {
  Add(NewArticle("taken", kNow - kDay));
  const std::int64_t id = Add(NewArticle("mine", kNow - kDay));
  domain::Article a = Stored(id);

  domain::Article unknown = a;
  unknown.id = 424242;
  EXPECT_EQ(articles().Update(unknown, 1, kNow, 1).error().code, ErrorCode::kNotFound);

  domain::Article taken = a;
  taken.slug = "taken";
  auto conflict = articles().Update(taken, 1, kNow, 1);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
  EXPECT_THAT(conflict.error().message, HasSubstr("'taken'"));

  domain::Article bad_category = a;
  bad_category.category_id = 9999;
  auto invalid = articles().Update(bad_category, 1, kNow, 1);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(invalid.error().message, HasSubstr("category 9999"));

  domain::Article bad_tag = a;
  bad_tag.tag_ids = {8888};
  EXPECT_EQ(articles().Update(bad_tag, 1, kNow, 1).error().code, ErrorCode::kInvalid);

  domain::Article bad_country = a;
  bad_country.country = "gb";
  EXPECT_EQ(articles().Update(bad_country, 1, kNow, 1).error().code, ErrorCode::kInvalid);

  const domain::Article stored = Stored(id);
  EXPECT_EQ(stored.slug, "mine");
  EXPECT_EQ(stored.version, 1);
  EXPECT_THAT(RevisionVersions(id), ElementsAre(1));
}

TEST_P(ArticleEditingTest, OnlyTheNewestRevisionsAreKept) {
  const std::int64_t id = AddDraft("much-edited");
  for (std::int64_t version = 1; version <= kMaxRevisionsPerArticle + 1; ++version) {
    domain::Article a = Stored(id);
    a.body_markdown = "Body " + std::to_string(version);
    ASSERT_TRUE(articles().Update(a, version, kNow, kEditorUser).ok());
  }
  const std::vector<std::int64_t> versions = RevisionVersions(id);
  ASSERT_EQ(versions.size(), static_cast<std::size_t>(kMaxRevisionsPerArticle));
  EXPECT_EQ(versions.front(), kMaxRevisionsPerArticle + 2);
  EXPECT_EQ(versions.back(), 3);
}

TEST_P(ArticleEditingTest, BulkPublishDatesUndatedAndFutureArticlesAndKeepsRevisions) {
  const std::int64_t undated = AddDraft("undated");
  domain::Article dated = NewArticle("backdated", kNow - kDay * 5, ArticleState::kDraft);
  dated.review_requested = true;
  const std::int64_t backdated = Add(dated);
  const std::int64_t future = Add(NewArticle("future", kNow + kDay, ArticleState::kScheduled));
  const std::int64_t already = Add(NewArticle("already", kNow - kDay));

  const std::vector<std::int64_t> ids = {undated, backdated, future, already, undated};
  auto changed = articles().SetState(ids, ArticleState::kPublished, kNow, kEditorUser);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(*changed, 3);

  EXPECT_EQ(Stored(undated).publish_at, kNow);
  EXPECT_EQ(Stored(backdated).publish_at, kNow - kDay * 5);
  EXPECT_FALSE(Stored(backdated).review_requested);
  EXPECT_EQ(Stored(future).publish_at, kNow);
  for (const std::int64_t id : {undated, backdated, future}) {
    const domain::Article a = Stored(id);
    EXPECT_EQ(a.state, ArticleState::kPublished);
    EXPECT_EQ(a.version, 2);
    EXPECT_EQ(a.updated_at, kNow);
    EXPECT_THAT(RevisionVersions(id), ElementsAre(2, 1));
  }
  // Left alone: already published.
  EXPECT_EQ(Stored(already).version, 1);
  EXPECT_THAT(RevisionVersions(already), ElementsAre(1));
  EXPECT_THAT(Ids({}), UnorderedElementsAre(undated, backdated, future, already));
}

TEST_P(ArticleEditingTest, BulkArchiveAndTrashKeepDatesAndRevisions) {
  const std::int64_t one = Add(NewArticle("one", kNow - kDay));
  const std::int64_t two = Add(NewArticle("two", kNow - kDay * 2));
  ASSERT_TRUE(articles().SetState(std::vector<std::int64_t>{one}, ArticleState::kArchived, kNow, 1).ok());
  ASSERT_TRUE(articles().SetState(std::vector<std::int64_t>{two}, ArticleState::kTrashed, kNow, 1).ok());
  EXPECT_EQ(Stored(one).state, ArticleState::kArchived);
  EXPECT_EQ(Stored(one).publish_at, kNow - kDay);
  EXPECT_EQ(Stored(two).state, ArticleState::kTrashed);
  auto revisions = articles().ListRevisions(two);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 2U);
  EXPECT_EQ(revisions->front().state, ArticleState::kTrashed);
  EXPECT_EQ(revisions->front().saved_by, 1);
  EXPECT_THAT(Ids({}), IsEmpty());
}

TEST_P(ArticleEditingTest, BulkChangeWithAnUnknownIdChangesNothing) {
  const std::int64_t draft = AddDraft("draft");
  const std::vector<std::int64_t> ids = {draft, 999999};
  auto changed = articles().SetState(ids, ArticleState::kPublished, kNow, 1);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(changed.error().message, HasSubstr("999999"));
  EXPECT_EQ(Stored(draft).state, ArticleState::kDraft);
  EXPECT_EQ(Stored(draft).version, 1);
  EXPECT_THAT(RevisionVersions(draft), ElementsAre(1));
}

TEST_P(ArticleEditingTest, BulkChangeRefusesSchedulingUndatedArticlesAndTooManyIds) {
  const std::int64_t draft = AddDraft("draft");
  const std::vector<std::int64_t> one = {draft};
  EXPECT_EQ(articles().SetState(one, ArticleState::kScheduled, kNow, 1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Stored(draft).state, ArticleState::kDraft);
  const std::vector<std::int64_t> many(kMaxBulkIds + 1, draft);
  EXPECT_EQ(articles().SetState(many, ArticleState::kArchived, kNow, 1).error().code, ErrorCode::kInvalid);
}

TEST_P(ArticleEditingTest, TagsOfAnyArticleByName) {
  const std::int64_t b = *catalog().CreateTag({0, "b", "beta"});
  const std::int64_t a = *catalog().CreateTag({0, "a", "alpha"});
  domain::Article draft = NewArticle("draft", std::nullopt, ArticleState::kDraft);
  draft.tag_ids = {b, a};
  const std::int64_t id = Add(draft);
  auto tags = articles().TagsOf(id);
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 2U);
  EXPECT_EQ((*tags)[0].name, "alpha");
  EXPECT_EQ((*tags)[1].id, b);
  EXPECT_THAT(*articles().TagsOf(id + 100), IsEmpty());
}

TEST_P(ArticleEditingTest, UnknownRevisionIsNotFound) {
  EXPECT_EQ(articles().FindRevision(31337).error().code, ErrorCode::kNotFound);
  auto none = articles().ListRevisions(31337);
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(*none, IsEmpty());
}

TEST_P(ArticleEditingTest, EditorsListShowsEveryStateButTheBinUnlessAsked) {
  const std::int64_t draft = AddDraft("draft", kNow - kDay * 4);
  const std::int64_t published = Add(NewArticle("published", kNow - kDay));
  const std::int64_t trashed = Add(NewArticle("trashed", kNow - kDay, ArticleState::kTrashed));
  const std::int64_t archived = Add(NewArticle("archived", kNow - kDay, ArticleState::kArchived));

  EXPECT_THAT(EditorIds({}), UnorderedElementsAre(draft, published, archived));
  EditorArticleFilter bin;
  bin.state = ArticleState::kTrashed;
  EXPECT_THAT(EditorIds(bin), ElementsAre(trashed));
  EditorArticleFilter drafts;
  drafts.state = ArticleState::kDraft;
  EXPECT_THAT(EditorIds(drafts), ElementsAre(draft));
}

TEST_P(ArticleEditingTest, EditorsListRowsCarryStateVersionAndNames) {
  const std::int64_t id = AddDraft("row");
  domain::Article a = Stored(id);
  a.review_requested = true;
  ASSERT_TRUE(articles().Update(a, 1, kNow, kEditorUser).ok());
  auto rows = articles().ListForEditors({}, 0, 10);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1U);
  const EditorArticleRow& row = rows->front();
  EXPECT_EQ(row.id, id);
  EXPECT_EQ(row.title, "Title of row");
  EXPECT_EQ(row.slug, "row");
  EXPECT_EQ(row.country, "GB");
  EXPECT_EQ(row.state, ArticleState::kDraft);
  EXPECT_EQ(row.version, 2);
  EXPECT_FALSE(row.publish_at.has_value());
  EXPECT_EQ(row.updated_at, kNow);
  EXPECT_TRUE(row.review_requested);
  EXPECT_EQ(row.category.name, "Category news");
  EXPECT_EQ(row.author.name, "Author ada");
}

TEST_P(ArticleEditingTest, EditorsListFiltersByCategoryCountryAuthorAndReview) {
  const std::int64_t sport = AddCategory("sport");
  const std::int64_t bob = AddAuthor("bob");
  domain::Article in_sport = NewArticle("in-sport", kNow - kDay);
  in_sport.category_id = sport;
  const std::int64_t sport_id = Add(in_sport);
  domain::Article by_bob = NewArticle("by-bob", std::nullopt, ArticleState::kDraft);
  by_bob.author_id = bob;
  by_bob.country = "";
  by_bob.review_requested = true;
  const std::int64_t bob_id = Add(by_bob);
  domain::Article german = NewArticle("german", kNow - kDay);
  german.country = "DE";
  const std::int64_t german_id = Add(german);

  EditorArticleFilter f;
  f.category_id = sport;
  EXPECT_THAT(EditorIds(f), ElementsAre(sport_id));
  f = {};
  f.country = "DE";
  EXPECT_THAT(EditorIds(f), ElementsAre(german_id));
  f.country = "";
  EXPECT_THAT(EditorIds(f), ElementsAre(bob_id));
  f = {};
  f.author_id = bob;
  EXPECT_THAT(EditorIds(f), ElementsAre(bob_id));
  f = {};
  f.review_requested_only = true;
  EXPECT_THAT(EditorIds(f), ElementsAre(bob_id));
  f.author_id = author_;
  EXPECT_THAT(EditorIds(f), IsEmpty());
}

TEST_P(ArticleEditingTest, TextFilterMatchesTitleOrSlugIgnoringCase) {
  domain::Article title_match = NewArticle("first", kNow - kDay);
  title_match.title = "Council Goes DIGITAL";
  const std::int64_t by_title = Add(title_match);
  const std::int64_t by_slug = Add(NewArticle("digital-strategy", kNow - kDay));
  Add(NewArticle("unrelated", kNow - kDay));
  EditorArticleFilter f;
  f.text = "Digital";
  EXPECT_THAT(EditorIds(f), UnorderedElementsAre(by_title, by_slug));
}

TEST_P(ArticleEditingTest, TextFilterWildcardsAreLiteral) {
  auto titled = [&](const std::string& slug, const std::string& title) {
    domain::Article a = NewArticle(slug, kNow - kDay);
    a.title = title;
    return Add(a);
  };
  const std::int64_t percent = titled("one", "100% sure");
  titled("two", "1000 sure");
  const std::int64_t underscore = titled("three", "snake_case");
  titled("four", "snakeXcase");
  const std::int64_t backslash = titled("five", "C:\\path");
  titled("six", "C:path");

  EditorArticleFilter f;
  f.text = "0%";
  EXPECT_THAT(EditorIds(f), ElementsAre(percent));
  f.text = "%";
  EXPECT_THAT(EditorIds(f), ElementsAre(percent));
  f.text = "e_c";
  EXPECT_THAT(EditorIds(f), ElementsAre(underscore));
  f.text = "_";
  EXPECT_THAT(EditorIds(f), ElementsAre(underscore));
  f.text = ":\\";
  EXPECT_THAT(EditorIds(f), ElementsAre(backslash));
}

TEST_P(ArticleEditingTest, EditorsListSortsByEachWhitelistedOrderAndPages) {
  auto at = [&](const std::string& slug, const std::string& title, Timestamp updated,
                std::optional<Timestamp> published) {
    domain::Article a =
        NewArticle(slug, published, published ? ArticleState::kPublished : ArticleState::kDraft);
    a.title = title;
    auto id = articles().Create(a, updated, 1);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  };
  const std::int64_t b = at("b", "banana", kNow - kDay * 1, kNow - kDay * 9);
  const std::int64_t a = at("a", "Apple", kNow - kDay * 3, kNow - kDay * 8);
  const std::int64_t c = at("c", "cherry", kNow - kDay * 2, std::nullopt);

  EditorArticleFilter f;
  EXPECT_THAT(EditorIds(f), ElementsAre(b, c, a));
  f.descending = false;
  EXPECT_THAT(EditorIds(f), ElementsAre(a, c, b));
  f.sort = EditorSort::kTitle;
  EXPECT_THAT(EditorIds(f), ElementsAre(a, b, c));
  f.descending = true;
  EXPECT_THAT(EditorIds(f), ElementsAre(c, b, a));
  f.sort = EditorSort::kPublishAt;
  EXPECT_THAT(EditorIds(f), ElementsAre(a, b, c));  // undated last when descending
  f = {};
  EXPECT_THAT(EditorIds(f, 1, 1), ElementsAre(c));
  EXPECT_THAT(EditorIds(f, 3, 10), IsEmpty());
}

TEST_P(ArticleEditingTest, EditorsListRefusesBadWindowsAndLongText) {
  EXPECT_EQ(articles().ListForEditors({}, -1, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().ListForEditors({}, 0, 1'000'000).error().code, ErrorCode::kInvalid);
  EditorArticleFilter f;
  f.text.assign(kMaxEditorFilterTextBytes + 1, 'x');
  EXPECT_EQ(articles().ListForEditors(f, 0, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().CountForEditors(f).error().code, ErrorCode::kInvalid);
}

TEST(EditorSortNames, ParsesTheWhitelistOnly) {
  EXPECT_EQ(*ParseEditorSort("updated"), EditorSort::kUpdatedAt);
  EXPECT_EQ(*ParseEditorSort("published"), EditorSort::kPublishAt);
  EXPECT_EQ(*ParseEditorSort("title"), EditorSort::kTitle);
  for (const char* bad : {"", "Title", "title; DROP TABLE articles", "updated_at", "body_markdown"}) {
    auto sort = ParseEditorSort(bad);
    ASSERT_FALSE(sort.ok()) << bad;
    EXPECT_EQ(sort.error().code, ErrorCode::kInvalid);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticleEditingTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
