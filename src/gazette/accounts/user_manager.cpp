#include "gazette/accounts/user_manager.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gazette/accounts/audit_actions.hpp"
#include "gazette/accounts/password_policy.hpp"
#include "gazette/accounts/user_fields.hpp"

namespace gazette::accounts {
namespace {

Status CheckMayManageUsers(const Actor& actor) {
  if (!actor.user) return OkStatus();
  if (actor.user->disabled || !domain::Can(actor.user->role, domain::Permission::kManageUsers)) {
    return MakeError(ErrorCode::kForbidden, "You may not manage users; ask an administrator.");
  }
  return OkStatus();
}

bool IsActiveAdmin(const domain::User& user) {
  return user.role == domain::Role::kAdmin && !user.disabled;
}

std::string_view ChangedBy(const Actor& actor, std::int64_t user_id) {
  if (!actor.user) return "from the command line";
  return actor.user->id == user_id ? "by the user" : "by an administrator";
}

}  // namespace

UserManager::UserManager(storage::Storage& storage, const PasswordHasher& hasher, const Clock& clock,
                         AuditLog& audit)
    : storage_(storage), store_(storage.accounts()), hasher_(hasher), clock_(clock), audit_(audit) {}

Result<domain::User> UserManager::AddUser(const NewUserRequest& request, const Actor& actor) {
  if (Status allowed = CheckMayManageUsers(actor); !allowed.ok()) return std::move(allowed).error();
  Result<std::string> email = NormaliseEmail(request.email);
  if (!email.ok()) return std::move(email).error();
  Result<std::string> name = NormaliseUserName(request.name);
  if (!name.ok()) return std::move(name).error();
  if (Status strong = CheckNewPassword(request.password); !strong.ok()) return std::move(strong).error();

  // Checked before hashing, which takes a while; the store's UNIQUE constraint settles a race.
  Result<storage::StoredUser> existing = store_.FindUserByEmail(*email);
  if (existing.ok()) {
    return MakeError(ErrorCode::kConflict,
                     fmt::format("A user with the e-mail address {} already exists; use another address, or "
                                 "change that user instead.",
                                 *email));
  }
  if (existing.error().code != ErrorCode::kNotFound) return std::move(existing).error();
  Result<std::string> hash = hasher_.Hash(request.password);
  if (!hash.ok()) return std::move(hash).error();

  domain::User user;
  user.email = std::move(email).value();
  user.name = std::move(name).value();
  user.role = request.role;
  user.author_id = request.author_id;
  user.created_at = clock_.Now();
  Status added = storage_.InTransaction([&]() -> Status {
    Result<std::int64_t> id = store_.CreateUser(user, *hash);
    if (!id.ok()) return std::move(id).error();
    user.id = *id;
    return audit_.Record(actor, audit_action::kUserCreated, user.email,
                         fmt::format("role {}", domain::RoleName(user.role)));
  });
  if (!added.ok()) return std::move(added).error();
  return user;
}

Status UserManager::ChangePassword(std::int64_t user_id, std::string_view new_password,
                                   std::optional<std::string_view> current_password, const Actor& actor) {
  const bool own = actor.user && actor.user->id == user_id;
  if (!own) {
    if (Status allowed = CheckMayManageUsers(actor); !allowed.ok()) return allowed;
  }
  Result<storage::StoredUser> stored = store_.FindUserById(user_id);
  if (!stored.ok()) return std::move(stored).error();
  if (own) {
    // A session left open is not enough to take the account over: the owner's password is.
    if (!current_password || !hasher_.Verify(stored->password_hash, *current_password)) {
      return MakeError(ErrorCode::kForbidden, "The current password is not right; type it again.");
    }
  }
  if (Status strong = CheckNewPassword(new_password); !strong.ok()) return strong;
  Result<std::string> hash = hasher_.Hash(new_password);
  if (!hash.ok()) return std::move(hash).error();

  return storage_.InTransaction([&]() -> Status {
    if (Status set = store_.SetPasswordHash(user_id, *hash, clock_.Now()); !set.ok()) return set;
    const std::optional<storage::SessionIdHash> keep = own ? actor.session : std::nullopt;
    Result<std::int64_t> ended = store_.DeleteSessionsOfUser(user_id, keep);
    if (!ended.ok()) return std::move(ended).error();
    return audit_.Record(actor, audit_action::kUserPasswordChanged, stored->user.email,
                         ChangedBy(actor, user_id));
  });
}

Status UserManager::ChangeRole(std::int64_t user_id, domain::Role role, const Actor& actor) {
  return Change(user_id, actor, [&](storage::StoredUser& stored) -> Status {
    const domain::User before = stored.user;
    if (before.role == role) return OkStatus();
    stored.user.role = role;
    if (Status kept = RefuseLosingTheLastAdmin(before, stored.user); !kept.ok()) return kept;
    if (Status updated = store_.UpdateUser(stored.user); !updated.ok()) return updated;
    return audit_.Record(actor, audit_action::kUserRoleChanged, before.email,
                         fmt::format("{} -> {}", domain::RoleName(before.role), domain::RoleName(role)));
  });
}

Status UserManager::SetDisabled(std::int64_t user_id, bool disabled, const Actor& actor) {
  return Change(user_id, actor, [&](storage::StoredUser& stored) -> Status {
    const domain::User before = stored.user;
    if (before.disabled == disabled) return OkStatus();
    stored.user.disabled = disabled;
    if (Status kept = RefuseLosingTheLastAdmin(before, stored.user); !kept.ok()) return kept;
    if (Status updated = store_.UpdateUser(stored.user); !updated.ok()) return updated;
    if (disabled) {
      Result<std::int64_t> ended = store_.DeleteSessionsOfUser(user_id, std::nullopt);
      if (!ended.ok()) return std::move(ended).error();
    }
    return audit_.Record(actor, disabled ? audit_action::kUserDisabled : audit_action::kUserEnabled,
                         before.email);
  });
}

Status UserManager::SetAuthor(std::int64_t user_id, std::optional<std::int64_t> author_id,
                              const Actor& actor) {
  return Change(user_id, actor, [&](storage::StoredUser& stored) -> Status {
    if (stored.user.author_id == author_id) return OkStatus();
    stored.user.author_id = author_id;
    if (Status updated = store_.UpdateUser(stored.user); !updated.ok()) return updated;
    return audit_.Record(actor, audit_action::kUserAuthorChanged, stored.user.email,
                         author_id ? fmt::format("author {}", *author_id) : std::string("no author profile"));
  });
}

Result<domain::User> UserManager::FindByEmail(std::string_view email) {
  Result<std::string> normal = NormaliseEmail(email);
  if (!normal.ok()) return std::move(normal).error();
  Result<storage::StoredUser> stored = store_.FindUserByEmail(*normal);
  if (!stored.ok()) {
    if (stored.error().code == ErrorCode::kNotFound) {
      return MakeError(ErrorCode::kNotFound,
                       fmt::format("There is no user with the e-mail address {}.", *normal));
    }
    return std::move(stored).error();
  }
  return std::move(stored->user);
}

Result<std::vector<domain::User>> UserManager::List(const Actor& actor) {
  if (Status allowed = CheckMayManageUsers(actor); !allowed.ok()) return std::move(allowed).error();
  return store_.ListUsers();
}

Status UserManager::Change(std::int64_t user_id, const Actor& actor,
                           const std::function<Status(storage::StoredUser& stored)>& change) {
  if (Status allowed = CheckMayManageUsers(actor); !allowed.ok()) return allowed;
  // One transaction: two administrators demoting each other at once cannot both pass the last-admin check.
  return storage_.InTransaction([&]() -> Status {
    Result<storage::StoredUser> stored = store_.FindUserById(user_id);
    if (!stored.ok()) return std::move(stored).error();
    return change(*stored);
  });
}

Status UserManager::RefuseLosingTheLastAdmin(const domain::User& before, const domain::User& after) {
  if (!IsActiveAdmin(before) || IsActiveAdmin(after)) return OkStatus();
  Result<std::vector<domain::User>> users = store_.ListUsers();
  if (!users.ok()) return std::move(users).error();
  const auto active_admins = std::count_if(users->begin(), users->end(), IsActiveAdmin);
  if (active_admins > 1) return OkStatus();
  return MakeError(ErrorCode::kConflict,
                   fmt::format("{} is the only administrator who can log in; make another user an "
                               "administrator first.",
                               before.email));
}

}  // namespace gazette::accounts
