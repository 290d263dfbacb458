#pragma once
/// LoginService: e-mail address and password in, a session out. Answers the same for an unknown address
/// as for a wrong password, in the same time, and throttles guessing (login_throttle.hpp). Every failed
/// attempt goes to the audit log, never with the password.

#include <chrono>
#include <string>
#include <string_view>

#include "gazette/accounts/actor.hpp"
#include "gazette/accounts/audit_log.hpp"
#include "gazette/accounts/login_throttle.hpp"
#include "gazette/accounts/password_hasher.hpp"
#include "gazette/accounts/sessions.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {

/// The one answer to an unknown e-mail address and to a wrong password.
inline constexpr std::string_view kWrongCredentialsMessage = "The email or password is not right.";

enum class LoginOutcome {
  kLoggedIn,
  kRefused,    ///< wrong e-mail address or password, or a disabled account: show message
  kThrottled,  ///< too many failures: show message, send Retry-After: retry_after
};

struct LoginAttempt {
  LoginOutcome outcome = LoginOutcome::kRefused;
  std::string message;                  ///< for the login form; empty when logged in
  std::chrono::seconds retry_after{0};  ///< kThrottled: until the window has passed
  domain::User user;                    ///< kLoggedIn
  NewSession session;                   ///< kLoggedIn
};

/// Thread-safe. Everything given must outlive it.
class LoginService {
 public:
  LoginService(storage::AccountStore& store, const PasswordHasher& hasher, Sessions& sessions,
               AuditLog& audit, LoginThrottle throttle, const Clock& clock);

  /// Tries to log in. Refusals are outcomes, not errors; errors are storage failures (kUnavailable,
  /// kInternal). While throttled even the right password is refused, and the attempt is neither counted
  /// nor logged (so that hammering can neither extend the wait nor grow the log). A stored hash of an
  /// older cost is replaced after a successful login.
  Result<LoginAttempt> Login(std::string_view email, std::string_view password, std::string_view ip,
                             std::string_view user_agent);

  /// Ends the session of a cookie value and logs it. Logging out without a session is not an error.
  Status Logout(std::string_view cookie_value, std::string_view ip);

  /// Ends every session of actor's user (this one included) and logs it. kForbidden without a user.
  Status LogoutEverywhere(const Actor& actor);

 private:
  Result<LoginAttempt> Refuse(const LoginThrottle::Keys& keys, std::string_view target, std::string_view ip,
                              std::string_view detail, Timestamp now);

  storage::AccountStore& store_;
  const PasswordHasher& hasher_;
  Sessions& sessions_;
  AuditLog& audit_;
  LoginThrottle throttle_;
  const Clock& clock_;
};

}  // namespace gazette::accounts
