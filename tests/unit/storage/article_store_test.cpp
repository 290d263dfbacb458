// ArticleStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include <algorithm>
#include <set>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using domain::ArticleState;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class ArticleStoreTest : public StorageTest {};

TEST_P(ArticleStoreTest, CreateThenFindByIdRoundTripsEveryField) {
  const std::int64_t tag_a = AddTag("cloud");
  const std::int64_t tag_b = AddTag("identity");
  domain::Article a = NewArticle("zurich-goes-digital", kNow - kDay);
  a.title = "Zürich goes digital";
  a.country = "CH";
  a.unpublish_at = kNow + kDay * 30;
  a.featured = true;
  a.featured_order = 3;
  a.hits = 42;
  a.tag_ids = {tag_b, tag_a, tag_b};  // duplicates are stored once
  const std::int64_t id = Add(a);

  auto found = articles().FindById(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->title, "Zürich goes digital");
  EXPECT_EQ(found->slug, a.slug);
  EXPECT_EQ(found->country, "CH");
  EXPECT_EQ(found->category_id, category_);
  EXPECT_EQ(found->author_id, author_);
  EXPECT_EQ(found->intro_markdown, a.intro_markdown);
  EXPECT_EQ(found->intro_html, a.intro_html);
  EXPECT_EQ(found->body_markdown, a.body_markdown);
  EXPECT_EQ(found->body_html, a.body_html);
  EXPECT_EQ(found->state, ArticleState::kPublished);
  EXPECT_EQ(found->publish_at, a.publish_at);
  EXPECT_EQ(found->unpublish_at, a.unpublish_at);
  EXPECT_TRUE(found->featured);
  EXPECT_EQ(found->featured_order, 3);
  EXPECT_EQ(found->created_at, kNow - kDay * 1000);
  EXPECT_EQ(found->updated_at, kNow - kDay * 1000);
  EXPECT_EQ(found->hits, 42);
  EXPECT_THAT(found->tag_ids, ElementsAre(tag_a, tag_b));
}

TEST_P(ArticleStoreTest, FindByIdOfUnknownIdIsNotFound) {
  auto found = articles().FindById(12345);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
}

TEST_P(ArticleStoreTest, DraftWithoutPublishDateRoundTrips) {
  domain::Article a = NewArticle("draft", std::nullopt, ArticleState::kDraft);
  a.country = "";
  auto found = articles().FindById(Add(a));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->state, ArticleState::kDraft);
  EXPECT_FALSE(found->publish_at.has_value());
  EXPECT_EQ(found->country, "");
}

struct VisibilityCase {
  const char* name;
  ArticleState state;
  std::optional<std::int64_t> publish_offset;  // seconds from kNow
  std::optional<std::int64_t> unpublish_offset;
};

TEST_P(ArticleStoreTest, VisibilityAgreesWithDomainRuleForEveryCase) {
  const std::vector<VisibilityCase> cases = {
      {"draft-past", ArticleState::kDraft, -3600, std::nullopt},
      {"draft-undated", ArticleState::kDraft, std::nullopt, std::nullopt},
      {"scheduled-future", ArticleState::kScheduled, 3600, std::nullopt},
      {"scheduled-past", ArticleState::kScheduled, -3600, std::nullopt},
      {"published-past", ArticleState::kPublished, -3600, std::nullopt},
      {"published-now", ArticleState::kPublished, 0, std::nullopt},
      {"published-future", ArticleState::kPublished, 60, std::nullopt},
      {"published-undated", ArticleState::kPublished, std::nullopt, std::nullopt},
      {"unpublished-past", ArticleState::kPublished, -7200, -60},
      {"unpublished-now", ArticleState::kPublished, -7200, 0},
      {"unpublished-future", ArticleState::kPublished, -7200, 60},
      {"scheduled-window-open", ArticleState::kScheduled, -7200, 3600},
      {"archived-past", ArticleState::kArchived, -3600, std::nullopt},
      {"trashed-past", ArticleState::kTrashed, -3600, std::nullopt},
  };
  std::set<std::int64_t> expected_visible;
  for (const auto& c : cases) {
    domain::Article a = NewArticle(c.name, std::nullopt, c.state);
    if (c.publish_offset) a.publish_at = kNow + std::chrono::seconds(*c.publish_offset);
    if (c.unpublish_offset) a.unpublish_at = kNow + std::chrono::seconds(*c.unpublish_offset);
    const std::int64_t id = Add(a);
    const bool visible = domain::IsVisible(a.state, a.publish_at, a.unpublish_at, kNow);
    if (visible) expected_visible.insert(id);

    auto page = articles().FindVisibleBySlug(c.name, kNow);
    EXPECT_EQ(page.ok(), visible) << c.name;
    if (!page.ok()) {
      EXPECT_EQ(page.error().code, ErrorCode::kNotFound) << c.name;
    }
  }
  const std::vector<std::int64_t> listed = Ids({});
  EXPECT_EQ(std::set<std::int64_t>(listed.begin(), listed.end()), expected_visible);
  EXPECT_EQ(listed.size(), expected_visible.size());
  auto count = articles().CountVisible(kNow - kDay, kNow + kDay, kNow);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, static_cast<std::int64_t>(expected_visible.size()));
  // The table must exercise both answers, or it proves nothing.
  EXPECT_GE(expected_visible.size(), 4U);
  EXPECT_LT(expected_visible.size(), cases.size());
}

