// The back office's taxonomy screens: categories (and the public navigation that follows them at once),
// tags and authors' profiles, with the refusals each must give.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"
#include "unit/media/test_images.hpp"

namespace gazette::testing {
namespace {

using domain::Role;
using storage::kMaxTagListLimit;
using storage::TagUsage;

constexpr const char* kPassword = "correct horse battery staple";

class AdminTaxonomy : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 20;
    site_ = new RunningSite(options);
    site_->AddUser("editor@example.com", Role::kEditor, kPassword);
    site_->AddUser("author@example.com", Role::kAuthor, kPassword, 1);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  AdminClient Editor() {
    AdminClient client(site_->port());
    EXPECT_EQ(client.LogIn("editor@example.com", kPassword).status, 303u);
    return client;
  }
  static domain::Category CategoryNamed(const std::string& slug) {
    auto found = site_->storage().catalog().FindCategoryBySlug(slug);
    EXPECT_TRUE(found.ok()) << slug;
    return found.ok() ? *found : domain::Category{};
  }
  /// The names in the public site's category navigation, in order.
  static std::vector<std::string> Navigation() {
    const auto page = site_->Get("/");
    const auto start = page.body.find("aria-label=\"Categories\"");
    const auto end = page.body.find("</nav>", start);
    const std::string nav = page.body.substr(start, end - start);
    std::vector<std::string> names;
    for (const auto& piece : ValuesAfter(nav, "\">", '<')) {
      if (!piece.empty() && piece != "Archive") names.push_back(Unescape(piece));
    }
    return names;
  }

  /// The id of the tag called name, created when missing.
  static std::int64_t TagId(const std::string& name) {
    std::vector<std::string> names{name};
    auto ids = site_->storage().catalog().FindOrCreateTags(names);
    EXPECT_TRUE(ids.ok());
    return ids.ok() ? ids->front() : 0;
  }

  static RunningSite* site_;
};
RunningSite* AdminTaxonomy::site_ = nullptr;

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// ---- Categories ----

TEST_F(AdminTaxonomy, CategoryListShowsTheTreeWithLabelledCreateForm) {
  AdminClient editor = Editor();
  const auto page = editor.Get("/admin/categories");
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_NE(page.body.find("<label for=\"category-name\">Name</label>"), std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"category-slug\">Slug</label>"), std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"category-parent\">Parent</label>"), std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"category-description\">Description</label>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/categories\" aria-current=\"page\">Categories</a>"),
            std::string::npos);
}

TEST_F(AdminTaxonomy, NewTopLevelCategoryAppearsInThePublicNavigationAtOnce) {
  AdminClient editor = Editor();
  EXPECT_FALSE(Contains(Navigation(), "Science desk"));
  const auto created =
      editor.Post("/admin/categories",
                  {{"name", "Science desk"}, {"slug", ""}, {"parent", ""}, {"description", "Lab news"}});
  ASSERT_EQ(created.status, 303u) << created.body;
  EXPECT_EQ(created.Header("Location"), "/admin/categories?done=created");
  EXPECT_TRUE(Contains(Navigation(), "Science desk"));
  const domain::Category stored = CategoryNamed("science-desk");
  EXPECT_EQ(stored.description, "Lab news");
  EXPECT_EQ(site_->Get("/category/science-desk").status, 200u);

  const auto renamed =
      editor.Post("/admin/categories/" + std::to_string(stored.id),
                  {{"name", "Science & health"}, {"slug", "science"}, {"parent", ""}, {"description", ""}});
  ASSERT_EQ(renamed.status, 303u) << renamed.body;
  const auto navigation = Navigation();
  EXPECT_TRUE(Contains(navigation, "Science & health"));
  EXPECT_FALSE(Contains(navigation, "Science desk"));
  EXPECT_EQ(site_->Get("/category/science").status, 200u);
  EXPECT_EQ(site_->Get("/category/science-desk").status, 404u);
}

