// CatalogStore's back-office side (editing categories, tags and authors), run against every backend
// (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class CatalogEditingTest : public StorageTest {
 protected:
  domain::Category Category(const std::string& slug) {
    auto found = catalog().FindCategoryBySlug(slug);
    EXPECT_TRUE(found.ok()) << slug;
    return found.ok() ? *found : domain::Category{};
  }
  std::vector<std::int64_t> CategoryOrder() {
    auto all = catalog().ListCategories();
    EXPECT_TRUE(all.ok());
    std::vector<std::int64_t> ids;
    if (all.ok()) {
      for (const auto& c : *all) ids.push_back(c.id);
    }
    return ids;
  }
  std::int64_t Tagged(const std::string& slug, std::vector<std::int64_t> tags) {
    domain::Article a = NewArticle(slug, kNow - kDay);
    a.tag_ids = std::move(tags);
    return Add(a);
  }
  std::vector<std::int64_t> TagsOf(std::int64_t article) {
    auto a = articles().FindById(article);
    EXPECT_TRUE(a.ok());
    return a.ok() ? a->tag_ids : std::vector<std::int64_t>{};
  }
};

TEST_P(CatalogEditingTest, UpdateCategoryRenamesAndMovesItLastAmongItsNewSiblings) {
  const std::int64_t europe = AddCategory("europe");
  const std::int64_t poland = AddCategory("poland", europe, 5);
  const std::int64_t world = AddCategory("world");
  domain::Category moved = Category("world");
  moved.name = "World news";
  moved.slug = "world-news";
  moved.description = "Everywhere else";
  moved.parent_id = europe;
  ASSERT_TRUE(catalog().UpdateCategory(moved).ok());
  const domain::Category stored = Category("world-news");
  EXPECT_EQ(stored.id, world);
  EXPECT_EQ(stored.name, "World news");
  EXPECT_EQ(stored.description, "Everywhere else");
  EXPECT_EQ(stored.parent_id, europe);
  EXPECT_EQ(stored.position, 6);
  EXPECT_EQ(Category("poland").id, poland);

  // Staying in place keeps the position.
  domain::Category renamed = Category("poland");
  renamed.name = "Polska";
  ASSERT_TRUE(catalog().UpdateCategory(renamed).ok());
  EXPECT_EQ(Category("poland").position, 5);
}

TEST_P(CatalogEditingTest, UpdateCategoryRefusesCycles) {
  const std::int64_t europe = AddCategory("europe");
  const std::int64_t poland = AddCategory("poland", europe);
  const std::int64_t lodz = AddCategory("lodz", poland);

  domain::Category self = Category("europe");
  self.parent_id = europe;
  EXPECT_EQ(catalog().UpdateCategory(self).error().code, ErrorCode::kInvalid);

  domain::Category into_grandchild = Category("europe");
  into_grandchild.parent_id = lodz;
  auto refused = catalog().UpdateCategory(into_grandchild);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(refused.error().message, HasSubstr("subcategories"));
  EXPECT_FALSE(Category("europe").parent_id.has_value());

  // Moving a leaf up is no cycle.
  domain::Category up = Category("lodz");
  up.parent_id = europe;
  EXPECT_TRUE(catalog().UpdateCategory(up).ok());
  EXPECT_EQ(Category("lodz").parent_id, europe);
}

TEST_P(CatalogEditingTest, UpdateCategoryRefusalsForUnknownIdsAndTakenSlugs) {
  AddCategory("sport");
  domain::Category c = Category("news");
  c.id = 9999;
  EXPECT_EQ(catalog().UpdateCategory(c).error().code, ErrorCode::kNotFound);
  c = Category("news");
  c.parent_id = 8888;
  EXPECT_EQ(catalog().UpdateCategory(c).error().code, ErrorCode::kNotFound);
  c = Category("news");
  c.slug = "sport";
  EXPECT_EQ(catalog().UpdateCategory(c).error().code, ErrorCode::kConflict);
  c = Category("news");
  c.name = "";
  EXPECT_EQ(catalog().UpdateCategory(c).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Category("news").name, "Category news");
}