TEST_P(ArticleStoreTest, ListsNewestFirstWithIdBreakingTies) {
  const std::int64_t old_one = Add(NewArticle("old", kNow - kDay * 3));
  const std::int64_t tie_first = Add(NewArticle("tie-1", kNow - kDay));
  const std::int64_t tie_second = Add(NewArticle("tie-2", kNow - kDay));
  const std::int64_t newest = Add(NewArticle("new", kNow - std::chrono::seconds(1)));
  EXPECT_THAT(Ids({}), ElementsAre(newest, tie_second, tie_first, old_one));
}

TEST_P(ArticleStoreTest, SummariesCarryAuthorAndCategory) {
  Add(NewArticle("one", kNow - kDay));
  auto rows = articles().ListVisible({}, kNow, 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1U);
  const auto& s = rows->front();
  EXPECT_EQ(s.title, "Title of one");
  EXPECT_EQ(s.slug, "one");
  EXPECT_EQ(s.country, "GB");
  EXPECT_EQ(s.intro_html, "<p>Intro <em>one</em></p>");
  EXPECT_EQ(s.publish_at, kNow - kDay);
  EXPECT_EQ(s.category.id, category_);
  EXPECT_EQ(s.category.slug, "news");
  EXPECT_EQ(s.category.name, "Category news");
  EXPECT_EQ(s.author.id, author_);
  EXPECT_EQ(s.author.slug, "ada");
  EXPECT_EQ(s.author.name, "Author ada");
  EXPECT_EQ(s.author.role, "Editor");
  EXPECT_EQ(s.author.organisation, "Org of ada");
}

TEST_P(ArticleStoreTest, PagesCoverEveryVisibleArticleExactlyOnceAroundExclusions) {
  std::vector<std::int64_t> visible;
  for (int i = 0; i < 57; ++i) {
    // Every third article shares its instant with the previous one, to test ties across page borders.
    const auto at = kNow - std::chrono::seconds(3600 * (i - i % 3 / 2));
    visible.push_back(Add(NewArticle("a-" + std::to_string(i), at)));
    if (i % 10 == 0) Add(NewArticle("hidden-" + std::to_string(i), at, ArticleState::kDraft));
  }
  ArticleFilter filter;
  filter.exclude_ids = {visible[0], visible[20], visible[56]};
  std::vector<std::int64_t> seen;
  const std::int64_t page_size = 10;
  for (std::int64_t page = 0;; ++page) {
    const auto ids = Ids(filter, page * page_size, page_size + 1);
    ASSERT_LE(ids.size(), static_cast<std::size_t>(page_size + 1));
    seen.insert(seen.end(), ids.begin(), ids.begin() + std::min<std::size_t>(ids.size(), page_size));
    if (ids.size() <= static_cast<std::size_t>(page_size)) break;
    ASSERT_LT(page, 10) << "pagination does not end";
  }
  std::vector<std::int64_t> expected;
  for (const std::int64_t id : visible) {
    if (std::find(filter.exclude_ids.begin(), filter.exclude_ids.end(), id) == filter.exclude_ids.end()) {
      expected.push_back(id);
    }
  }
  // The whole list in one window is the reference order.
  EXPECT_EQ(seen, Ids(filter));
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, expected);
}

