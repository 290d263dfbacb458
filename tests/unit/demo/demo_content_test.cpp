// GenerateDemoContent: deterministic, complete, and shaped as the site needs it (through Storage only).
#include "gazette/demo/demo_content.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "gazette/domain/slug.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::demo {
namespace {

using ::testing::HasSubstr;

/// Friday 2 January 2026, 10:30 in Warsaw (09:30 UTC).
const Timestamp kNow = TimestampFromUnix(1767346200);
constexpr std::int64_t kArticles = 300;

class DemoContentTest : public ::testing::Test {
 protected:
  std::unique_ptr<storage::Storage> Open(const std::string& name) {
    auto opened = storage::OpenSqliteStorage(dir_ / name, storage::SqliteOpenMode::kCreate);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  std::unique_ptr<storage::Storage> Generate(const std::string& name, std::uint64_t seed,
                                             std::int64_t articles = kArticles) {
    auto storage = Open(name);
    if (!storage) return nullptr;
    Status s = GenerateDemoContent(*storage, {articles, seed}, kNow, zone_);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return storage;
  }

  /// Every stored article (ids are 1..n in a fresh database), in id order.
  static std::vector<domain::Article> AllArticles(storage::Storage& storage) {
    std::vector<domain::Article> out;
    for (std::int64_t id = 1;; ++id) {
      auto a = storage.articles().FindById(id);
      if (!a.ok()) break;
      out.push_back(std::move(a).value());
    }
    return out;
  }

  /// FNV-1a over every field of every article, the categories and the visible lists' authors.
  static std::uint64_t Digest(storage::Storage& storage) {
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::string_view s) {
      for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      h = (h ^ 0xff) * 1099511628211ULL;
    };
    auto mix_int = [&](std::int64_t v) { mix(std::to_string(v)); };
    for (const auto& a : AllArticles(storage)) {
      mix(a.title), mix(a.slug), mix(a.country), mix_int(a.category_id), mix_int(a.author_id);
      mix(a.intro_markdown), mix(a.intro_html), mix(a.body_markdown), mix(a.body_html);
      mix(domain::ArticleStateName(a.state)), mix_int(a.publish_at ? ToUnix(*a.publish_at) : -1);
      mix_int(a.featured), mix_int(a.featured_order), mix_int(ToUnix(a.created_at)), mix_int(a.hits);
      for (auto t : a.tag_ids) mix_int(t);
    }
    auto categories = storage.catalog().ListCategories();
    for (const auto& c : *categories) mix(c.slug), mix(c.name), mix_int(c.parent_id.value_or(0));
    auto rows = storage.articles().ListVisible({}, kNow, 0, 1000);
    for (const auto& r : *rows) mix(r.author.name), mix(r.author.role), mix(r.author.organisation);
    return h;
  }

  gazette::testing::TempDir dir_;
  TimeZone zone_ = TimeZone::Load("Europe/Warsaw").value();
};

TEST_F(DemoContentTest, SameSeedGivesIdenticalContent) {
  auto a = Generate("a.db", 7);
  auto b = Generate("b.db", 7);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(Digest(*a), Digest(*b));
}

TEST_F(DemoContentTest, DifferentSeedGivesDifferentContent) {
  auto a = Generate("a.db", 7);
  auto b = Generate("b.db", 8);
  ASSERT_TRUE(a && b);
  EXPECT_NE(Digest(*a), Digest(*b));
}

TEST_F(DemoContentTest, StoresTheRequestedNumberVisibleOrScheduledAsDesigned) {
  auto s = Generate("demo.db", 1);
  ASSERT_TRUE(s);
  const auto all = AllArticles(*s);
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kArticles));
  int visible = 0;
  int scheduled_future = 0;
  for (const auto& a : all) {
    if (domain::IsVisible(a.state, a.publish_at, a.unpublish_at, kNow)) {
      ++visible;
    } else {
      EXPECT_EQ(a.state, domain::ArticleState::kScheduled) << a.slug;
      ASSERT_TRUE(a.publish_at.has_value());
      EXPECT_GT(*a.publish_at, kNow);
      EXPECT_LE(*a.publish_at, kNow + std::chrono::hours(24 * 8));
      ++scheduled_future;
    }
    EXPECT_GE(*a.publish_at, TimestampFromUnix(978307200 - 3600)) << "before 2001 (local)";
    EXPECT_FALSE(a.intro_html.empty());
    EXPECT_THAT(a.body_html, HasSubstr("<h2>"));
    EXPECT_THAT(a.body_html, HasSubstr("<ul>"));
    EXPECT_THAT(a.body_html, HasSubstr("<em>"));
    EXPECT_THAT(a.body_html, HasSubstr("<a href=\"https://example.org/"));
    EXPECT_GE(a.tag_ids.size(), 1U);
    EXPECT_LE(a.tag_ids.size(), 4U);
  }
  EXPECT_GE(scheduled_future, 2);
  EXPECT_EQ(visible + scheduled_future, kArticles);
  auto count = s->articles().CountVisible(TimestampFromUnix(0), kNow + std::chrono::hours(1), kNow);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, visible);
  auto next = s->articles().NextVisibilityChange(kNow);
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(next->has_value());
}