TEST_P(CatalogEditingTest, ReorderCategoriesSetsTheOrderOfOneLevel) {
  const std::int64_t europe = AddCategory("europe", std::nullopt, 1);
  const std::int64_t poland = AddCategory("poland", europe, 0);
  const std::int64_t germany = AddCategory("germany", europe, 1);
  const std::vector<std::int64_t> top = {europe, category_};
  ASSERT_TRUE(catalog().ReorderCategories(std::nullopt, top).ok());
  const std::vector<std::int64_t> children = {germany, poland};
  ASSERT_TRUE(catalog().ReorderCategories(europe, children).ok());
  EXPECT_THAT(CategoryOrder(), ElementsAre(europe, category_, germany, poland));
}

TEST_P(CatalogEditingTest, ReorderCategoriesRefusesRepeatsAndStaleLists) {
  const std::int64_t europe = AddCategory("europe");
  const std::int64_t poland = AddCategory("poland", europe);
  const std::vector<std::int64_t> repeated = {europe, europe, category_};
  EXPECT_EQ(catalog().ReorderCategories(std::nullopt, repeated).error().code, ErrorCode::kInvalid);
  const std::vector<std::int64_t> missing = {europe};
  EXPECT_EQ(catalog().ReorderCategories(std::nullopt, missing).error().code, ErrorCode::kConflict);
  const std::vector<std::int64_t> foreign = {europe, category_, poland};
  EXPECT_EQ(catalog().ReorderCategories(std::nullopt, foreign).error().code, ErrorCode::kConflict);
}

TEST_P(CatalogEditingTest, DeleteCategoryInUseIsRefused) {
  const std::int64_t europe = AddCategory("europe");
  AddCategory("poland", europe);
  auto with_children = catalog().DeleteCategory(europe);
  ASSERT_FALSE(with_children.ok());
  EXPECT_EQ(with_children.error().code, ErrorCode::kConflict);
  EXPECT_THAT(with_children.error().message, HasSubstr("1 subcategory"));

  const std::int64_t old = AddCategory("old");
  domain::Article binned = NewArticle("binned", kNow - kDay, domain::ArticleState::kTrashed);
  binned.category_id = old;
  Add(binned);
  auto with_articles = catalog().DeleteCategory(old);
  ASSERT_FALSE(with_articles.ok());
  EXPECT_EQ(with_articles.error().code, ErrorCode::kConflict);
  EXPECT_THAT(with_articles.error().message, HasSubstr("1 article"));
  EXPECT_TRUE(catalog().FindCategoryBySlug("old").ok());
  EXPECT_TRUE(catalog().FindCategoryBySlug("europe").ok());
}

TEST_P(CatalogEditingTest, DeleteEmptyCategory) {
  AddCategory("empty");
  ASSERT_TRUE(catalog().DeleteCategory(Category("empty").id).ok());
  EXPECT_EQ(catalog().FindCategoryBySlug("empty").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog().DeleteCategory(Category("news").id + 1000).error().code, ErrorCode::kNotFound);
}

TEST_P(CatalogEditingTest, MergeTagsMovesArticlesWithoutDuplicatesAndDeletesTheOldTag) {
  const std::int64_t from = AddTag("e-gov");
  const std::int64_t into = AddTag("e-government");
  const std::int64_t other = AddTag("other");
  const std::int64_t both = Tagged("both", {from, into, other});
  const std::int64_t only_from = Tagged("only-from", {from});
  const std::int64_t only_into = Tagged("only-into", {into});

  ASSERT_TRUE(catalog().MergeTags(from, into).ok());
  EXPECT_THAT(TagsOf(both), ElementsAre(into, other));
  EXPECT_THAT(TagsOf(only_from), ElementsAre(into));
  EXPECT_THAT(TagsOf(only_into), ElementsAre(into));
  EXPECT_EQ(catalog().FindTagBySlug("e-gov").error().code, ErrorCode::kNotFound);
  ArticleFilter by_tag;
  by_tag.tag_id = into;
  EXPECT_EQ(Ids(by_tag).size(), 3U);
}

