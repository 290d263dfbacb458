#include "gazette/accounts/login_service.hpp"

#include <fmt/format.h>

#include "gazette/accounts/audit_actions.hpp"
#include "gazette/accounts/password_policy.hpp"
#include "gazette/accounts/user_fields.hpp"

namespace gazette::accounts {
namespace {

constexpr std::string_view kNotAnEmail = "(not an e-mail address)";

std::string ThrottledMessage(std::chrono::seconds retry_after) {
  const auto minutes = (retry_after.count() + 59) / 60;
  return fmt::format("Too many failed logins. Try again in {} minute{}.", minutes, minutes == 1 ? "" : "s");
}

/// Lower-cased ASCII, surrounding spaces dropped: how the failure is counted when the text is not an
/// address at all (so that "X" and "x" are still one account to the throttle).
std::string LooseNormal(std::string_view email) {
  std::string normal;
  for (const char c : email) normal.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  while (!normal.empty() && normal.back() == ' ') normal.pop_back();
  const std::size_t first = normal.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : normal.substr(first);
}

}  // namespace

LoginService::LoginService(storage::AccountStore& store, const PasswordHasher& hasher, Sessions& sessions,
                           AuditLog& audit, LoginThrottle throttle, const Clock& clock)
    : store_(store),
      hasher_(hasher),
      sessions_(sessions),
      audit_(audit),
      throttle_(throttle),
      clock_(clock) {}

Result<LoginAttempt> LoginService::Login(std::string_view email, std::string_view password,
                                         std::string_view ip, std::string_view user_agent) {
  const Timestamp now = clock_.Now();
  // Beyond the limits nothing was ever stored: count the attempt, but spend no hashing on it.
  const bool oversized = email.size() > storage::kMaxEmailBytes || password.size() > kMaxPasswordBytes;
  Result<std::string> normal =
      oversized ? Result<std::string>(MakeError(ErrorCode::kInvalid, "")) : NormaliseEmail(email);
  const std::string counted = normal.ok() ? *normal : LooseNormal(email.substr(0, storage::kMaxEmailBytes));
  // Only a well-formed address goes to the audit log: a password typed in the wrong field must not.
  const std::string_view target = normal.ok() ? std::string_view(*normal) : kNotAnEmail;
  const LoginThrottle::Keys keys = throttle_.KeysFor(counted, ip);

  Result<std::chrono::seconds> wait = throttle_.RetryAfter(keys, now);
  if (!wait.ok()) return std::move(wait).error();
  if (*wait > std::chrono::seconds(0)) {
    LoginAttempt attempt;
    attempt.outcome = LoginOutcome::kThrottled;
    attempt.retry_after = *wait;
    attempt.message = ThrottledMessage(*wait);
    return attempt;
  }

  if (!normal.ok())
    return Refuse(keys, target, ip, oversized ? "input too long" : "not an e-mail address", now);
  Result<storage::StoredUser> stored = store_.FindUserByEmail(*normal);
  if (!stored.ok()) {
    if (stored.error().code != ErrorCode::kNotFound) return std::move(stored).error();
    hasher_.VerifyAgainstDummy(password);
    return Refuse(keys, target, ip, "unknown account", now);
  }
  if (!hasher_.Verify(stored->password_hash, password))
    return Refuse(keys, target, ip, "wrong password", now);

  const domain::User& user = stored->user;
  if (user.disabled) {
    // The password was right, so saying why cannot help a guesser; it is not counted as a guess either.
    if (Status logged =
            audit_.Record(std::nullopt, ip, audit_action::kLoginFailed, target, "account disabled");
        !logged.ok()) {
      return std::move(logged).error();
    }
    LoginAttempt attempt;
    attempt.message = "This account is disabled; ask an administrator to enable it.";
    return attempt;
  }

  if (Status cleared = throttle_.RecordSuccess(keys); !cleared.ok()) return std::move(cleared).error();
  if (hasher_.NeedsRehash(stored->password_hash)) {
    // Same password, current cost: password_changed_at stays, as the password did not change.
    Result<std::string> rehashed = hasher_.Hash(password);
    if (rehashed.ok()) {
      if (Status saved = store_.SetPasswordHash(user.id, *rehashed, stored->password_changed_at); !saved.ok())
        return std::move(saved).error();
    }
  }
  Result<NewSession> session = sessions_.Create(user, user_agent);
  if (!session.ok()) return std::move(session).error();
  if (Status logged = audit_.Record(user.id, ip, audit_action::kLogin, target); !logged.ok())
    return std::move(logged).error();

  LoginAttempt attempt;
  attempt.outcome = LoginOutcome::kLoggedIn;
  attempt.user = user;
  attempt.session = std::move(session).value();
  return attempt;
}

Result<LoginAttempt> LoginService::Refuse(const LoginThrottle::Keys& keys, std::string_view target,
                                          std::string_view ip, std::string_view detail, Timestamp now) {
  if (Status counted = throttle_.RecordFailure(keys, now); !counted.ok()) return std::move(counted).error();
  if (Status logged = audit_.Record(std::nullopt, ip, audit_action::kLoginFailed, target, detail);
      !logged.ok())
    return std::move(logged).error();
  LoginAttempt attempt;
  attempt.message = std::string(kWrongCredentialsMessage);
  return attempt;
}

Status LoginService::Logout(std::string_view cookie_value, std::string_view ip) {
  Result<std::optional<std::int64_t>> ended = sessions_.Logout(cookie_value);
  if (!ended.ok()) return std::move(ended).error();
  if (!ended->has_value()) return OkStatus();
  return audit_.Record(**ended, ip, audit_action::kLogout, "");
}

Status LoginService::LogoutEverywhere(const Actor& actor) {
  if (!actor.user) return MakeError(ErrorCode::kForbidden, "Log in first.");
  Result<std::int64_t> ended = sessions_.LogoutEverywhere(actor.user->id);
  if (!ended.ok()) return std::move(ended).error();
  return audit_.Record(actor, audit_action::kLogoutEverywhere, actor.user->email,
                       fmt::format("{} session{} ended", *ended, *ended == 1 ? "" : "s"));
}

}  // namespace gazette::accounts