TEST_F(DemoContentTest, CoversTheArchiveFrom2001WithArticlesTodayAndYesterday) {
  auto s = Generate("demo.db", 3);
  ASSERT_TRUE(s);
  const LocalDate today = zone_.DateOf(kNow);
  const Timestamp start_today = zone_.StartOfDay(today);
  const Timestamp start_yesterday = zone_.StartOfDay(today.PreviousDay());
  auto on_today = s->articles().CountVisible(start_today, kNow + std::chrono::seconds(1), kNow);
  auto on_yesterday = s->articles().CountVisible(start_yesterday, start_today, kNow);
  auto in_2001 =
      s->articles().CountVisible(zone_.StartOfDay({2001, 1, 1}), zone_.StartOfDay({2002, 1, 1}), kNow);
  ASSERT_TRUE(on_today.ok() && on_yesterday.ok() && in_2001.ok());
  EXPECT_GE(*on_today, 2);
  EXPECT_GE(*on_yesterday, 2);
  EXPECT_GE(*in_2001, 5);
}

TEST_F(DemoContentTest, FeaturesThreeToFiveWithARecentLead) {
  auto s = Generate("demo.db", 5);
  ASSERT_TRUE(s);
  auto featured = s->articles().ListFeatured(kNow, 10);
  ASSERT_TRUE(featured.ok());
  EXPECT_GE(featured->size(), 3U);
  EXPECT_LE(featured->size(), 5U);
  EXPECT_GE(featured->front().publish_at, kNow - std::chrono::hours(24 * 7));
  for (const auto& f : *featured) EXPECT_TRUE(f.featured);
}

TEST_F(DemoContentTest, APanelsIntroNamesNoNumberOfExpertsItsPanelCouldContradict) {
  auto s = Generate("demo.db", 5);
  ASSERT_TRUE(s);
  int panels = 0;
  for (const auto& article : AllArticles(*s)) {
    auto panel = s->panels().FindByArticle(article.id);
    ASSERT_TRUE(panel.ok());
    if (!panel->has_value()) continue;
    ++panels;
    EXPECT_GE((*panel)->contributions.size(), 3u);
    EXPECT_LE((*panel)->contributions.size(), 5u);
    EXPECT_TRUE(article.intro_markdown.starts_with("We asked practitioners from")) << article.intro_markdown;
  }
  EXPECT_GT(panels, 0);
}

TEST_F(DemoContentTest, HasLabelsCategoriesAuthorsTagsAndAccentedPlaces) {
  auto s = Generate("demo.db", 11, 600);
  ASSERT_TRUE(s);
  const auto all = AllArticles(*s);
  std::set<std::string> countries;
  std::set<std::int64_t> authors;
  std::set<std::int64_t> tags;
  int unlabelled = 0;
  std::string text;
  for (const auto& a : all) {
    if (a.country.empty()) {
      ++unlabelled;
    } else {
      EXPECT_TRUE(domain::IsValidCountryLabel(a.country));
      countries.insert(a.country);
    }
    authors.insert(a.author_id);
    tags.insert(a.tag_ids.begin(), a.tag_ids.end());
    text += a.title + a.intro_markdown + a.body_markdown;
  }
  EXPECT_GE(countries.size(), 25U);
  EXPECT_GT(unlabelled, static_cast<int>(all.size()) * 8 / 100);
  EXPECT_LT(unlabelled, static_cast<int>(all.size()) * 25 / 100);
  EXPECT_GE(authors.size(), 40U);
  EXPECT_GE(tags.size(), 55U);
  for (const char* place :
       {"Zürich", "Łódź", "Malmö", "Kraków", "Göteborg", "São Paulo", "Besançon", "Düsseldorf"}) {
    EXPECT_THAT(text, HasSubstr(place));
  }
  auto categories = s->catalog().ListCategories();
  ASSERT_TRUE(categories.ok());
  EXPECT_GE(categories->size(), 28U);
  auto poland = s->catalog().FindCategoryBySlug("poland");
  auto europe = s->catalog().FindCategoryBySlug("europe");
  ASSERT_TRUE(poland.ok() && europe.ok());
  EXPECT_EQ(poland->parent_id, europe->id);
  auto author = s->articles().ListVisible({}, kNow, 0, 1);
  ASSERT_TRUE(author.ok());
  EXPECT_FALSE(author->front().author.role.empty());
  EXPECT_FALSE(author->front().author.organisation.empty());
}

TEST_F(DemoContentTest, SlugsAreUniqueAndValid) {
  auto s = Generate("demo.db", 13);
  ASSERT_TRUE(s);
  std::set<std::string> slugs;
  for (const auto& a : AllArticles(*s)) {
    EXPECT_TRUE(slugs.insert(a.slug).second) << a.slug;
    EXPECT_TRUE(domain::IsValidSlug(a.slug)) << a.slug;
  }
}

TEST_F(DemoContentTest, TinySitesWork) {
  for (std::int64_t n : {1, 2, 5}) {
    auto s = Generate("tiny-" + std::to_string(n) + ".db", 1, n);
    ASSERT_TRUE(s);
    EXPECT_EQ(AllArticles(*s).size(), static_cast<std::size_t>(n));
    auto featured = s->articles().ListFeatured(kNow, 10);
    ASSERT_TRUE(featured.ok());
    EXPECT_GE(featured->size(), 1U);
  }
}

TEST_F(DemoContentTest, OptionsOutOfRangeAreInvalid) {
  auto s = Open("demo.db");
  ASSERT_TRUE(s);
  for (std::int64_t n : {std::int64_t{0}, std::int64_t{-5}, std::int64_t{1'000'001}}) {
    Status status = GenerateDemoContent(*s, {n, 1}, kNow, zone_);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  }
  Status too_early = GenerateDemoContent(*s, {10, 1}, TimestampFromUnix(0), zone_);
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.error().code, ErrorCode::kInvalid);
}

TEST_F(DemoContentTest, RefusesAStoreThatAlreadyHasContent) {
  auto s = Generate("demo.db", 1, 10);
  ASSERT_TRUE(s);
  Status again = GenerateDemoContent(*s, {10, 1}, kNow, zone_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace gazette::demo