TEST_P(CatalogEditingTest, MergeTagsRefusesTheSameOrUnknownTags) {
  const std::int64_t tag = AddTag("t");
  EXPECT_EQ(catalog().MergeTags(tag, tag).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().MergeTags(tag, 999).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog().MergeTags(999, tag).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(catalog().FindTagBySlug("t").ok());
}

TEST_P(CatalogEditingTest, RenameTagChangesNameAndSlugUnlessTaken) {
  const std::int64_t tag = AddTag("clod");
  AddTag("weather");
  ASSERT_TRUE(catalog().RenameTag(tag, "Cloud", "cloud").ok());
  auto renamed = catalog().FindTagBySlug("cloud");
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(renamed->id, tag);
  EXPECT_EQ(renamed->name, "Cloud");

  auto same_name = catalog().RenameTag(tag, "TAG WEATHER", "cloud");
  ASSERT_FALSE(same_name.ok());
  EXPECT_EQ(same_name.error().code, ErrorCode::kConflict);
  EXPECT_THAT(same_name.error().message, HasSubstr("merge"));
  EXPECT_EQ(catalog().RenameTag(tag, "Cloud", "weather").error().code, ErrorCode::kConflict);
  EXPECT_EQ(catalog().RenameTag(tag, "Cloud", "Not A Slug").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().RenameTag(tag, "Cloud, rain", "cloud").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().RenameTag(999, "Other", "other").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog().FindTagBySlug("cloud")->name, "Cloud");
}

TEST_P(CatalogEditingTest, DeleteTagTakesItOffArticles) {
  const std::int64_t gone = AddTag("gone");
  const std::int64_t kept = AddTag("kept");
  const std::int64_t article = Tagged("a", {gone, kept});
  ASSERT_TRUE(catalog().DeleteTag(gone).ok());
  EXPECT_THAT(TagsOf(article), ElementsAre(kept));
  EXPECT_EQ(catalog().DeleteTag(gone).error().code, ErrorCode::kNotFound);
}

TEST_P(CatalogEditingTest, ListTagsCountsArticlesAndOrdersByNameIgnoringCase) {
  const std::int64_t b = *catalog().CreateTag({0, "b", "beta"});
  const std::int64_t a = *catalog().CreateTag({0, "a", "Alpha"});
  const std::int64_t c = *catalog().CreateTag({0, "c", "gamma"});
  Tagged("one", {a, b});
  Tagged("two", {a});
  auto tags = catalog().ListTags(0, 10);
  ASSERT_TRUE(tags.ok()) << tags.error().message;
  ASSERT_EQ(tags->size(), 3U);
  EXPECT_EQ((*tags)[0].tag.id, a);
  EXPECT_EQ((*tags)[0].articles, 2);
  EXPECT_EQ((*tags)[1].tag.id, b);
  EXPECT_EQ((*tags)[1].articles, 1);
  EXPECT_EQ((*tags)[2].tag.id, c);
  EXPECT_EQ((*tags)[2].articles, 0);
  auto page = catalog().ListTags(1, 1);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1U);
  EXPECT_EQ(page->front().tag.id, b);
  EXPECT_EQ(*catalog().CountTags(), 3);
  EXPECT_EQ(catalog().ListTags(0, kMaxTagListLimit + 1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().ListTags(-1, 10).error().code, ErrorCode::kInvalid);
}

TEST_P(CatalogEditingTest, FindTagByIdFindsOnlyExistingTags) {
  const std::int64_t id = *catalog().CreateTag({0, "found", "Found"});
  auto tag = catalog().FindTagById(id);
  ASSERT_TRUE(tag.ok()) << tag.error().message;
  EXPECT_EQ(tag->slug, "found");
  EXPECT_EQ(tag->name, "Found");
  EXPECT_EQ(catalog().FindTagById(id + 1000).error().code, ErrorCode::kNotFound);
}

TEST_P(CatalogEditingTest, ListTagsStartingWithFiltersByPrefixAndCountsArticles) {
  const std::int64_t cloud = *catalog().CreateTag({0, "cloud", "Cloud"});
  const std::int64_t clouds = *catalog().CreateTag({0, "clouds", "clouds"});
  ASSERT_TRUE(catalog().CreateTag({0, "rain", "Rain"}).ok());
  const std::int64_t percent = *catalog().CreateTag({0, "50-percent", "50% off"});
  ASSERT_TRUE(catalog().CreateTag({0, "50-x", "50x"}).ok());
  Tagged("one", {cloud, clouds});
  Tagged("two", {cloud});
  auto tags = catalog().ListTagsStartingWith("CLOUD", 0, 10);
  ASSERT_TRUE(tags.ok()) << tags.error().message;
  ASSERT_EQ(tags->size(), 2U);
  EXPECT_EQ((*tags)[0].tag.id, cloud);
  EXPECT_EQ((*tags)[0].articles, 2);
  EXPECT_EQ((*tags)[1].tag.id, clouds);
  EXPECT_EQ((*tags)[1].articles, 1);
  EXPECT_EQ(*catalog().CountTagsStartingWith("cloud"), 2);
  auto second = catalog().ListTagsStartingWith("cl", 1, 1);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 1U);
  EXPECT_EQ(second->front().tag.id, clouds);
  // % is a character here, not a wildcard.
  auto literal = catalog().ListTagsStartingWith("50%", 0, 10);
  ASSERT_TRUE(literal.ok());
  ASSERT_EQ(literal->size(), 1U);
  EXPECT_EQ(literal->front().tag.id, percent);
  EXPECT_EQ(*catalog().CountTagsStartingWith(""), 5);
  EXPECT_EQ(*catalog().CountTagsStartingWith(std::string(300, 'c')), 0);
  EXPECT_EQ(catalog().ListTagsStartingWith("c", 0, kMaxTagListLimit + 1).error().code, ErrorCode::kInvalid);
}