TEST_F(AdminTaxonomy, ChildCategoryIsCreatedUnderItsParentAndShownNested) {
  AdminClient editor = Editor();
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Parent desk"}, {"parent", ""}}).status, 303u);
  const domain::Category parent = CategoryNamed("parent-desk");
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Child desk"}, {"parent", std::to_string(parent.id)}})
                .status,
            303u);
  EXPECT_EQ(CategoryNamed("child-desk").parent_id, parent.id);
  const auto list = editor.Get("/admin/categories");
  EXPECT_NE(list.body.find("\u2014 <a href=\"/admin/categories/" +
                           std::to_string(CategoryNamed("child-desk").id) + "\">Child desk</a>"),
            std::string::npos);
  // A subcategory is not in the top navigation, but on its parent's page.
  EXPECT_FALSE(Contains(Navigation(), "Child desk"));
  EXPECT_NE(site_->Get("/category/parent-desk").body.find("Child desk"), std::string::npos);
}

TEST_F(AdminTaxonomy, MovingACategoryUpChangesTheNavigationOrder) {
  AdminClient editor = Editor();
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Zeta desk"}, {"parent", ""}}).status, 303u);
  auto before = Navigation();
  ASSERT_GE(before.size(), 2u);
  ASSERT_EQ(before.back(), "Zeta desk");
  const std::string above = before[before.size() - 2];
  const auto moved = editor.Post(
      "/admin/categories/" + std::to_string(CategoryNamed("zeta-desk").id) + "/move", {{"direction", "up"}});
  ASSERT_EQ(moved.status, 303u) << moved.body;
  const auto after = Navigation();
  EXPECT_EQ(after[after.size() - 2], "Zeta desk");
  EXPECT_EQ(after.back(), above);
  EXPECT_EQ(editor.Post("/admin/categories/1/move", {{"direction", "sideways"}}).status, 400u);
}

