#pragma once
/// UserManager: adding users and changing their password, role, author profile and whether they may log
/// in. Checks the input (user_fields.hpp, password_policy.hpp) and the actor's permission, keeps at least
/// one administrator able to log in, ends sessions where a change calls for it, and logs every change.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/accounts/actor.hpp"
#include "gazette/accounts/audit_log.hpp"
#include "gazette/accounts/password_hasher.hpp"
#include "gazette/accounts/sessions.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::accounts {

struct NewUserRequest {
  std::string email;  ///< as typed; stored normalised (NormaliseEmail)
  std::string name;
  domain::Role role = domain::Role::kAuthor;
  std::optional<std::int64_t> author_id;  ///< the public author profile the user writes as
  std::string password;
};

/// Thread-safe. Everything given must outlive it.
///
/// Errors common to the changes: kForbidden when actor has a user without domain::Permission::kManageUsers
/// (or a disabled one); kNotFound for an unknown user id; kInvalid for bad input, with a message saying
/// what to change; kUnavailable and kInternal for storage failures. A failed change changes nothing.
class UserManager {
 public:
  UserManager(storage::Storage& storage, const PasswordHasher& hasher, const Clock& clock, AuditLog& audit);

  /// Adds a user. kConflict when the e-mail address is taken; kInvalid for a missing author profile.
  Result<domain::User> AddUser(const NewUserRequest& request, const Actor& actor);

  /// Sets user_id's password and ends their sessions, all but the actor's own when they change their own
  /// password. Anyone logged in may change their own password, but must give the current one (kForbidden
  /// when it is wrong or missing); changing someone else's needs kManageUsers and no current password,
  /// and so does the command line.
  Status ChangePassword(std::int64_t user_id, std::string_view new_password,
                        std::optional<std::string_view> current_password, const Actor& actor);

  /// Changes user_id's role (a new role applies at the user's next request). kConflict when it would
  /// leave no administrator who can log in.
  Status ChangeRole(std::int64_t user_id, domain::Role role, const Actor& actor);

  /// Disables user_id (ending their sessions at once) or enables them again. kConflict when disabling
  /// would leave no administrator who can log in.
  Status SetDisabled(std::int64_t user_id, bool disabled, const Actor& actor);

  /// Links user_id to an author profile, or unlinks them. kInvalid for a missing profile.
  Status SetAuthor(std::int64_t user_id, std::optional<std::int64_t> author_id, const Actor& actor);

  /// The user with an e-mail address as typed (normalised first). kInvalid for a malformed address,
  /// kNotFound when there is no such user. No permission needed: the command line and the login page.
  Result<domain::User> FindByEmail(std::string_view email);

  /// Every user, oldest first. kForbidden as for changes.
  Result<std::vector<domain::User>> List(const Actor& actor);

 private:
  /// Runs change on user_id's stored row inside one transaction, after the permission check.
  Status Change(std::int64_t user_id, const Actor& actor,
                const std::function<Status(storage::StoredUser& stored)>& change);
  Status RefuseLosingTheLastAdmin(const domain::User& before, const domain::User& after);

  storage::Storage& storage_;
  storage::AccountStore& store_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  AuditLog& audit_;
};

}  // namespace gazette::accounts