TEST_P(CatalogEditingTest, TagsWithPrefixIgnoreCaseAndTakeWildcardsLiterally) {
  ASSERT_TRUE(catalog().CreateTag({0, "cloud", "Cloud"}).ok());
  ASSERT_TRUE(catalog().CreateTag({0, "clouds", "clouds"}).ok());
  ASSERT_TRUE(catalog().CreateTag({0, "closed", "Closed data"}).ok());
  ASSERT_TRUE(catalog().CreateTag({0, "50-percent", "50% off"}).ok());
  ASSERT_TRUE(catalog().CreateTag({0, "500", "500 days"}).ok());
  ASSERT_TRUE(catalog().CreateTag({0, "a-b", "a_b"}).ok());
  ASSERT_TRUE(catalog().CreateTag({0, "axb", "axb"}).ok());
  const auto names = [&](std::string_view prefix, std::int64_t limit = 10) {
    auto tags = catalog().TagsWithPrefix(prefix, limit);
    EXPECT_TRUE(tags.ok());
    std::vector<std::string> out;
    if (tags.ok()) {
      for (const auto& t : *tags) out.push_back(t.name);
    }
    return out;
  };
  EXPECT_THAT(names("CLOU"), ElementsAre("Cloud", "clouds"));
  EXPECT_THAT(names("clo", 2), ElementsAre("Closed data", "Cloud"));
  EXPECT_THAT(names("50%"), ElementsAre("50% off"));
  EXPECT_THAT(names("a_"), ElementsAre("a_b"));
  EXPECT_THAT(names("nothing"), IsEmpty());
  EXPECT_THAT(names(std::string(1000, 'x')), IsEmpty());
  EXPECT_EQ(catalog().TagsWithPrefix("c", kMaxTagListLimit + 1).error().code, ErrorCode::kInvalid);
}

