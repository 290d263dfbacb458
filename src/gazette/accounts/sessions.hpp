#pragma once
/// Sessions: back-office logins kept by a cookie. The cookie value is 256 random bits; the database holds
/// only its hash, so a copy of the database logs nobody in. Each session has its own CSRF token.
/// Sessions end when idle too long, when too old whatever their use, at logout, and when the user is
/// disabled or changes their password.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {

/// Long enough for writing an article without saving, short enough that a forgotten session on a shared
/// computer does not stay open all day.
inline constexpr std::chrono::seconds kDefaultIdleTimeout = std::chrono::hours(2);
/// A stolen cookie is worth a week at most, however busy its user.
inline constexpr std::chrono::seconds kDefaultAbsoluteTimeout = std::chrono::hours(24 * 7);
/// last_seen_at is written at most this often per session, not on every request.
inline constexpr std::chrono::seconds kDefaultTouchInterval = std::chrono::minutes(1);
/// User-Agents are kept only to tell sessions apart in a list; the start is enough for that.
inline constexpr std::size_t kMaxStoredUserAgentBytes = 200;

struct SessionOptions {
  std::chrono::seconds idle_timeout = kDefaultIdleTimeout;
  std::chrono::seconds absolute_timeout = kDefaultAbsoluteTimeout;
  std::chrono::seconds touch_interval = kDefaultTouchInterval;
};

/// What a new session hands to the HTTP layer: set cookie_value as an HttpOnly, Secure, SameSite=Lax
/// cookie (no longer than until expires_at), and put csrf_token in every form.
struct NewSession {
  std::string cookie_value;  ///< 43 characters of base64url
  std::string csrf_token;    ///< 43 characters of base64url, unrelated to the cookie value
  Timestamp expires_at{};    ///< the absolute timeout; idleness may end it sooner
};

/// A request's logged-in user.
struct AuthenticatedSession {
  domain::User user;
  std::string csrf_token;  ///< compare a form's token with TokensMatch (tokens.hpp)
  storage::SessionIdHash id_hash{};
  Timestamp created_at{};
};

/// Thread-safe. store and clock must outlive it.
class Sessions {
 public:
  Sessions(storage::AccountStore& store, const Clock& clock, SessionOptions options = {});

  /// Starts a session for user. kForbidden for a disabled user; otherwise the store's errors.
  Result<NewSession> Create(const domain::User& user, std::string_view user_agent);

  /// The session of a cookie value, with its user as stored now (a changed role applies at once).
  /// kForbidden, with a message for the login page, when the value is malformed (refused before any
  /// query), unknown, idle longer than idle_timeout, older than absolute_timeout, or its user is disabled
  /// or gone; an expired session is deleted. kUnavailable and kInternal are storage failures.
  /// Writes last_seen_at only when the stored one is touch_interval old or more.
  Result<AuthenticatedSession> Authenticate(std::string_view cookie_value);

  /// Ends the session of a cookie value. Returns its user's id, or nullopt when there was no such session
  /// (a malformed value included): logging out twice is not an error.
  Result<std::optional<std::int64_t>> Logout(std::string_view cookie_value);

  /// Ends every session of user_id but keep (when given). Returns how many ended.
  Result<std::int64_t> LogoutEverywhere(std::int64_t user_id,
                                        const std::optional<storage::SessionIdHash>& keep = std::nullopt);

  /// Deletes every expired session (run now and then; expired ones are refused anyway).
  Result<std::int64_t> PurgeExpired();

  const SessionOptions& options() const { return options_; }

 private:
  storage::AccountStore& store_;
  const Clock& clock_;
  const SessionOptions options_;
};

}  // namespace gazette::accounts
