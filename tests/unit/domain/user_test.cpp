#include "gazette/domain/user.hpp"

#include <gtest/gtest.h>

namespace gazette::domain {
namespace {

TEST(Role, NamesRoundTrip) {
  for (Role role : {Role::kAdmin, Role::kEditor, Role::kAuthor}) {
    auto parsed = ParseRole(RoleName(role));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, role);
  }
}

TEST(Role, RejectsUnknownAndWrongCaseNames) {
  for (const char* name : {"", "Admin", "root", "editor ", "superuser"}) {
    auto parsed = ParseRole(name);
    ASSERT_FALSE(parsed.ok()) << name;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid);
    EXPECT_NE(parsed.error().message.find("admin, editor or author"), std::string::npos);
  }
}

TEST(Permissions, AdminMayDoEverything) {
  for (auto permission : {Permission::kManageUsers, Permission::kManageSettings, Permission::kViewAuditLog,
                          Permission::kPublish, Permission::kModerateComments}) {
    EXPECT_TRUE(Can(Role::kAdmin, permission));
  }
}

TEST(Permissions, EditorRunsContentButNotUsersOrSettings) {
  EXPECT_TRUE(Can(Role::kEditor, Permission::kPublish));
  EXPECT_TRUE(Can(Role::kEditor, Permission::kEditAnyArticle));
  EXPECT_TRUE(Can(Role::kEditor, Permission::kModerateComments));
  EXPECT_TRUE(Can(Role::kEditor, Permission::kManageTaxonomy));
  EXPECT_FALSE(Can(Role::kEditor, Permission::kManageUsers));
  EXPECT_FALSE(Can(Role::kEditor, Permission::kManageSettings));
  EXPECT_FALSE(Can(Role::kEditor, Permission::kViewAuditLog));
}

TEST(Permissions, AuthorWritesOwnDraftsOnly) {
  EXPECT_TRUE(Can(Role::kAuthor, Permission::kViewDashboard));
  EXPECT_TRUE(Can(Role::kAuthor, Permission::kWriteOwnArticles));
  EXPECT_FALSE(Can(Role::kAuthor, Permission::kPublish));
  EXPECT_FALSE(Can(Role::kAuthor, Permission::kEditAnyArticle));
  EXPECT_FALSE(Can(Role::kAuthor, Permission::kManageUsers));
  EXPECT_FALSE(Can(Role::kAuthor, Permission::kModerateComments));
}

TEST(Permissions, AuthorEditsOnlyArticlesOfOwnProfile) {
  User author;
  author.role = Role::kAuthor;
  author.author_id = 7;
  EXPECT_TRUE(CanEditArticle(author, 7));
  EXPECT_FALSE(CanEditArticle(author, 8));
  author.author_id.reset();
  EXPECT_FALSE(CanEditArticle(author, 7));

  User editor;
  editor.role = Role::kEditor;
  EXPECT_TRUE(CanEditArticle(editor, 8));
  editor.disabled = true;
  EXPECT_FALSE(CanEditArticle(editor, 8));
}

}  // namespace
}  // namespace gazette::domain
