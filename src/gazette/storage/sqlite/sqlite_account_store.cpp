#include "gazette/storage/sqlite/sqlite_account_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <span>
#include <string>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

enum Key : std::uint64_t {
  kInsertUser = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 400,
  kUserById,
  kUserByEmail,
  kListUsers,
  kUpdateUser,
  kSetPasswordHash,
  kInsertSession,
  kSessionById,
  kTouchSession,
  kDeleteSession,
  kDeleteSessionsOfUser,
  kDeleteExpiredSessions,
  kInsertLoginFailure,
  kLoginFailuresForEmail,
  kLoginFailuresFromIp,
  kClearLoginFailures,
  kDeleteLoginFailuresBefore,
  kInsertAudit,
  kListAudit,
  kInsertKey,
  kKeyByName,
};

constexpr const char* kUserColumns =
    "SELECT id, email, name, role, author_id, disabled, created_at, password_hash, password_changed_at "
    "FROM users";

constexpr const char* kSessionColumns =
    "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, user_agent FROM sessions";

/// Key names are chosen by the code, not by people; the bound keeps the table what it is for.
constexpr std::size_t kMaxKeyNameBytes = 64;

Statement& Prepared(Connection& connection, Key key, const char* sql) {
  return connection.Cached(key, [sql] { return std::string(sql); });
}

Statement& Prepared(Connection& connection, Key key, const char* columns, const char* rest) {
  return connection.Cached(key, [columns, rest] { return std::string(columns) + " " + rest; });
}

template <std::size_t N>
std::span<const std::uint8_t> Bytes(const std::array<std::uint8_t, N>& bytes) {
  return {bytes.data(), bytes.size()};
}

Error TooLong(std::string_view what, std::size_t limit) {
  return MakeError(ErrorCode::kInvalid, fmt::format("{} is limited to {} bytes", what, limit));
}

Status CheckUser(const domain::User& user) {
  if (user.email.empty() || user.email.size() > kMaxEmailBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an e-mail address must be 1 to {} bytes long", kMaxEmailBytes));
  }
  if (std::any_of(user.email.begin(), user.email.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("the e-mail address '{}' must be stored lower-cased", user.email));
  }
  if (user.name.empty() || user.name.size() > kMaxUserNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a user's name must be 1 to {} bytes long", kMaxUserNameBytes));
  }
  return OkStatus();
}

Status CheckPasswordHash(std::string_view password_hash) {
  if (password_hash.empty() || password_hash.size() > kMaxPasswordHashBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a password hash must be 1 to {} bytes long", kMaxPasswordHashBytes));
  }
  return OkStatus();
}

Result<StoredUser> ReadUser(const Statement& s, const std::filesystem::path& db) {
  StoredUser stored;
  domain::User& user = stored.user;
  user.id = s.Int(0);
  s.ReadInto(1, user.email);
  s.ReadInto(2, user.name);
  Result<domain::Role> role = domain::ParseRole(s.Text(3));
  if (!role.ok())
    return NotAGazetteDatabase(db, fmt::format("user {} has the unknown role '{}'", user.id, s.Text(3)));
  user.role = *role;
  user.author_id = s.OptionalInt(4);
  user.disabled = s.Int(5) != 0;
  user.created_at = TimestampFromUnix(s.Int(6));
  s.ReadInto(7, stored.password_hash);
  stored.password_changed_at = TimestampFromUnix(s.Int(8));
  return stored;
}

/// Runs a user INSERT or UPDATE, mapping a taken e-mail address and a missing author profile to errors
/// for people.
Status RunUserWrite(Statement& statement, const domain::User& user) {
  try {
    statement.Run();
  } catch (const SQLite::Exception& e) {
    switch (e.getExtendedErrorCode()) {
      case SQLITE_CONSTRAINT_UNIQUE:
        return MakeError(ErrorCode::kConflict,
                         fmt::format("a user with the e-mail address '{}' already exists", user.email));
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        return MakeError(ErrorCode::kInvalid,
                         fmt::format("there is no author profile {}", user.author_id.value_or(0)));
      default:
        throw;
    }
  }
  return OkStatus();
}