TEST_P(CatalogEditingTest, FindOrCreateTagsReusesNamesIgnoringCaseAndCreatesTheRest) {
  const std::int64_t existing = *catalog().CreateTag({0, "cloud", "Cloud"});
  const std::vector<std::string> names = {"cloud", "Łódź council", "C++", "C", "ŁÓDŹ COUNCIL"};
  auto ids = catalog().FindOrCreateTags(names);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  ASSERT_EQ(ids->size(), 5U);
  EXPECT_EQ((*ids)[0], existing);
  // ASCII case only: "ŁÓDŹ" differs from "Łódź" beyond ASCII, so it is a tag of its own.
  auto lodz = catalog().FindTagBySlug("lodz-council");
  ASSERT_TRUE(lodz.ok());
  EXPECT_EQ(lodz->id, (*ids)[1]);
  EXPECT_EQ(lodz->name, "Łódź council");
  // "C++" and "C" both make the slug "c": the second gets "c-2".
  EXPECT_EQ(catalog().FindTagBySlug("c")->id, (*ids)[2]);
  EXPECT_EQ(catalog().FindTagBySlug("c-2")->id, (*ids)[3]);
  EXPECT_EQ(catalog().FindTagBySlug("c-2")->name, "C");
  auto again = catalog().FindOrCreateTags(std::vector<std::string>{"c++", "CLOUD"});
  ASSERT_TRUE(again.ok());
  EXPECT_THAT(*again, ElementsAre((*ids)[2], existing));
}

TEST_P(CatalogEditingTest, FindOrCreateTagsRefusesBadNamesAndCreatesNone) {
  for (const std::vector<std::string>& names :
       {std::vector<std::string>{"fine", ""}, std::vector<std::string>{"fine", "a, b"},
        std::vector<std::string>{"fine", std::string(201, 'x')},
        std::vector<std::string>(kMaxTagNamesAtOnce + 1, "many")}) {
    auto ids = catalog().FindOrCreateTags(names);
    ASSERT_FALSE(ids.ok());
    EXPECT_EQ(ids.error().code, ErrorCode::kInvalid);
  }
  EXPECT_EQ(*catalog().CountTags(), 0);
}

TEST_P(CatalogEditingTest, AuthorsAreListedByNameAndUpdatedWholly) {
  const std::int64_t zoe = *catalog().CreateAuthor({0, "zoe", "zoe", "", "", "", ""});
  const std::int64_t bob = *catalog().CreateAuthor({0, "bob", "Bob", "", "", "", ""});
  auto all = catalog().ListAuthors();
  ASSERT_TRUE(all.ok());
  std::vector<std::int64_t> ids;
  for (const auto& a : *all) ids.push_back(a.id);
  EXPECT_THAT(ids, ElementsAre(author_, bob, zoe));  // "Author ada", "Bob", "zoe"
  EXPECT_EQ(all->front().photo, "authors/ada.jpg");

  ASSERT_TRUE(catalog()
                  .UpdateAuthor({bob, "robert", "Robert Smith", "Chief Digital Officer", "City of Leeds",
                                 "Writes about councils.", "authors/robert.png"})
                  .ok());
  auto updated = catalog().FindAuthorById(bob);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->slug, "robert");
  EXPECT_EQ(updated->name, "Robert Smith");
  EXPECT_EQ(updated->role, "Chief Digital Officer");
  EXPECT_EQ(updated->organisation, "City of Leeds");
  EXPECT_EQ(updated->bio, "Writes about councils.");
  EXPECT_EQ(updated->photo, "authors/robert.png");
  EXPECT_EQ(catalog().FindAuthorBySlug("robert")->photo, "authors/robert.png");
}

TEST_P(CatalogEditingTest, UpdateAuthorRefusals) {
  const std::int64_t bob = *catalog().CreateAuthor({0, "bob", "Bob", "", "", "", ""});
  EXPECT_EQ(catalog().UpdateAuthor({bob, "ada", "Bob", "", "", "", ""}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(catalog().UpdateAuthor({4242, "nobody", "Nobody", "", "", "", ""}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(catalog().UpdateAuthor({bob, "bob", "", "", "", "", ""}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().UpdateAuthor({bob, "bob", "Bob", "", "", "", std::string(600, 'p')}).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(catalog().FindAuthorById(4242).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog().FindAuthorById(bob)->slug, "bob");
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogEditingTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