TEST_F(AdminTaxonomy, CategoryWithArticlesIsNotDeletedAndThePageSaysWhy) {
  AdminClient editor = Editor();
  auto all = site_->storage().catalog().ListCategories();
  ASSERT_TRUE(all.ok());
  // A category without subcategories that holds an article: only the articles stand in the way.
  std::int64_t used = 0;
  for (std::int64_t id = 1; id <= 20 && used == 0; ++id) {
    auto article = site_->storage().articles().FindById(id);
    ASSERT_TRUE(article.ok());
    const bool has_children = std::any_of(all->begin(), all->end(),
                                          [&](const auto& c) { return c.parent_id == article->category_id; });
    if (!has_children) used = article->category_id;
  }
  ASSERT_NE(used, 0);
  const auto refused = editor.Post("/admin/categories/" + std::to_string(used) + "/delete", {});
  EXPECT_EQ(refused.status, 409u);
  EXPECT_NE(refused.body.find("move them to another category first"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("role=\"alert\""), std::string::npos);
  all = site_->storage().catalog().ListCategories();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(std::any_of(all->begin(), all->end(), [&](const auto& c) { return c.id == used; }));
}

TEST_F(AdminTaxonomy, CategoryWithSubcategoriesIsNotDeleted) {
  AdminClient editor = Editor();
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Holder"}}).status, 303u);
  const std::string holder = std::to_string(CategoryNamed("holder").id);
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Held"}, {"parent", holder}}).status, 303u);
  const auto refused = editor.Post("/admin/categories/" + holder + "/delete", {});
  EXPECT_EQ(refused.status, 409u);
  EXPECT_NE(refused.body.find("has 1 subcategory; move or delete them first"), std::string::npos);
}

TEST_F(AdminTaxonomy, EmptyCategoryIsDeletedAndLeavesTheNavigation) {
  AdminClient editor = Editor();
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Short lived"}, {"parent", ""}}).status, 303u);
  ASSERT_TRUE(Contains(Navigation(), "Short lived"));
  const auto deleted =
      editor.Post("/admin/categories/" + std::to_string(CategoryNamed("short-lived").id) + "/delete", {});
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  EXPECT_FALSE(Contains(Navigation(), "Short lived"));
}

TEST_F(AdminTaxonomy, CategoryCannotBeItsOwnParentOrGoBelowItsDescendant) {
  AdminClient editor = Editor();
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Loop top"}, {"parent", ""}}).status, 303u);
  const std::string top = std::to_string(CategoryNamed("loop-top").id);
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Loop child"}, {"parent", top}}).status, 303u);
  const std::string child = std::to_string(CategoryNamed("loop-child").id);

  const auto own =
      editor.Post("/admin/categories/" + top, {{"name", "Loop top"}, {"slug", "loop-top"}, {"parent", top}});
  EXPECT_EQ(own.status, 400u);
  EXPECT_NE(own.body.find("cannot be its own parent"), std::string::npos) << own.body;
  const auto below = editor.Post("/admin/categories/" + top,
                                 {{"name", "Loop top"}, {"slug", "loop-top"}, {"parent", child}});
  EXPECT_EQ(below.status, 400u);
  EXPECT_NE(below.body.find("own subcategories"), std::string::npos) << below.body;
  // What was typed is kept.
  EXPECT_NE(below.body.find("value=\"Loop top\""), std::string::npos);
  EXPECT_FALSE(CategoryNamed("loop-top").parent_id.has_value());
  // The edit page does not offer the category itself or its subcategories as parents.
  const auto edit = editor.Get("/admin/categories/" + top);
  EXPECT_EQ(edit.body.find("<option value=\"" + child + "\""), std::string::npos);
  EXPECT_EQ(edit.body.find("<option value=\"" + top + "\""), std::string::npos);
}

TEST_F(AdminTaxonomy, CategoryFormRefusesOverlongNamesBadSlugsAndTakenSlugs) {
  AdminClient editor = Editor();
  const auto long_name = editor.Post("/admin/categories", {{"name", std::string(201, 'x')}, {"parent", ""}});
  EXPECT_EQ(long_name.status, 400u);
  EXPECT_NE(long_name.body.find("at most 200 characters"), std::string::npos);
  const auto bad_slug = editor.Post("/admin/categories", {{"name", "Fine"}, {"slug", "Not A Slug"}});
  EXPECT_EQ(bad_slug.status, 400u);
  EXPECT_NE(bad_slug.body.find("lower-case letters"), std::string::npos);
  const auto empty = editor.Post("/admin/categories", {{"name", "   "}});
  EXPECT_EQ(empty.status, 400u);
  EXPECT_NE(empty.body.find("Give the category a name."), std::string::npos);
  ASSERT_EQ(editor.Post("/admin/categories", {{"name", "Taken slug"}}).status, 303u);
  const auto taken = editor.Post("/admin/categories", {{"name", "Another"}, {"slug", "taken-slug"}});
  EXPECT_EQ(taken.status, 409u);
  EXPECT_NE(taken.body.find("Another category has this slug"), std::string::npos);
  EXPECT_EQ(editor.Post("/admin/categories", {{"name", "Orphan"}, {"parent", "abc"}}).status, 400u);
  EXPECT_EQ(editor.Get("/admin/categories/999999").status, 404u);
}

TEST_F(AdminTaxonomy, AuthorsMayNotManageCategories) {
  AdminClient author(site_->port());
  ASSERT_EQ(author.LogIn("author@example.com", kPassword).status, 303u);
  EXPECT_EQ(author.Get("/admin/categories").status, 403u);
  EXPECT_EQ(author.Post("/admin/categories", {{"name", "Sneaky"}}).status, 403u);
  EXPECT_EQ(author.Get("/admin").body.find("/admin/categories"), std::string::npos);
}

// ---- Tags ----

TEST_F(AdminTaxonomy, TagListShowsUsageCountsAndFiltersByTheStartOfTheName) {
  AdminClient editor = Editor();
  TagId("Zebra crossing");
  TagId("zebra finch");
  TagId("Yak");
  const auto filtered = editor.Get("/admin/tags?prefix=ZEBRA");
  ASSERT_EQ(filtered.status, 200u) << filtered.body;
  EXPECT_NE(filtered.body.find(">Zebra crossing</a>"), std::string::npos);
  EXPECT_NE(filtered.body.find(">zebra finch</a>"), std::string::npos);
  EXPECT_EQ(filtered.body.find(">Yak</a>"), std::string::npos);
  EXPECT_NE(filtered.body.find("<label for=\"tag-prefix\">Name starts with</label>"), std::string::npos);
  EXPECT_NE(filtered.body.find("value=\"ZEBRA\""), std::string::npos);

  // The counts are the store's: the most used demo tag shows its number of articles.
  auto tags = site_->storage().catalog().ListTags(0, kMaxTagListLimit);
  ASSERT_TRUE(tags.ok());
  const auto used = std::max_element(tags->begin(), tags->end(),
                                     [](const auto& a, const auto& b) { return a.articles < b.articles; });
  ASSERT_GT(used->articles, 0);
  const auto page = editor.Get("/admin/tags/" + std::to_string(used->tag.id));
  EXPECT_EQ(page.status, 200u);
  const auto listed = editor.Get("/admin/tags?prefix=" + std::string(1, used->tag.name[0]));
  EXPECT_NE(listed.body.find(">" + used->tag.name + "</a></td>\n  <td><a href=\"/tag/" + used->tag.slug +
                             "\">" + used->tag.slug + "</a></td>\n  <td class=\"tag-count\">" +
                             std::to_string(used->articles) + "</td>"),
            std::string::npos)
      << listed.body;
}

TEST_F(AdminTaxonomy, TagListIsPaginatedKeepingTheFilter) {
  AdminClient editor = Editor();
  for (int i = 0; i < 60; ++i) TagId(fmt::format("Paged tag {:02}", i));
  const auto first = editor.Get("/admin/tags?prefix=Paged+tag");
  ASSERT_EQ(first.status, 200u);
  EXPECT_EQ(CountOf(first.body, ">Paged tag "), 50u);
  EXPECT_NE(first.body.find("60 tag(s)."), std::string::npos);
  const std::string next = Unescape(FirstValueAfter(first.body, "<a rel=\"next\" href=\""));
  EXPECT_EQ(next, "/admin/tags?prefix=Paged%20tag&page=2");
  const auto second = editor.Get(next);
  EXPECT_EQ(CountOf(second.body, ">Paged tag "), 10u);
  EXPECT_NE(second.body.find(">Paged tag 59</a>"), std::string::npos);
  EXPECT_EQ(editor.Get("/admin/tags?page=0").status, 400u);
}

TEST_F(AdminTaxonomy, TagIsRenamedKeepingItsAddressWhenTheSlugIsLeftEmpty) {
  AdminClient editor = Editor();
  const std::int64_t id = TagId("Old wording");
  const std::string slug = site_->storage().catalog().FindTagById(id)->slug;
  const auto renamed =
      editor.Post("/admin/tags/" + std::to_string(id) + "/rename", {{"name", "New wording"}, {"slug", ""}});
  ASSERT_EQ(renamed.status, 303u) << renamed.body;
  const auto tag = site_->storage().catalog().FindTagById(id);
  EXPECT_EQ(tag->name, "New wording");
  EXPECT_EQ(tag->slug, slug);
  EXPECT_NE(editor.Get(std::string(renamed.Header("Location"))).body.find("Renamed."), std::string::npos);
}

TEST_F(AdminTaxonomy, RenamingATagToAnExistingNameIsRefusedWithAdviceToMerge) {
  AdminClient editor = Editor();
  TagId("Taken tag");
  const std::int64_t id = TagId("Free tag");
  const auto refused =
      editor.Post("/admin/tags/" + std::to_string(id) + "/rename", {{"name", "taken TAG"}, {"slug", ""}});
  EXPECT_EQ(refused.status, 409u);
  EXPECT_NE(refused.body.find("merge them below"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"taken TAG\""), std::string::npos);
  EXPECT_EQ(site_->storage().catalog().FindTagById(id)->name, "Free tag");
}

TEST_F(AdminTaxonomy, OverlongOrCommaTagNamesAndBadSlugsAreRefused) {
  AdminClient editor = Editor();
  const std::string target = "/admin/tags/" + std::to_string(TagId("Plain tag")) + "/rename";
  const auto long_name = editor.Post(target, {{"name", std::string(201, 'n')}, {"slug", ""}});
  EXPECT_EQ(long_name.status, 400u);
  EXPECT_NE(long_name.body.find("at most 200 characters"), std::string::npos);
  const auto comma = editor.Post(target, {{"name", "a, b"}, {"slug", ""}});
  EXPECT_EQ(comma.status, 400u);
  EXPECT_NE(comma.body.find("cannot hold a comma"), std::string::npos);
  EXPECT_EQ(editor.Post(target, {{"name", "Fine"}, {"slug", "Bad Slug"}}).status, 400u);
  EXPECT_EQ(editor.Post(target, {{"name", ""}, {"slug", ""}}).status, 400u);
  EXPECT_EQ(editor.Post("/admin/tags/999999/rename", {{"name", "x"}}).status, 404u);
}

TEST_F(AdminTaxonomy, MergingMovesTheArticlesToTheTagChosenByName) {
  AdminClient editor = Editor();
  auto tags = site_->storage().catalog().ListTags(0, kMaxTagListLimit);
  ASSERT_TRUE(tags.ok());
  std::vector<TagUsage> used;
  for (const auto& usage : *tags) {
    if (usage.articles > 0) used.push_back(usage);
  }
  ASSERT_GE(used.size(), 2u);
  const TagUsage from = used[0];
  const TagUsage into = used[1];
  const auto merged =
      editor.Post("/admin/tags/" + std::to_string(from.tag.id) + "/merge", {{"into", into.tag.name}});
  ASSERT_EQ(merged.status, 303u) << merged.body;
  EXPECT_EQ(merged.Header("Location"), "/admin/tags/" + std::to_string(into.tag.id) + "?done=merged");
  EXPECT_EQ(site_->storage().catalog().FindTagById(from.tag.id).error().code, ErrorCode::kNotFound);
  auto after = site_->storage().catalog().ListTagsStartingWith(into.tag.name, 0, 10);
  ASSERT_TRUE(after.ok());
  const auto it =
      std::find_if(after->begin(), after->end(), [&](const auto& t) { return t.tag.id == into.tag.id; });
  ASSERT_NE(it, after->end());
  EXPECT_GE(it->articles, std::max(from.articles, into.articles));
}

TEST_F(AdminTaxonomy, MergingATagIntoItselfOrAnUnknownTagIsRefused) {
  AdminClient editor = Editor();
  const std::int64_t id = TagId("Lonely tag");
  const std::string target = "/admin/tags/" + std::to_string(id) + "/merge";
  const auto itself = editor.Post(target, {{"into", "LONELY tag"}});
  EXPECT_EQ(itself.status, 400u);
  EXPECT_NE(itself.body.find("cannot be merged into itself"), std::string::npos);
  const auto unknown = editor.Post(target, {{"into", "No such tag anywhere"}});
  EXPECT_EQ(unknown.status, 400u);
  EXPECT_NE(unknown.body.find("There is no tag named"), std::string::npos);
  EXPECT_EQ(editor.Post(target, {{"into", ""}}).status, 400u);
  EXPECT_EQ(editor.Post(target, {{"into", std::string(300, 'x')}}).status, 400u);
  EXPECT_TRUE(site_->storage().catalog().FindTagById(id).ok());
}

TEST_F(AdminTaxonomy, DeletedTagIsGone) {
  AdminClient editor = Editor();
  const std::int64_t id = TagId("Doomed tag");
  const auto deleted = editor.Post("/admin/tags/" + std::to_string(id) + "/delete", {});
  ASSERT_EQ(deleted.status, 303u);
  EXPECT_EQ(site_->storage().catalog().FindTagById(id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(editor.Post("/admin/tags/" + std::to_string(id) + "/delete", {}).status, 404u);
}

// ---- Authors ----

TEST_F(AdminTaxonomy, AuthorFormHasALabelForEveryField) {
  AdminClient editor = Editor();
  const auto form = editor.Get("/admin/authors/new");
  ASSERT_EQ(form.status, 200u) << form.body;
  for (const std::string label : {"Name", "Slug", "Role", "Organisation", "Bio", "Photo"}) {
    EXPECT_NE(form.body.find("\">" + label + "</label>"), std::string::npos) << label;
  }
  const auto list = editor.Get("/admin/authors");
  auto authors = site_->storage().catalog().ListAuthors();
  ASSERT_TRUE(authors.ok() && !authors->empty());
  EXPECT_NE(list.body.find(">" + authors->front().name + "</a>"), std::string::npos);
}

TEST_F(AdminTaxonomy, AuthorProfileIsCreatedWithAPhotoFromTheLibrary) {
  AdminClient editor = Editor();
  const auto uploaded = editor.PostMultipart(
      "/admin/media", {{"alt", "Portrait"}},
      {{"file", "portrait.jpg", "image/jpeg", media::test::MakeImage(media::ImageType::kJpeg, 400, 400)}});
  ASSERT_EQ(uploaded.status, 303u) << uploaded.body;
  auto items = site_->storage().media().List(0, 1);
  ASSERT_TRUE(items.ok() && !items->empty());
  const std::string sha = items->front().sha256;
  const std::string photo = sha.substr(0, 2) + "/" + sha + "-320.jpg";
  const auto form = editor.Get("/admin/authors/new");
  EXPECT_NE(form.body.find("<option value=\"" + photo + "\">"), std::string::npos) << form.body;

  const auto created = editor.Post("/admin/authors", {{"name", "Ada Reporter"},
                                                      {"slug", ""},
                                                      {"role", "Science editor"},
                                                      {"organisation", "The Gazette"},
                                                      {"bio", "Writes about labs."},
                                                      {"photo", photo}});
  ASSERT_EQ(created.status, 303u) << created.body;
  const auto author = site_->storage().catalog().FindAuthorBySlug("ada-reporter");
  ASSERT_TRUE(author.ok());
  EXPECT_EQ(author->role, "Science editor");
  EXPECT_EQ(author->organisation, "The Gazette");
  EXPECT_EQ(author->bio, "Writes about labs.");
  EXPECT_EQ(author->photo, photo);
  EXPECT_EQ(site_->Get("/media/" + photo).status, 200u);

  const std::string edit = "/admin/authors/" + std::to_string(author->id);
  const auto page = editor.Get(edit);
  EXPECT_NE(page.body.find("<option value=\"" + photo + "\" selected>"), std::string::npos);
  const auto saved = editor.Post(edit, {{"name", "Ada Reporter"},
                                        {"slug", "ada-reporter"},
                                        {"role", "Deputy editor"},
                                        {"organisation", ""},
                                        {"bio", ""},
                                        {"photo", ""}});
  ASSERT_EQ(saved.status, 303u) << saved.body;
  const auto changed = site_->storage().catalog().FindAuthorById(author->id);
  EXPECT_EQ(changed->role, "Deputy editor");
  EXPECT_TRUE(changed->photo.empty());
}

TEST_F(AdminTaxonomy, AuthorFormRefusesPhotosOutsideTheLibraryOverlongFieldsAndTakenSlugs) {
  AdminClient editor = Editor();
  const auto outside = editor.Post("/admin/authors", {{"name", "Mallory"}, {"photo", "../../gazette.toml"}});
  EXPECT_EQ(outside.status, 400u);
  EXPECT_NE(outside.body.find("Choose a photo from the media library."), std::string::npos);
  const auto long_name = editor.Post("/admin/authors", {{"name", std::string(201, 'm')}});
  EXPECT_EQ(long_name.status, 400u);
  const auto long_bio =
      editor.Post("/admin/authors", {{"name", "Verbose"}, {"bio", std::string(10001, 'b')}});
  EXPECT_EQ(long_bio.status, 400u);
  EXPECT_NE(long_bio.body.find("At most 10000 characters."), std::string::npos);
  auto authors = site_->storage().catalog().ListAuthors();
  ASSERT_TRUE(authors.ok() && !authors->empty());
  const auto taken = editor.Post("/admin/authors", {{"name", "Copycat"}, {"slug", authors->front().slug}});
  EXPECT_EQ(taken.status, 409u);
  EXPECT_NE(taken.body.find("Another author has this slug"), std::string::npos);
  EXPECT_EQ(editor.Get("/admin/authors/999999").status, 404u);
  EXPECT_EQ(editor.Post("/admin/authors/999999", {{"name", "Ghost"}}).status, 404u);
}

}  // namespace
}  // namespace gazette::testing
