// The back office's taxonomy screens: categories (and the public navigation that follows them at once),
// tags and authors' profiles, with the refusals each must give.
#include <gtest/gtest.h>

#include <algorithm>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using domain::Role;

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
  EXPECT_NE(page.body.find("href=\"/admin/categories\" aria-current=\"page\">Categories</a>"), std::string::npos);
}

TEST_F(AdminTaxonomy, NewTopLevelCategoryAppearsInThePublicNavigationAtOnce) {
  AdminClient editor = Editor();
  EXPECT_FALSE(Contains(Navigation(), "Science desk"));
  const auto created = editor.Post("/admin/categories", {{"name", "Science desk"}, {"slug", ""},
                                                         {"parent", ""}, {"description", "Lab news"}});
  ASSERT_EQ(created.status, 303u) << created.body;
  EXPECT_EQ(created.Header("Location"), "/admin/categories?done=created");
  EXPECT_TRUE(Contains(Navigation(), "Science desk"));
  const domain::Category stored = CategoryNamed("science-desk");
  EXPECT_EQ(stored.description, "Lab news");
  EXPECT_EQ(site_->Get("/category/science-desk").status, 200u);

  const auto renamed = editor.Post("/admin/categories/" + std::to_string(stored.id),
                                   {{"name", "Science & health"}, {"slug", "science"}, {"parent", ""},
                                    {"description", ""}});
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
  EXPECT_NE(list.body.find("\u2014 <a href=\"/admin/categories/" + std::to_string(CategoryNamed("child-desk").id) +
                           "\">Child desk</a>"),
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
  const auto moved = editor.Post("/admin/categories/" + std::to_string(CategoryNamed("zeta-desk").id) + "/move",
                                 {{"direction", "up"}});
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

  const auto own = editor.Post("/admin/categories/" + top, {{"name", "Loop top"}, {"slug", "loop-top"},
                                                             {"parent", top}});
  EXPECT_EQ(own.status, 400u);
  EXPECT_NE(own.body.find("cannot be its own parent"), std::string::npos) << own.body;
  const auto below = editor.Post("/admin/categories/" + top, {{"name", "Loop top"}, {"slug", "loop-top"},
                                                               {"parent", child}});
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

}  // namespace
}  // namespace gazette::testing