Status CheckSession(const StoredSession& session) {
  if (session.csrf_token.empty() || session.csrf_token.size() > kMaxCsrfTokenBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a CSRF token must be 1 to {} bytes long", kMaxCsrfTokenBytes));
  }
  if (session.user_agent.size() > kMaxSessionUserAgentBytes) {
    return TooLong("a session's User-Agent", kMaxSessionUserAgentBytes);
  }
  return OkStatus();
}

Result<std::vector<Timestamp>> ReadInstants(Statement& s, std::int64_t limit) {
  std::vector<Timestamp> instants;
  instants.reserve(static_cast<std::size_t>(limit));
  while (s.Step()) instants.push_back(TimestampFromUnix(s.Int(0)));
  return instants;
}

Status CheckLimit(std::int64_t limit) {
  if (limit < 0 || limit > kMaxAuditListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a list holds 0 to {} rows, not {}", kMaxAuditListLimit, limit));
  }
  return OkStatus();
}

Status CheckAudit(const AuditEntry& entry) {
  if (entry.action.empty() || entry.action.size() > kMaxAuditActionBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an audit action must be 1 to {} bytes long", kMaxAuditActionBytes));
  }
  if (entry.target.size() > kMaxAuditTargetBytes) return TooLong("an audit target", kMaxAuditTargetBytes);
  if (entry.detail.size() > kMaxAuditDetailBytes) return TooLong("an audit detail", kMaxAuditDetailBytes);
  if (entry.ip.size() > kMaxAuditIpBytes) return TooLong("an audit address", kMaxAuditIpBytes);
  return OkStatus();
}

}  // namespace

// --- Users ---

Result<std::int64_t> SqliteAccountStore::CreateUser(const domain::User& user,
                                                    std::string_view password_hash) {
  if (Status ok = CheckUser(user); !ok.ok()) return std::move(ok).error();
  if (Status ok = CheckPasswordHash(password_hash); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "create a user", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(
        Prepared(connection, kInsertUser,
                 "INSERT INTO users (email, name, role, author_id, password_hash, disabled, created_at, "
                 "password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"));
    s->BindText(1, user.email);
    s->BindText(2, user.name);
    s->BindText(3, domain::RoleName(user.role));
    s->BindOptionalInt(4, user.author_id);
    s->BindText(5, password_hash);
    s->BindInt(6, user.disabled ? 1 : 0);
    s->BindInt(7, ToUnix(user.created_at));
    if (Status written = RunUserWrite(*s, user); !written.ok()) return std::move(written).error();
    return connection.database().getLastInsertRowid();
  });
}

Result<StoredUser> SqliteAccountStore::FindUserById(std::int64_t id) {
  return Guarded(pool_.path(), "read a user", [&]() -> Result<StoredUser> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kUserById, kUserColumns, "WHERE id = ?1"));
    s->BindInt(1, id);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("there is no user {}", id));
    return ReadUser(*s, pool_.path());
  });
}

Result<StoredUser> SqliteAccountStore::FindUserByEmail(std::string_view email) {
  return Guarded(pool_.path(), "read a user", [&]() -> Result<StoredUser> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kUserByEmail, kUserColumns, "WHERE email = ?1"));
    s->BindText(1, email);
    if (!s->Step()) {
      return MakeError(ErrorCode::kNotFound,
                       fmt::format("there is no user with the e-mail address '{}'", email));
    }
    return ReadUser(*s, pool_.path());
  });
}

Result<std::vector<domain::User>> SqliteAccountStore::ListUsers() {
  return Guarded(pool_.path(), "read the users", [&]() -> Result<std::vector<domain::User>> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kListUsers, kUserColumns, "ORDER BY id"));
    std::vector<domain::User> users;
    while (s->Step()) {
      Result<StoredUser> user = ReadUser(*s, pool_.path());
      if (!user.ok()) return std::move(user).error();
      users.push_back(std::move(user->user));
    }
    return users;
  });
}