TEST_P(ArticleStoreTest, FiltersByCategoryAuthorTagAndDateRange) {
  const std::int64_t europe = AddCategory("europe");
  const std::int64_t poland = AddCategory("poland", europe);
  const std::int64_t bob = AddAuthor("bob");
  const std::int64_t cloud = AddTag("cloud");
  const std::int64_t health = AddTag("health");

  domain::Article in_poland = NewArticle("lodz", kNow - kDay * 2);
  in_poland.category_id = poland;
  in_poland.tag_ids = {cloud};
  const std::int64_t lodz = Add(in_poland);

  domain::Article by_bob = NewArticle("bob-writes", kNow - kDay * 5);
  by_bob.author_id = bob;
  by_bob.tag_ids = {cloud, health};
  const std::int64_t bobs = Add(by_bob);

  domain::Article europe_hidden = NewArticle("europe-draft", kNow - kDay, ArticleState::kDraft);
  europe_hidden.category_id = europe;
  europe_hidden.tag_ids = {cloud};
  Add(europe_hidden);

  domain::Article future_tagged = NewArticle("tomorrow", kNow + kDay, ArticleState::kScheduled);
  future_tagged.tag_ids = {cloud};
  Add(future_tagged);

  const std::int64_t plain = Add(NewArticle("plain", kNow - kDay * 10));

  ArticleFilter f;
  f.category_id = poland;
  EXPECT_THAT(Ids(f), ElementsAre(lodz));
  f.category_id = europe;  // its own articles only, not its subcategories'
  EXPECT_THAT(Ids(f), IsEmpty());

  ArticleFilter by_author;
  by_author.author_id = bob;
  EXPECT_THAT(Ids(by_author), ElementsAre(bobs));

  ArticleFilter by_tag;
  by_tag.tag_id = cloud;
  EXPECT_THAT(Ids(by_tag), ElementsAre(lodz, bobs));
  by_tag.tag_id = health;
  EXPECT_THAT(Ids(by_tag), ElementsAre(bobs));

  ArticleFilter range;
  range.published_from = kNow - kDay * 5;    // inclusive
  range.published_before = kNow - kDay * 2;  // exclusive
  EXPECT_THAT(Ids(range), ElementsAre(bobs));
  range.tag_id = cloud;
  EXPECT_THAT(Ids(range), ElementsAre(bobs));

  ArticleFilter combined;
  combined.author_id = author_;
  combined.exclude_ids = {lodz};
  EXPECT_THAT(Ids(combined), ElementsAre(plain));
}

TEST_P(ArticleStoreTest, RejectsBadWindowsAndTooManyExclusions) {
  EXPECT_EQ(articles().ListVisible({}, kNow, -1, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().ListVisible({}, kNow, 0, -1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().ListVisible({}, kNow, 0, 1'000'000).error().code, ErrorCode::kInvalid);
  ArticleFilter f;
  f.exclude_ids.assign(10'000, 1);
  EXPECT_EQ(articles().ListVisible(f, kNow, 0, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(articles().ListFeatured(kNow, -5).error().code, ErrorCode::kInvalid);
}

TEST_P(ArticleStoreTest, FeaturedListFollowsFeaturedOrderAndVisibility) {
  auto featured = [&](const std::string& slug, Timestamp at, int order, ArticleState state) {
    domain::Article a = NewArticle(slug, at, state);
    a.featured = true;
    a.featured_order = order;
    return Add(a);
  };
  const std::int64_t second = featured("second", kNow - kDay, 2, ArticleState::kPublished);
  const std::int64_t first = featured("first", kNow - kDay * 3, 1, ArticleState::kPublished);
  featured("hidden", kNow - kDay, 0, ArticleState::kArchived);
  Add(NewArticle("not-featured", kNow - kDay));
  auto rows = articles().ListFeatured(kNow, 10);
  ASSERT_TRUE(rows.ok());
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows) ids.push_back(r.id);
  EXPECT_THAT(ids, ElementsAre(first, second));
  EXPECT_TRUE(rows->front().featured);
}

TEST_P(ArticleStoreTest, FindVisibleBySlugReturnsAuthorCategoryAndTags) {
  const std::int64_t b = AddTag("b-tag");
  const std::int64_t a = AddTag("a-tag");
  domain::Article article = NewArticle("with-tags", kNow - kDay);
  article.tag_ids = {b, a};
  const std::int64_t id = Add(article);
  auto page = articles().FindVisibleBySlug("with-tags", kNow);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->article.id, id);
  EXPECT_EQ(page->article.body_html, article.body_html);
  EXPECT_EQ(page->category.slug, "news");
  EXPECT_EQ(page->author.name, "Author ada");
  EXPECT_EQ(page->author.organisation, "Org of ada");
  EXPECT_EQ(page->author_bio, "Bio of ada");
  ASSERT_EQ(page->tags.size(), 2U);
  EXPECT_EQ(page->tags[0].slug, "a-tag");  // by name
  EXPECT_EQ(page->tags[1].slug, "b-tag");
  EXPECT_EQ(articles().FindVisibleBySlug("missing", kNow).error().code, ErrorCode::kNotFound);
}

TEST_P(ArticleStoreTest, NeighboursAreTheAdjacentVisibleArticles) {
  const std::int64_t oldest = Add(NewArticle("oldest", kNow - kDay * 4));
  Add(NewArticle("hidden", kNow - kDay * 3, ArticleState::kDraft));
  const std::int64_t tie_a = Add(NewArticle("tie-a", kNow - kDay * 2));
  const std::int64_t tie_b = Add(NewArticle("tie-b", kNow - kDay * 2));
  const std::int64_t newest = Add(NewArticle("newest", kNow - kDay));
  Add(NewArticle("future", kNow + kDay, ArticleState::kScheduled));

  auto middle = articles().FindById(tie_a);
  ASSERT_TRUE(middle.ok());
  auto n = articles().FindNeighbours(*middle, kNow);
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(n->older && n->newer);
  EXPECT_EQ(n->older->id, oldest);
  EXPECT_EQ(n->newer->id, tie_b);

  auto last = articles().FindById(newest);
  ASSERT_TRUE(last.ok());
  n = articles().FindNeighbours(*last, kNow);
  ASSERT_TRUE(n.ok());
  EXPECT_FALSE(n->newer.has_value());
  ASSERT_TRUE(n->older.has_value());
  EXPECT_EQ(n->older->id, tie_b);

  auto first = articles().FindById(oldest);
  ASSERT_TRUE(first.ok());
  n = articles().FindNeighbours(*first, kNow);
  ASSERT_TRUE(n.ok());
  EXPECT_FALSE(n->older.has_value());
  ASSERT_TRUE(n->newer.has_value());
  EXPECT_EQ(n->newer->id, tie_a);
}

TEST_P(ArticleStoreTest, NextVisibilityChangeIsTheEarliestFuturePublishOrUnpublish) {
  auto next = articles().NextVisibilityChange(kNow);
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->has_value());

  Add(NewArticle("draft-soon", kNow + std::chrono::seconds(10), ArticleState::kDraft));
  Add(NewArticle("past", kNow - kDay));
  Add(NewArticle("scheduled", kNow + std::chrono::seconds(500), ArticleState::kScheduled));
  next = articles().NextVisibilityChange(kNow);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, kNow + std::chrono::seconds(500));

  domain::Article expiring = NewArticle("expiring", kNow - kDay);
  expiring.unpublish_at = kNow + std::chrono::seconds(200);
  Add(expiring);
  next = articles().NextVisibilityChange(kNow);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, kNow + std::chrono::seconds(200));

  // Strictly after now: an instant equal to now has already happened.
  next = articles().NextVisibilityChange(kNow + std::chrono::seconds(200));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, kNow + std::chrono::seconds(500));
}

