// CatalogStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using ::testing::HasSubstr;

class CatalogStoreTest : public StorageTest {};

TEST_P(CatalogStoreTest, CategoriesRoundTripAndListParentsFirstThenByPosition) {
  const std::int64_t europe = AddCategory("europe", std::nullopt, 2);
  const std::int64_t poland = AddCategory("poland", europe, 1);
  const std::int64_t germany = AddCategory("germany", europe, 0);
  auto found = catalog().FindCategoryBySlug("poland");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, poland);
  EXPECT_EQ(found->parent_id, europe);
  EXPECT_EQ(found->name, "Category poland");
  EXPECT_EQ(found->description, "About poland");
  EXPECT_EQ(found->position, 1);

  auto all = catalog().ListCategories();
  ASSERT_TRUE(all.ok());
  std::vector<std::int64_t> ids;
  for (const auto& c : *all) ids.push_back(c.id);
  // Top level (the fixture's "news" at position 0, then europe at 2), then europe's children.
  EXPECT_THAT(ids, ::testing::ElementsAre(category_, europe, germany, poland));
}

TEST_P(CatalogStoreTest, TagsAndAuthorsRoundTrip) {
  const std::int64_t tag = AddTag("open-data");
  auto found_tag = catalog().FindTagBySlug("open-data");
  ASSERT_TRUE(found_tag.ok());
  EXPECT_EQ(found_tag->id, tag);
  EXPECT_EQ(found_tag->name, "Tag open-data");

  auto author = catalog().FindAuthorBySlug("ada");
  ASSERT_TRUE(author.ok());
  EXPECT_EQ(author->id, author_);
  EXPECT_EQ(author->name, "Author ada");
  EXPECT_EQ(author->role, "Editor");
  EXPECT_EQ(author->organisation, "Org of ada");
  EXPECT_EQ(author->bio, "Bio of ada");
}

TEST_P(CatalogStoreTest, UnknownSlugsAreNotFound) {
  EXPECT_EQ(catalog().FindCategoryBySlug("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog().FindTagBySlug("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog().FindAuthorBySlug("nope").error().code, ErrorCode::kNotFound);
}

TEST_P(CatalogStoreTest, TakenSlugsAreConflicts) {
  auto category = catalog().CreateCategory({0, std::nullopt, "news", "Again", "", 0});
  ASSERT_FALSE(category.ok());
  EXPECT_EQ(category.error().code, ErrorCode::kConflict);
  EXPECT_THAT(category.error().message, HasSubstr("'news'"));
  AddTag("t");
  EXPECT_EQ(catalog().CreateTag({0, "t", "T"}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(catalog().CreateAuthor({0, "ada", "Ada", "", "", "", ""}).error().code, ErrorCode::kConflict);
}

TEST_P(CatalogStoreTest, MissingParentAndEmptyFieldsAreInvalid) {
  auto orphan = catalog().CreateCategory({0, 4242, "orphan", "Orphan", "", 0});
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(orphan.error().message, HasSubstr("4242"));
  EXPECT_EQ(catalog().CreateTag({0, "", "Name"}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().CreateTag({0, "slug", ""}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(catalog().CreateAuthor({0, std::string(500, 'a'), "A", "", "", "", ""}).error().code,
            ErrorCode::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