Status SqliteAccountStore::UpdateUser(const domain::User& user) {
  if (user.name.empty() || user.name.size() > kMaxUserNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a user's name must be 1 to {} bytes long", kMaxUserNameBytes));
  }
  return Guarded(pool_.path(), "change a user", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(
        Prepared(connection, kUpdateUser,
                 "UPDATE users SET name = ?2, role = ?3, author_id = ?4, disabled = ?5 WHERE id = ?1"));
    s->BindInt(1, user.id);
    s->BindText(2, user.name);
    s->BindText(3, domain::RoleName(user.role));
    s->BindOptionalInt(4, user.author_id);
    s->BindInt(5, user.disabled ? 1 : 0);
    if (Status written = RunUserWrite(*s, user); !written.ok()) return written;
    if (connection.database().getChanges() == 0) {
      return MakeError(ErrorCode::kNotFound, fmt::format("there is no user {}", user.id));
    }
    return OkStatus();
  });
}

Status SqliteAccountStore::SetPasswordHash(std::int64_t user_id, std::string_view password_hash,
                                           Timestamp changed_at) {
  if (Status ok = CheckPasswordHash(password_hash); !ok.ok()) return ok;
  return Guarded(pool_.path(), "change a password", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(Prepared(connection, kSetPasswordHash,
                         "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1"));
    s->BindInt(1, user_id);
    s->BindText(2, password_hash);
    s->BindInt(3, ToUnix(changed_at));
    s->Run();
    if (connection.database().getChanges() == 0) {
      return MakeError(ErrorCode::kNotFound, fmt::format("there is no user {}", user_id));
    }
    return OkStatus();
  });
}

// --- Sessions ---

Status SqliteAccountStore::CreateSession(const StoredSession& session) {
  if (Status ok = CheckSession(session); !ok.ok()) return ok;
  return Guarded(pool_.path(), "start a session", [&]() -> Status {
    ScopedUse s(Prepared(pool_.ForThisThread(), kInsertSession,
                         "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, "
                         "user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s->BindBlob(1, Bytes(session.id_hash));
    s->BindInt(2, session.user_id);
    s->BindText(3, session.csrf_token);
    s->BindInt(4, ToUnix(session.created_at));
    s->BindInt(5, ToUnix(session.last_seen_at));
    s->BindText(6, session.user_agent);
    try {
      s->Run();
    } catch (const SQLite::Exception& e) {
      switch (e.getExtendedErrorCode()) {
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          return MakeError(ErrorCode::kNotFound, fmt::format("there is no user {}", session.user_id));
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          return MakeError(ErrorCode::kConflict, "a session with this id already exists");
        default:
          throw;
      }
    }
    return OkStatus();
  });
}

Result<StoredSession> SqliteAccountStore::FindSession(const SessionIdHash& id_hash) {
  return Guarded(pool_.path(), "read a session", [&]() -> Result<StoredSession> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kSessionById, kSessionColumns, "WHERE id_hash = ?1"));
    s->BindBlob(1, Bytes(id_hash));
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, "there is no such session");
    StoredSession session;
    const std::span<const std::uint8_t> stored = s->Blob(0);
    if (stored.size() != session.id_hash.size()) {
      return NotAGazetteDatabase(pool_.path(), "a session id hash has the wrong length");
    }
    std::copy(stored.begin(), stored.end(), session.id_hash.begin());
    session.user_id = s->Int(1);
    s->ReadInto(2, session.csrf_token);
    session.created_at = TimestampFromUnix(s->Int(3));
    session.last_seen_at = TimestampFromUnix(s->Int(4));
    s->ReadInto(5, session.user_agent);
    return session;
  });
}

Status SqliteAccountStore::TouchSession(const SessionIdHash& id_hash, Timestamp last_seen_at) {
  return Guarded(pool_.path(), "update a session", [&]() -> Status {
    ScopedUse s(Prepared(pool_.ForThisThread(), kTouchSession,
                         "UPDATE sessions SET last_seen_at = ?2 WHERE id_hash = ?1"));
    s->BindBlob(1, Bytes(id_hash));
    s->BindInt(2, ToUnix(last_seen_at));
    s->Run();
    return OkStatus();
  });
}

