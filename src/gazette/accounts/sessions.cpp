#include "gazette/accounts/sessions.hpp"

#include "gazette/accounts/tokens.hpp"

namespace gazette::accounts {
namespace {

constexpr const char* kNotLoggedIn = "You are not logged in, or your session has ended; log in again.";
constexpr const char* kExpired = "Your session has expired; log in again.";
constexpr const char* kDisabled = "This account is disabled; ask an administrator to enable it.";

/// Printable ASCII only, cut short: shown back in lists, so it must be harmless text.
std::string ShortUserAgent(std::string_view user_agent) {
  std::string out;
  for (const char c : user_agent) {
    if (out.size() == kMaxStoredUserAgentBytes) break;
    if (c >= 0x20 && c <= 0x7E) out.push_back(c);
  }
  return out;
}

}  // namespace

Sessions::Sessions(storage::AccountStore& store, const Clock& clock, SessionOptions options)
    : store_(store), clock_(clock), options_(options) {}

Result<NewSession> Sessions::Create(const domain::User& user, std::string_view user_agent) {
  if (user.disabled) return MakeError(ErrorCode::kForbidden, kDisabled);
  NewSession created{NewToken(), NewToken(), {}};
  const std::optional<TokenBytes> raw = DecodeToken(created.cookie_value);
  if (!raw) return MakeError(ErrorCode::kInternal, "a new session token could not be read back");
  const Timestamp now = clock_.Now();
  storage::StoredSession session;
  session.id_hash = SessionIdHashOf(*raw);
  session.user_id = user.id;
  session.csrf_token = created.csrf_token;
  session.created_at = now;
  session.last_seen_at = now;
  session.user_agent = ShortUserAgent(user_agent);
  if (Status stored = store_.CreateSession(session); !stored.ok()) return std::move(stored).error();
  created.expires_at = now + options_.absolute_timeout;
  return created;
}

Result<AuthenticatedSession> Sessions::Authenticate(std::string_view cookie_value) {
  const std::optional<TokenBytes> raw = DecodeToken(cookie_value);
  if (!raw) return MakeError(ErrorCode::kForbidden, kNotLoggedIn);
  const storage::SessionIdHash id_hash = SessionIdHashOf(*raw);
  Result<storage::StoredSession> session = store_.FindSession(id_hash);
  if (!session.ok()) {
    if (session.error().code == ErrorCode::kNotFound) return MakeError(ErrorCode::kForbidden, kNotLoggedIn);
    return std::move(session).error();
  }

  const Timestamp now = clock_.Now();
  if (now - session->last_seen_at > options_.idle_timeout ||
      now - session->created_at > options_.absolute_timeout) {
    if (Status deleted = store_.DeleteSession(id_hash); !deleted.ok()) return std::move(deleted).error();
    return MakeError(ErrorCode::kForbidden, kExpired);
  }

  Result<storage::StoredUser> user = store_.FindUserById(session->user_id);
  if (!user.ok() && user.error().code != ErrorCode::kNotFound) return std::move(user).error();
  if (!user.ok() || user->user.disabled) {
    // Disabling ends sessions already; this catches a change made behind the services' back.
    if (Status deleted = store_.DeleteSession(id_hash); !deleted.ok()) return std::move(deleted).error();
    return MakeError(ErrorCode::kForbidden, user.ok() ? kDisabled : kNotLoggedIn);
  }

  if (now - session->last_seen_at >= options_.touch_interval) {
    // A failed touch is not the request's failure: at worst the session looks idle a minute early.
    (void)store_.TouchSession(id_hash, now);
  }
  return AuthenticatedSession{std::move(user->user), std::move(session->csrf_token), id_hash,
                              session->created_at};
}

Result<std::optional<std::int64_t>> Sessions::Logout(std::string_view cookie_value) {
  const std::optional<TokenBytes> raw = DecodeToken(cookie_value);
  if (!raw) return std::optional<std::int64_t>();
  const storage::SessionIdHash id_hash = SessionIdHashOf(*raw);
  Result<storage::StoredSession> session = store_.FindSession(id_hash);
  if (!session.ok()) {
    if (session.error().code == ErrorCode::kNotFound) return std::optional<std::int64_t>();
    return std::move(session).error();
  }
  if (Status deleted = store_.DeleteSession(id_hash); !deleted.ok()) return std::move(deleted).error();
  return std::optional<std::int64_t>(session->user_id);
}

Result<std::int64_t> Sessions::LogoutEverywhere(std::int64_t user_id,
                                                const std::optional<storage::SessionIdHash>& keep) {
  return store_.DeleteSessionsOfUser(user_id, keep);
}

Result<std::int64_t> Sessions::PurgeExpired() {
  const Timestamp now = clock_.Now();
  return store_.DeleteExpiredSessions(now - options_.idle_timeout, now - options_.absolute_timeout);
}

}  // namespace gazette::accounts
