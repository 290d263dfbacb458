#pragma once
/// User and Role: the people who work in the back office, and what each role may do. Pure: the checks
/// here are the single source of truth that the admin handlers and the services both consult.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"

namespace gazette::domain {

/// Stored as the lower-case names below. When adding a role, also update RoleName(), ParseRole(), Can()
/// and the CHECK constraint in the storage migrations.
enum class Role {
  kAdmin,   ///< everything, users and settings included
  kEditor,  ///< all content, publishing, featuring, comment moderation
  kAuthor,  ///< own drafts; submits them for review; cannot publish or touch others' work
};

const char* RoleName(Role role) noexcept;
/// "admin", "editor", "author" (exact, lower case). kInvalid otherwise, naming the accepted values.
Result<Role> ParseRole(std::string_view name);

/// What someone may do. Checks on one article ("may edit this one") also need its owner: see CanEditArticle.
enum class Permission {
  kViewDashboard,
  kWriteOwnArticles,     ///< create drafts, edit own drafts, submit for review
  kEditAnyArticle,       ///< edit articles of others
  kPublish,              ///< publish, schedule, unpublish, archive, trash, feature
  kManageTaxonomy,       ///< categories, tags, authors' profiles
  kUploadMedia,
  kModerateComments,
  kManageUsers,          ///< accounts and roles
  kManageSettings,       ///< site settings
  kViewAuditLog,
};

bool Can(Role role, Permission permission) noexcept;

struct User {
  std::int64_t id = 0;
  std::string email;  ///< unique, stored lower-cased; the login name
  std::string name;
  Role role = Role::kAuthor;
  std::optional<std::int64_t> author_id;  ///< the public author profile this user writes as, if any
  bool disabled = false;                  ///< a disabled user cannot log in; sessions end at once
  Timestamp created_at{};
};

/// Whether `user` may change the article owned by author profile `article_author_id`: anyone with
/// kEditAnyArticle, or an author whose own profile it is.
bool CanEditArticle(const User& user, std::int64_t article_author_id) noexcept;

}  // namespace gazette::domain