Status SqliteAccountStore::DeleteSession(const SessionIdHash& id_hash) {
  return Guarded(pool_.path(), "end a session", [&]() -> Status {
    ScopedUse s(Prepared(pool_.ForThisThread(), kDeleteSession, "DELETE FROM sessions WHERE id_hash = ?1"));
    s->BindBlob(1, Bytes(id_hash));
    s->Run();
    return OkStatus();
  });
}

Result<std::int64_t> SqliteAccountStore::DeleteSessionsOfUser(std::int64_t user_id,
                                                              const std::optional<SessionIdHash>& keep) {
  return Guarded(pool_.path(), "end a user's sessions", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    // id_hash is never NULL, so "IS NOT NULL" (nothing to keep) matches every session of the user.
    ScopedUse s(Prepared(connection, kDeleteSessionsOfUser,
                         "DELETE FROM sessions WHERE user_id = ?1 AND id_hash IS NOT ?2"));
    s->BindInt(1, user_id);
    if (keep) {
      s->BindBlob(2, Bytes(*keep));
    } else {
      s->BindNull(2);
    }
    s->Run();
    return std::int64_t{connection.database().getChanges()};
  });
}

Result<std::int64_t> SqliteAccountStore::DeleteExpiredSessions(Timestamp idle_before,
                                                               Timestamp created_before) {
  return Guarded(pool_.path(), "delete expired sessions", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(Prepared(connection, kDeleteExpiredSessions,
                         "DELETE FROM sessions WHERE last_seen_at < ?1 OR created_at < ?2"));
    s->BindInt(1, ToUnix(idle_before));
    s->BindInt(2, ToUnix(created_before));
    s->Run();
    return std::int64_t{connection.database().getChanges()};
  });
}

// --- Failed logins ---

Status SqliteAccountStore::RecordLoginFailure(const LoginFailure& failure) {
  return Guarded(pool_.path(), "record a failed login", [&]() -> Status {
    ScopedUse s(Prepared(pool_.ForThisThread(), kInsertLoginFailure,
                         "INSERT INTO login_failures (at, email_key, ip_key) VALUES (?1, ?2, ?3)"));
    s->BindInt(1, ToUnix(failure.at));
    s->BindBlob(2, Bytes(failure.email_key));
    s->BindBlob(3, Bytes(failure.ip_key));
    s->Run();
    return OkStatus();
  });
}

Result<std::vector<Timestamp>> SqliteAccountStore::LoginFailuresForEmail(const ThrottleKey& email_key,
                                                                         Timestamp since,
                                                                         std::int64_t limit) {
  if (Status ok = CheckLimit(limit); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "count failed logins", [&]() -> Result<std::vector<Timestamp>> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kLoginFailuresForEmail,
                         "SELECT at FROM login_failures WHERE email_key = ?1 AND at >= ?2 "
                         "ORDER BY at DESC LIMIT ?3"));
    s->BindBlob(1, Bytes(email_key));
    s->BindInt(2, ToUnix(since));
    s->BindInt(3, limit);
    return ReadInstants(*s, limit);
  });
}

Result<std::vector<Timestamp>> SqliteAccountStore::LoginFailuresFromIp(const ThrottleKey& ip_key,
                                                                       Timestamp since, std::int64_t limit) {
  if (Status ok = CheckLimit(limit); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "count failed logins", [&]() -> Result<std::vector<Timestamp>> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kLoginFailuresFromIp,
                         "SELECT at FROM login_failures WHERE ip_key = ?1 AND at >= ?2 "
                         "ORDER BY at DESC LIMIT ?3"));
    s->BindBlob(1, Bytes(ip_key));
    s->BindInt(2, ToUnix(since));
    s->BindInt(3, limit);
    return ReadInstants(*s, limit);
  });
}

