#pragma once
/// AccountServices: the accounts services of one site, built together from its storage and clock (the
/// composition root makes one and hands its parts to the back-office handlers).

#include <memory>

#include "gazette/accounts/audit_log.hpp"
#include "gazette/accounts/login_service.hpp"
#include "gazette/accounts/login_throttle.hpp"
#include "gazette/accounts/password_hasher.hpp"
#include "gazette/accounts/sessions.hpp"
#include "gazette/accounts/user_manager.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::accounts {

struct AccountOptions {
  PasswordHashCost hash_cost = PasswordHashCost::Interactive();
  SessionOptions sessions;
  ThrottleOptions throttle;
};

/// Thread-safe, like its parts. storage and clock must outlive it.
class AccountServices {
 public:
  /// Errors: the store's (reading or making the login throttle's key), kInvalid for bad throttle options.
  static Result<std::unique_ptr<AccountServices>> Open(storage::Storage& storage, const Clock& clock,
                                                       const AccountOptions& options = {});

  const PasswordHasher& hasher() const { return hasher_; }
  AuditLog& audit() { return audit_; }
  Sessions& sessions() { return sessions_; }
  LoginService& login() { return login_; }
  UserManager& users() { return users_; }

 private:
  AccountServices(storage::Storage& storage, const Clock& clock, const AccountOptions& options,
                  LoginThrottle throttle);

  PasswordHasher hasher_;
  AuditLog audit_;
  Sessions sessions_;
  LoginService login_;
  UserManager users_;
};

}  // namespace gazette::accounts
