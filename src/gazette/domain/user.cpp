#include "gazette/domain/user.hpp"

#include <string>

namespace gazette::domain {

const char* RoleName(Role role) noexcept {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kEditor: return "editor";
    case Role::kAuthor: return "author";
  }
  return "author";
}

Result<Role> ParseRole(std::string_view name) {
  if (name == "admin") return Role::kAdmin;
  if (name == "editor") return Role::kEditor;
  if (name == "author") return Role::kAuthor;
  return MakeError(ErrorCode::kInvalid,
               "unknown role '" + std::string(name) + "': use admin, editor or author");
}

bool Can(Role role, Permission permission) noexcept {
  switch (role) {
    case Role::kAdmin:
      return true;
    case Role::kEditor:
      return permission != Permission::kManageUsers && permission != Permission::kManageSettings &&
             permission != Permission::kViewAuditLog;
    case Role::kAuthor:
      return permission == Permission::kViewDashboard || permission == Permission::kWriteOwnArticles ||
             permission == Permission::kUploadMedia;
  }
  return false;
}

bool CanEditArticle(const User& user, std::int64_t article_author_id) noexcept {
  if (user.disabled) return false;
  if (Can(user.role, Permission::kEditAnyArticle)) return true;
  return Can(user.role, Permission::kWriteOwnArticles) && user.author_id && *user.author_id == article_author_id;
}

}  // namespace gazette::domain