Status SqliteAccountStore::ClearLoginFailures(const ThrottleKey& email_key) {
  return Guarded(pool_.path(), "clear failed logins", [&]() -> Status {
    ScopedUse s(Prepared(pool_.ForThisThread(), kClearLoginFailures,
                         "DELETE FROM login_failures WHERE email_key = ?1"));
    s->BindBlob(1, Bytes(email_key));
    s->Run();
    return OkStatus();
  });
}

Result<std::int64_t> SqliteAccountStore::DeleteLoginFailuresBefore(Timestamp before) {
  return Guarded(pool_.path(), "delete old failed logins", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(Prepared(connection, kDeleteLoginFailuresBefore, "DELETE FROM login_failures WHERE at < ?1"));
    s->BindInt(1, ToUnix(before));
    s->Run();
    return std::int64_t{connection.database().getChanges()};
  });
}

// --- Audit log ---

Result<std::int64_t> SqliteAccountStore::AppendAudit(const AuditEntry& entry) {
  if (Status ok = CheckAudit(entry); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "write the audit log", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(Prepared(connection, kInsertAudit,
                         "INSERT INTO audit_log (at, user_id, action, target, detail, ip) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s->BindInt(1, ToUnix(entry.at));
    s->BindOptionalInt(2, entry.user_id);
    s->BindText(3, entry.action);
    s->BindText(4, entry.target);
    s->BindText(5, entry.detail);
    s->BindText(6, entry.ip);
    try {
      s->Run();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      return MakeError(ErrorCode::kInvalid, fmt::format("there is no user {}", entry.user_id.value_or(0)));
    }
    return connection.database().getLastInsertRowid();
  });
}

Result<std::vector<AuditEntry>> SqliteAccountStore::ListAudit(std::int64_t offset, std::int64_t limit) {
  if (Status ok = CheckLimit(limit); !ok.ok()) return std::move(ok).error();
  if (offset < 0) return MakeError(ErrorCode::kInvalid, "a list cannot start before its first row");
  return Guarded(pool_.path(), "read the audit log", [&]() -> Result<std::vector<AuditEntry>> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kListAudit,
                         "SELECT id, at, user_id, action, target, detail, ip FROM audit_log "
                         "ORDER BY id DESC LIMIT ?1 OFFSET ?2"));
    s->BindInt(1, limit);
    s->BindInt(2, offset);
    std::vector<AuditEntry> entries;
    while (s->Step()) {
      AuditEntry& entry = entries.emplace_back();
      entry.id = s->Int(0);
      entry.at = TimestampFromUnix(s->Int(1));
      entry.user_id = s->OptionalInt(2);
      s->ReadInto(3, entry.action);
      s->ReadInto(4, entry.target);
      s->ReadInto(5, entry.detail);
      s->ReadInto(6, entry.ip);
    }
    return entries;
  });
}

// --- Keys ---

Result<SecretKey> SqliteAccountStore::GetOrCreateKey(std::string_view name, const SecretKey& fresh) {
  if (name.empty() || name.size() > kMaxKeyNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a key name must be 1 to {} bytes long", kMaxKeyNameBytes));
  }
  return Guarded(pool_.path(), "read the accounts' keys", [&]() -> Result<SecretKey> {
    Connection& connection = pool_.ForThisThread();
    {
      // DO NOTHING: when another server stored its key first, that key is the site's.
      ScopedUse s(
          Prepared(connection, kInsertKey,
                   "INSERT INTO account_keys (name, key) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING"));
      s->BindText(1, name);
      s->BindBlob(2, Bytes(fresh));
      s->Run();
    }
    ScopedUse s(Prepared(connection, kKeyByName, "SELECT key FROM account_keys WHERE name = ?1"));
    s->BindText(1, name);
    SecretKey key{};
    const std::span<const std::uint8_t> stored = s->Step() ? s->Blob(0) : std::span<const std::uint8_t>{};
    if (stored.size() != key.size())
      return NotAGazetteDatabase(pool_.path(), "an accounts key is missing or damaged");
    std::copy(stored.begin(), stored.end(), key.begin());
    return key;
  });
}

}  // namespace gazette::storage::sqlite