TEST_P(ArticleStoreTest, CountVisibleCountsTheHalfOpenRange) {
  Add(NewArticle("a", kNow - kDay * 2));
  Add(NewArticle("b", kNow - kDay));
  Add(NewArticle("c", kNow - kDay, ArticleState::kTrashed));
  auto count = articles().CountVisible(kNow - kDay * 2, kNow - kDay, kNow);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
}

TEST_P(ArticleStoreTest, TakenSlugIsAConflictNamingTheSlug) {
  Add(NewArticle("same", kNow - kDay));
  auto second = articles().Create(NewArticle("same", kNow), kNow);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_THAT(second.error().message, HasSubstr("'same'"));
}

TEST_P(ArticleStoreTest, UnknownCategoryAuthorOrTagIsInvalidAndLeavesNothingBehind) {
  domain::Article a = NewArticle("orphan", kNow - kDay);
  a.category_id = 999;
  auto created = articles().Create(a, kNow);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(created.error().message, HasSubstr("category 999"));

  a = NewArticle("orphan", kNow - kDay);
  a.author_id = 998;
  created = articles().Create(a, kNow);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(created.error().message, HasSubstr("author 998"));

  a = NewArticle("orphan", kNow - kDay);
  a.tag_ids = {997};
  created = articles().Create(a, kNow);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(created.error().message, HasSubstr("tag 997"));
  EXPECT_THAT(Ids({}), IsEmpty());
  // The slug is still free: the failed attempts were rolled back.
  EXPECT_TRUE(articles().Create(NewArticle("orphan", kNow - kDay), kNow).ok());
}

TEST_P(ArticleStoreTest, RejectsMalformedArticles) {
  domain::Article a = NewArticle("x", kNow);
  a.country = "gb";
  EXPECT_EQ(articles().Create(a, kNow).error().code, ErrorCode::kInvalid);
  a.country = "GBR";
  EXPECT_EQ(articles().Create(a, kNow).error().code, ErrorCode::kInvalid);
  a = NewArticle("", kNow);
  EXPECT_EQ(articles().Create(a, kNow).error().code, ErrorCode::kInvalid);
  a = NewArticle("y", kNow);
  a.title.clear();
  EXPECT_EQ(articles().Create(a, kNow).error().code, ErrorCode::kInvalid);
  a = NewArticle("z", kNow);
  a.tag_ids.assign(1000, 1);
  EXPECT_EQ(articles().Create(a, kNow).error().code, ErrorCode::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticleStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
